import { type Db, writeTransaction } from "~/db.server";
import { decodeList, encodeList } from "~/utils/comma-list";
import type { ResourceInput, ResourceTranslationInput } from "./directory-schemas";
import { isStale, STALE_AFTER_MONTHS, type ResourceWithTranslations } from "./directory.server";
import type { ImportedEntry } from "./hsds.server";
import { encodeOpeningHours, parseOpeningHours } from "./opening-hours";

/** Topics are stored like languages, ",sleep,food,", so `contains: ",food,"` finds them. */
export const encodeTopics = encodeList;

function columnsOf(input: ResourceInput) {
  return {
    name: input.name,
    description: input.description,
    locale: input.locale,
    topics: encodeTopics(input.topics),
    languages: encodeList(input.languages),
    interpretation: input.interpretation,
    audience: input.audience,
    free: input.free,
    costNote: input.costNote,
    whatToBring: input.whatToBring,
    phone: input.phone,
    email: input.email,
    website: input.website,
    address: input.address,
    mapUrl: input.mapUrl,
    openingHours: encodeOpeningHours(input.hours),
    status: input.status,
  };
}

/** A new entry counts as checked now: whoever writes it has just confirmed the details. */
export async function createResource(
  db: Db,
  input: ResourceInput,
  actorId: string,
  now = new Date(),
): Promise<string> {
  const row = await db.resource.create({
    data: { ...columnsOf(input), lastCheckedAt: now, createdById: actorId },
    select: { id: true },
  });
  return row.id;
}

/** Editing is not checking: only "checked today" moves lastCheckedAt (or the edit form's box). */
export async function updateResource(db: Db, id: string, input: ResourceInput): Promise<boolean> {
  const { count } = await db.resource.updateMany({ where: { id }, data: columnsOf(input) });
  return count === 1;
}

export async function markChecked(db: Db, id: string, now = new Date()): Promise<boolean> {
  const { count } = await db.resource.updateMany({ where: { id }, data: { lastCheckedAt: now } });
  return count === 1;
}

export async function deleteResource(db: Db, id: string): Promise<boolean> {
  const { count } = await db.resource.deleteMany({ where: { id } });
  return count === 1;
}

export async function saveResourceTranslation(
  db: Db,
  resourceId: string,
  input: Omit<ResourceTranslationInput, "intent">,
): Promise<void> {
  // Only these fields: the form's intent must never reach the database.
  const fields = {
    name: input.name,
    description: input.description,
    costNote: input.costNote,
    whatToBring: input.whatToBring,
  };
  await db.resourceTranslation.upsert({
    where: { resourceId_locale: { resourceId, locale: input.locale } },
    create: { resourceId, locale: input.locale, ...fields },
    update: fields,
  });
}

export async function deleteResourceTranslation(db: Db, resourceId: string, locale: string) {
  await db.resourceTranslation.deleteMany({ where: { resourceId, locale } });
}

export async function getResource(db: Db, id: string): Promise<ResourceWithTranslations | null> {
  return db.resource.findUnique({ where: { id }, include: { translations: true } });
}

/** The organizers' list: entries nobody has checked for six months first, then by name. */
export async function listForOrganizers(db: Db, now: Date) {
  const rows = await db.resource.findMany({
    include: { translations: { select: { locale: true } } },
    orderBy: [{ name: "asc" }],
  });
  return rows
    .map((r) => ({ ...r, stale: isStale(r.lastCheckedAt, now) }))
    .sort((a, b) => Number(b.stale) - Number(a.stale));
}

/** For the dashboard: how many entries wait to be checked. */
export async function countStale(db: Db, now: Date): Promise<number> {
  const limit = new Date(now);
  limit.setUTCMonth(limit.getUTCMonth() - STALE_AFTER_MONTHS);
  return db.resource.count({ where: { lastCheckedAt: { lt: limit } } });
}

/** The edit form's starting values, in the form's own shape (checkboxes as "on"). */
export function formDefaultsOf(resource: ResourceWithTranslations) {
  return {
    name: resource.name,
    description: resource.description,
    locale: resource.locale,
    topics: decodeList(resource.topics),
    languages: decodeList(resource.languages),
    interpretation: resource.interpretation ? "on" : undefined,
    audience: resource.audience,
    free: resource.free ? "on" : undefined,
    costNote: resource.costNote,
    whatToBring: resource.whatToBring,
    phone: resource.phone,
    email: resource.email,
    website: resource.website,
    address: resource.address,
    mapUrl: resource.mapUrl,
    status: resource.status,
    hours: parseOpeningHours(resource.openingHours).map((h) => ({
      weekday: String(h.weekday),
      opens: h.opens,
      closes: h.closes,
    })),
  };
}

/** Adds every entry of a validated import in one transaction: all of them, or none. */
export async function importResources(
  db: Db,
  entries: ImportedEntry[],
  actorId: string,
): Promise<number> {
  await writeTransaction(db, async (tx) => {
    for (const entry of entries) {
      const { translations, lastCheckedAt, sample, ...input } = entry;
      const created = await tx.resource.create({
        data: { ...columnsOf(input), lastCheckedAt, sample, createdById: actorId },
        select: { id: true },
      });
      const extra = translations.filter((tr) => tr.locale !== input.locale);
      if (extra.length) {
        await tx.resourceTranslation.createMany({
          data: extra.map((tr) => ({ resourceId: created.id, ...tr })),
        });
      }
    }
  });
  return entries.length;
}

export async function allResources(db: Db): Promise<ResourceWithTranslations[]> {
  return db.resource.findMany({ include: { translations: true }, orderBy: { name: "asc" } });
}
