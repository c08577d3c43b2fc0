import { randomBytes } from "node:crypto";
import type { Db } from "~/db.server";
import type { Event, EventTranslation } from "~/generated/prisma/client";
import type { Locale } from "~/i18n/config";
import { isLocale } from "~/i18n/config";
import { textFor } from "~/events/events.server";
import { mayKnowPlace } from "~/events/privacy";
import type { CalendarEntry } from "./ics.server";

type EventRow = Event & { translations: EventTranslation[] };

/** Personal feeds keep a month of past events, so last week's café stays in people's calendars. */
const PAST_DAYS = 31;

/** What a calendar may say about where: the venue's name always, the address and link only when allowed. */
export function placeFor(
  event: Pick<Event, "venueName" | "venueAddress" | "onlineUrl">,
  knowsPlace: boolean,
): string | null {
  const parts = [
    event.venueName,
    knowsPlace ? event.venueAddress : "",
    knowsPlace ? event.onlineUrl : "",
  ];
  const place = parts.filter(Boolean).join(", ");
  return place || null;
}

export function calendarEntry(
  event: EventRow,
  options: { locale: Locale; appUrl: string; knowsPlace: boolean; tentative?: boolean },
): CalendarEntry {
  const text = textFor(event, options.locale);
  return {
    id: event.id,
    title: text.title,
    description: text.description,
    startsAt: event.startsAt,
    endsAt: event.endsAt,
    timeZone: event.timeZone,
    cancelled: event.status === "cancelled",
    tentative: options.tentative ?? false,
    sequence: event.sequence,
    location: placeFor(event, options.knowsPlace),
    url: new URL(`/events/${event.id}`, options.appUrl).toString(),
    updatedAt: event.updatedAt,
  };
}

/** One event for one viewer (the .ics download and the Google Calendar link). */
export async function singleEventEntry(
  db: Db,
  eventId: string,
  viewer: { id: string; isOrganizer: boolean } | null,
  locale: Locale,
  appUrl: string,
): Promise<CalendarEntry | null> {
  const event = await db.event.findUnique({
    where: { id: eventId },
    include: { translations: true },
  });
  if (!event) return null;
  const rsvp = viewer
    ? await db.rsvp.findUnique({
        where: { eventId_userId: { eventId, userId: viewer.id } },
        select: { status: true },
      })
    : null;
  const status = rsvp?.status ?? null;
  return calendarEntry(event, {
    locale,
    appUrl,
    knowsPlace: mayKnowPlace(event, { isOrganizer: viewer?.isOrganizer ?? false, status }),
    tentative: status === "waitlisted",
  });
}

/** Everyone's feed: upcoming events (cancelled ones too, so calendars drop them), no hidden addresses. */
export async function publicFeedEntries(
  db: Db,
  options: { kind?: string; locale: Locale; appUrl: string; now: Date },
): Promise<CalendarEntry[]> {
  const events = await db.event.findMany({
    where: { endsAt: { gt: options.now }, ...(options.kind ? { kind: options.kind } : {}) },
    include: { translations: true },
    orderBy: { startsAt: "asc" },
    take: 500,
  });
  return events.map((event) =>
    calendarEntry(event, {
      locale: options.locale,
      appUrl: options.appUrl,
      knowsPlace: mayKnowPlace(event, { isOrganizer: false, status: null }),
    }),
  );
}

/** The person's own feed: what they are going to, and (as tentative) waiting for. */
export async function personalFeed(db: Db, token: string, appUrl: string, now: Date) {
  const user = await db.user.findUnique({
    where: { calendarToken: token },
    select: { id: true, locale: true, role: true },
  });
  if (!user) return null;
  const locale: Locale = isLocale(user.locale) ? user.locale : "en";
  const rsvps = await db.rsvp.findMany({
    where: {
      userId: user.id,
      status: { in: ["going", "waitlisted"] },
      event: { endsAt: { gt: new Date(now.getTime() - PAST_DAYS * 86_400_000) } },
    },
    include: { event: { include: { translations: true } } },
    orderBy: { event: { startsAt: "asc" } },
  });
  const isOrganizer = user.role === "organizer" || user.role === "admin";
  return {
    locale,
    entries: rsvps.map((r) =>
      calendarEntry(r.event, {
        locale,
        appUrl,
        knowsPlace: mayKnowPlace(r.event, { isOrganizer, status: r.status }),
        tentative: r.status === "waitlisted",
      }),
    ),
  };
}

/** The person's feed token, made on first use. */
export async function calendarTokenFor(db: Db, userId: string): Promise<string> {
  const user = await db.user.findUniqueOrThrow({
    where: { id: userId },
    select: { calendarToken: true },
  });
  return user.calendarToken ?? regenerateCalendarToken(db, userId);
}

/** A new secret URL; the old one stops working at once. */
export async function regenerateCalendarToken(db: Db, userId: string): Promise<string> {
  const token = randomBytes(24).toString("base64url");
  await db.user.update({ where: { id: userId }, data: { calendarToken: token } });
  return token;
}
