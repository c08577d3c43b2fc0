import { type Db, writeTransaction } from "~/db.server";
import type { Event, Prisma } from "~/generated/prisma/client";
import type { Locale } from "~/i18n/config";
import { enqueueEventMessages, enqueueRsvpMessages } from "~/notifications/change-messages.server";
import { encodeList } from "~/utils/comma-list";
import {
  isValidTimeZone,
  localParts,
  minutesBetween,
  occurrencesBetween,
  ruleFor,
  zonedInstant,
  type Repeat,
} from "./recurrence";
import type { EventChange, RsvpChange } from "./changes";
import { deadlineFor } from "./event-form";
import { confirmedSeats, fillFromWaitlist } from "./rsvp.server";
import type { CreateEventInput, EventFormInput } from "./schemas";

type Tx = Prisma.TransactionClient;

/** Series keep at least this far of future occurrences; each top-up goes a month further. */
export const GENERATE_AHEAD_DAYS = 92;
const TOP_UP_DAYS = GENERATE_AHEAD_DAYS + 31;
const DAY_MS = 24 * 60 * 60 * 1000;

export type FormError = { field: string; error: string };
type Outcome<T> = ({ ok: true } & T) | { ok: false; errors: FormError[] };

/** The columns an occurrence takes from the form (everything but its own time). */
function contentOf(input: EventFormInput) {
  return {
    kind: input.kind,
    title: input.title,
    description: input.description,
    locale: input.locale,
    languages: encodeList(input.languages),
    stepFreeAccess: input.stepFreeAccess,
    childcare: input.childcare,
    food: input.food,
    accessibilityNotes: input.accessibilityNotes,
    venueName: input.venueName,
    venueAddress: input.venueAddress,
    mapUrl: input.mapUrl ?? "",
    onlineUrl: input.onlineUrl ?? "",
    hideAddress: input.hideAddress,
    capacity: input.capacity ?? null,
    timeZone: input.timeZone,
    womenOnly: input.womenOnly,
  };
}
type EventContent = ReturnType<typeof contentOf>;

type SeriesTemplate = EventContent & { durationMinutes: number; rsvpDeadlineHours: number | null };

function validateTimes(input: EventFormInput, now: Date): FormError[] {
  const errors: FormError[] = [];
  if (!isValidTimeZone(input.timeZone))
    errors.push({ field: "timeZone", error: "errors.timeZoneInvalid" });
  else if (zonedInstant(input.date, input.startTime, input.timeZone) <= now) {
    errors.push({ field: "date", error: "errors.dateInPast" });
  }
  if (minutesBetween(input.startTime, input.endTime) <= 0) {
    errors.push({ field: "endTime", error: "errors.endBeforeStart" });
  }
  if (!input.venueName && !input.venueAddress && !input.onlineUrl) {
    errors.push({ field: "venueName", error: "errors.placeRequired" });
  }
  return errors;
}

export async function createEvent(
  db: Db,
  input: CreateEventInput,
  organizerId: string,
  now = new Date(),
): Promise<Outcome<{ eventId: string; seriesId: string | null }>> {
  const errors = validateTimes(input, now);
  if (input.repeat !== "none" && input.untilDate && input.untilDate < input.date) {
    errors.push({ field: "untilDate", error: "errors.untilBeforeStart" });
  }
  if (errors.length) return { ok: false, errors };

  const content = contentOf(input);
  const durationMinutes = minutesBetween(input.startTime, input.endTime);
  if (input.repeat === "none") {
    const startsAt = zonedInstant(input.date, input.startTime, input.timeZone);
    const event = await db.event.create({
      data: {
        ...content,
        startsAt,
        endsAt: new Date(startsAt.getTime() + durationMinutes * 60_000),
        rsvpDeadline: deadlineFor(startsAt, input.rsvpDeadlineHours),
        createdById: organizerId,
      },
    });
    return { ok: true, eventId: event.id, seriesId: null };
  }

  const template: SeriesTemplate = {
    ...content,
    durationMinutes,
    rsvpDeadlineHours: input.rsvpDeadlineHours ?? null,
  };
  return writeTransaction(db, async (tx) => {
    const series = await tx.eventSeries.create({
      data: {
        rrule: ruleFor(input.repeat as Repeat, input.date),
        startDate: input.date,
        startTime: input.startTime,
        durationMinutes,
        timeZone: input.timeZone,
        untilDate: input.untilDate ?? null,
        template: JSON.stringify(template),
        generatedUntil: now,
        createdById: organizerId,
      },
    });
    await generateOccurrences(tx, series.id, now);
    const first = await tx.event.findFirstOrThrow({
      where: { seriesId: series.id },
      orderBy: { startsAt: "asc" },
    });
    return { ok: true as const, eventId: first.id, seriesId: series.id };
  });
}

