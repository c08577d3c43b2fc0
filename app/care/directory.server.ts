import type { Db } from "~/db.server";
import type { Resource, ResourceTranslation } from "~/generated/prisma/client";
import type { Locale } from "~/i18n/config";
import type { HelpTopic } from "./topics";

/** An entry that has not been confirmed for this long is flagged to organizers and marked. */
export const STALE_AFTER_MONTHS = 6;

export function isStale(lastCheckedAt: Date, now: Date): boolean {
  const limit = new Date(now);
  limit.setUTCMonth(limit.getUTCMonth() - STALE_AFTER_MONTHS);
  return lastCheckedAt < limit;
}

export type ResourceFilter = {
  topics?: readonly HelpTopic[];
  /** Spoken-language codes; a service matches when it speaks any of them or offers interpretation */
  languages?: readonly string[];
  /** Closed services are listed last on /resources, but never offered as a match for a request */
  includeClosed?: boolean;
};

export type ResourceWithTranslations = Resource & { translations: ResourceTranslation[] };

/**
 * Directory entries matching a topic and language, open ones first and then by name. Used by
 * /resources and by help requests (the entries shown to a member the moment she asks, and the
 * ones an organizer attaches to a reply).
 */
export async function findResources(
  db: Db,
  filter: ResourceFilter = {},
): Promise<ResourceWithTranslations[]> {
  const topics = filter.topics ?? [];
  const languages = filter.languages ?? [];
  const rows = await db.resource.findMany({
    where: {
      ...(filter.includeClosed ? {} : { status: "open" }),
      ...(topics.length
        ? { OR: topics.map((topic) => ({ topics: { contains: `,${topic},` } })) }
        : {}),
      ...(languages.length
        ? {
            AND: [
              {
                OR: [
                  { interpretation: true },
                  ...languages.map((code) => ({ languages: { contains: `,${code},` } })),
                ],
              },
            ],
          }
        : {}),
    },
    include: { translations: true },
    orderBy: [{ name: "asc" }],
  });
  return rows.sort((a, b) => Number(a.status !== "open") - Number(b.status !== "open"));
}

/** Name, description and notes in the reader's language when an organizer added them. */
export function resourceTextFor(resource: ResourceWithTranslations, locale: Locale) {
  const original = {
    name: resource.name,
    description: resource.description,
    costNote: resource.costNote,
    whatToBring: resource.whatToBring,
  };
  if (resource.locale === locale) return { ...original, locale, inReaderLanguage: true };
  const translation = resource.translations.find((t) => t.locale === locale);
  if (!translation) return { ...original, locale: resource.locale, inReaderLanguage: false };
  return {
    name: translation.name,
    description: translation.description || original.description,
    costNote: translation.costNote || original.costNote,
    whatToBring: translation.whatToBring || original.whatToBring,
    locale,
    inReaderLanguage: true,
  };
}
