import { randomBytes } from "node:crypto";
import type { TFunction } from "i18next";
import { hasRole } from "~/accounts/roles";
import type { Db } from "~/db.server";
import { env } from "~/env.server";
import type { Event, EventTranslation } from "~/generated/prisma/client";
import type { Locale } from "~/i18n/config";
import { isLocale } from "~/i18n/config";
import { getFixedT } from "~/i18n/i18next.server";
import { textFor } from "~/events/events.server";
import { mayKnowPlace } from "~/events/privacy";
import { buildCalendar, type CalendarEntry } from "./ics.server";
import { withReaderVersions } from "./versions.server";

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

/**
 * What a lock screen may show: the kind's neutral name ("Café", "Yoga"), then the group's name
 * when TSUNAGU_GROUP_NAME is set. Never the organizers' own title ("Refugee Café").
 */
export function discreetTitle(t: TFunction, kind: string, groupName?: string | null): string {
  const what = t(`mail.gathering.${kind}`);
  return groupName ? t("calendarTitles.withGroup", { what, group: groupName }) : what;
}

export type EntryOptions = {
  locale: Locale;
  t: TFunction;
  appUrl: string;
  knowsPlace: boolean;
  tentative?: boolean;
  /** The member asked for the events' own titles; otherwise the title stays in the description. */
  fullTitles?: boolean;
  groupName?: string | null;
};

export function calendarEntry(event: EventRow, options: EntryOptions): CalendarEntry {
  const text = textFor(event, options.locale);
  const full = options.fullTitles ?? false;
  const groupName = options.groupName === undefined ? env().TSUNAGU_GROUP_NAME : options.groupName;
  return {
    id: event.id,
    title: full ? text.title : discreetTitle(options.t, event.kind, groupName),
    description: full
      ? text.description
      : [text.title, text.description].filter(Boolean).join("\n\n"),
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

async function wantsFullTitles(db: Db, userId: string): Promise<boolean> {
  const user = await db.user.findUnique({
    where: { id: userId },
    select: { calendarFullTitles: true },
  });
  return user?.calendarFullTitles ?? false;
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
    t: await getFixedT(locale),
    appUrl,
    knowsPlace: mayKnowPlace(event, { isOrganizer: viewer?.isOrganizer ?? false, status }),
    tentative: status === "waitlisted",
    fullTitles: viewer ? await wantsFullTitles(db, viewer.id) : false,
  });
}

/** The .ics download: the entry above, with SEQUENCE as this viewer's calendar has seen it. */
export async function singleEventFileEntry(
  db: Db,
  eventId: string,
  viewer: { id: string; isOrganizer: boolean } | null,
  locale: Locale,
  appUrl: string,
): Promise<CalendarEntry | null> {
  const entry = await singleEventEntry(db, eventId, viewer, locale, appUrl);
  if (!entry) return null;
  const reader = viewer ? { userId: viewer.id } : { publicLocale: locale };
  const [versioned] = await withReaderVersions(db, reader, [entry]);
  return versioned!;
}

/**
 * The .ics attached to an email: the same entry the member's feed and download show (their
 * title setting, their seat), so all three agree on SEQUENCE.
 */
export async function memberEventFile(
  db: Db,
  event: EventRow,
  options: {
    userId: string;
    locale: Locale;
    t: TFunction;
    appUrl: string;
    knowsPlace: boolean;
    tentative: boolean;
  },
): Promise<string> {
  const entry = calendarEntry(event, {
    ...options,
    fullTitles: await wantsFullTitles(db, options.userId),
  });
  const [versioned] = await withReaderVersions(db, { userId: options.userId }, [entry]);
  return buildCalendar(versioned!.title, [versioned!]);
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
  const t = await getFixedT(options.locale);
  const entries = events.map((event) =>
    calendarEntry(event, {
      locale: options.locale,
      t,
      appUrl: options.appUrl,
      knowsPlace: mayKnowPlace(event, { isOrganizer: false, status: null }),
    }),
  );
  return withReaderVersions(db, { publicLocale: options.locale }, entries, options.now);
}

/** The person's own feed: what they are going to, and (as tentative) waiting for. */
export async function personalFeed(db: Db, token: string, appUrl: string, now: Date) {
  const user = await db.user.findUnique({
    where: { calendarToken: token },
    select: { id: true, locale: true, role: true, calendarFullTitles: true },
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
  const isOrganizer = hasRole(user.role, "organizer");
  const t = await getFixedT(locale);
  const entries = rsvps.map((r) =>
    calendarEntry(r.event, {
      locale,
      t,
      appUrl,
      knowsPlace: mayKnowPlace(r.event, { isOrganizer, status: r.status }),
      tentative: r.status === "waitlisted",
      fullTitles: user.calendarFullTitles,
    }),
  );
  return { locale, entries: await withReaderVersions(db, { userId: user.id }, entries, now) };
}

/** The "show full titles in my calendar" setting. */
export async function calendarTitleSetting(db: Db, userId: string): Promise<boolean> {
  return wantsFullTitles(db, userId);
}

export async function saveCalendarTitleSetting(
  db: Db,
  userId: string,
  fullTitles: boolean,
): Promise<void> {
  await db.user.update({ where: { id: userId }, data: { calendarFullTitles: fullTitles } });
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