/** Creates the series' missing occurrences up to TOP_UP_DAYS ahead of `now`. Safe to repeat. */
async function generateOccurrences(tx: Tx, seriesId: string, now: Date): Promise<number> {
  const series = await tx.eventSeries.findUniqueOrThrow({ where: { id: seriesId } });
  const template = JSON.parse(series.template) as SeriesTemplate;
  const horizon = new Date(now.getTime() + TOP_UP_DAYS * DAY_MS);
  const from = series.generatedUntil;
  if (horizon <= from) return 0;
  const occurrences = occurrencesBetween(
    { ...series, durationMinutes: template.durationMinutes },
    new Date(Math.min(from.getTime(), now.getTime())),
    horizon,
  );
  const existing = new Set(
    (await tx.event.findMany({ where: { seriesId }, select: { occurrenceKey: true } })).map(
      (e) => e.occurrenceKey,
    ),
  );
  const { durationMinutes: _d, rsvpDeadlineHours, ...content } = template;
  const fresh = occurrences.filter((o) => !existing.has(o.occurrenceKey) && o.startsAt > now);
  if (fresh.length) {
    await tx.event.createMany({
      data: fresh.map((o) => ({
        ...content,
        seriesId,
        occurrenceKey: o.occurrenceKey,
        startsAt: o.startsAt,
        endsAt: o.endsAt,
        rsvpDeadline: deadlineFor(o.startsAt, rsvpDeadlineHours),
        createdById: series.createdById,
      })),
    });
  }
  await tx.eventSeries.update({ where: { id: seriesId }, data: { generatedUntil: horizon } });
  return fresh.length;
}

/** Keeps every open series at least three months ahead; run at start-up and hourly. */
export async function topUpAllSeries(db: Db, now = new Date()): Promise<number> {
  const due = await db.eventSeries.findMany({
    where: { generatedUntil: { lt: new Date(now.getTime() + GENERATE_AHEAD_DAYS * DAY_MS) } },
    select: { id: true },
  });
  let created = 0;
  for (const { id } of due) {
    created += await writeTransaction(db, (tx) => generateOccurrences(tx, id, now));
  }
  return created;
}

/**
 * Edits one occurrence, or it and every later one of its series. Capacity may not fall below
 * the seats already confirmed; raising it promotes people from the waitlist.
 */
export async function updateEvent(
  db: Db,
  eventId: string,
  input: EventFormInput & { scope: "one" | "following" },
  now = new Date(),
): Promise<Outcome<{ changes: EventChange[]; rsvpChanges: RsvpChange[] }>> {
  return writeTransaction(db, async (tx) => {
    const event = await tx.event.findUnique({ where: { id: eventId } });
    if (!event)
      return { ok: false as const, errors: [{ field: "", error: "errors.eventNotFound" }] };
    if (event.status === "cancelled")
      return { ok: false as const, errors: [{ field: "", error: "errors.eventCancelled" }] };
    const errors = validateTimes(input, now);
    const scope = event.seriesId ? input.scope : "one";
    if (scope === "following" && input.date !== localParts(event.startsAt, event.timeZone).date) {
      errors.push({ field: "date", error: "errors.seriesDateChange" });
    }

    const targets =
      scope === "one"
        ? [event]
        : await tx.event.findMany({
            where: {
              seriesId: event.seriesId,
              startsAt: { gte: event.startsAt },
              status: "scheduled",
            },
            orderBy: { startsAt: "asc" },
          });
    for (const target of targets) {
      const seats = await confirmedSeats(tx, target.id);
      if (input.capacity !== undefined && input.capacity < seats) {
        errors.push({ field: "capacity", error: "errors.capacityBelowConfirmed" });
        break;
      }
    }
    if (errors.length) return { ok: false as const, errors };

    const content = contentOf(input);
    const durationMinutes = minutesBetween(input.startTime, input.endTime);
    const changes: EventChange[] = [];
    const rsvpChanges: RsvpChange[] = [];
    for (const target of targets) {
      const date = scope === "one" ? input.date : localParts(target.startsAt, target.timeZone).date;
      const startsAt = zonedInstant(date, input.startTime, input.timeZone);
      const endsAt = new Date(startsAt.getTime() + durationMinutes * 60_000);
      const timeOrPlaceChanged =
        startsAt.getTime() !== target.startsAt.getTime() ||
        endsAt.getTime() !== target.endsAt.getTime() ||
        content.venueName !== target.venueName ||
        content.venueAddress !== target.venueAddress ||
        content.onlineUrl !== target.onlineUrl;
      await tx.event.update({
        where: { id: target.id },
        data: {
          ...content,
          startsAt,
          endsAt,
          rsvpDeadline: deadlineFor(startsAt, input.rsvpDeadlineHours),
          sequence: { increment: 1 },
        },
      });
      changes.push({ kind: "changed", eventId: target.id, timeOrPlaceChanged });
      rsvpChanges.push(...(await fillFromWaitlist(tx, target.id, now)));
    }
    if (scope === "following" && event.seriesId) {
      const template: SeriesTemplate = {
        ...content,
        durationMinutes,
        rsvpDeadlineHours: input.rsvpDeadlineHours ?? null,
      };
      await tx.eventSeries.update({
        where: { id: event.seriesId },
        data: {
          template: JSON.stringify(template),
          startTime: input.startTime,
          durationMinutes,
          timeZone: input.timeZone,
        },
      });
    }
    await enqueueEventMessages(tx, changes);
    await enqueueRsvpMessages(tx, rsvpChanges);
    return { ok: true as const, changes, rsvpChanges };
  });
}

/** Cancels one occurrence; its series, and everyone's RSVPs, stay as they are. */
export async function cancelEvent(
  db: Db,
  eventId: string,
): Promise<Outcome<{ changes: EventChange[] }>> {
  return writeTransaction(db, async (tx) => {
    const { count } = await tx.event.updateMany({
      where: { id: eventId, status: "scheduled" },
      data: { status: "cancelled", sequence: { increment: 1 } },
    });
    if (count === 0)
      return { ok: false as const, errors: [{ field: "", error: "errors.eventCancelled" }] };
    const changes: EventChange[] = [{ kind: "cancelled", eventId, timeOrPlaceChanged: false }];
    await enqueueEventMessages(tx, changes);
    return { ok: true as const, changes };
  });
}

export async function saveTranslation(
  db: Db,
  eventId: string,
  input: { locale: Locale; title: string; description: string },
): Promise<void> {
  await db.eventTranslation.upsert({
    where: { eventId_locale: { eventId, locale: input.locale } },
    // Only these fields: a form's own fields (its intent) must never reach the database.
    create: { eventId, locale: input.locale, title: input.title, description: input.description },
    update: { title: input.title, description: input.description },
  });
}

/** Title and description in the reader's language when an organizer added one, else the original. */
export function textFor(
  event: Pick<Event, "title" | "description" | "locale"> & {
    translations: { locale: string; title: string; description: string }[];
  },
  locale: Locale,
): { title: string; description: string; locale: string; inReaderLanguage: boolean } {
  if (event.locale === locale) {
    return { title: event.title, description: event.description, locale, inReaderLanguage: true };
  }
  const translation = event.translations.find((t) => t.locale === locale);
  if (translation) {
    return {
      title: translation.title,
      description: translation.description,
      locale,
      inReaderLanguage: true,
    };
  }
  return {
    title: event.title,
    description: event.description,
    locale: event.locale,
    inReaderLanguage: false,
  };
}
