import { TZDate } from "@date-fns/tz";
import { getVtimezoneComponent } from "@touch4it/ical-timezones";
import ical, { ICalAlarmType, ICalEventStatus } from "ical-generator";

/**
 * One event as a calendar shows it; what it may reveal has been decided by the caller. `title`
 * is what lock screens show (SUMMARY and the alarm): the kind's neutral name unless the member
 * asked for full titles, in which case `description` no longer repeats it.
 */
export type CalendarEntry = {
  id: string;
  title: string;
  description: string;
  startsAt: Date;
  endsAt: Date;
  timeZone: string;
  cancelled: boolean;
  /** Waitlisted: the person may still get a seat. */
  tentative: boolean;
  sequence: number;
  location: string | null;
  url: string;
  updatedAt: Date;
};

export const ALARM_MINUTES_BEFORE = 120;

const vtimezones = new Map<string, string | null>();
function vtimezone(zone: string): string | null {
  if (!vtimezones.has(zone)) vtimezones.set(zone, getVtimezoneComponent(zone));
  return vtimezones.get(zone)!;
}

/** Stable across edits and feeds, so calendars update an event instead of adding a copy. */
export function eventUid(eventId: string): string {
  return `event-${eventId}@tsunagu`;
}

/**
 * An iCalendar file with ical-generator: local times with TZID and a VTIMEZONE for each zone,
 * SEQUENCE raised on every change, STATUS:CANCELLED for cancellations, an alarm before start.
 */
export function buildCalendar(name: string, entries: CalendarEntry[]): string {
  const calendar = ical({
    name,
    prodId: { company: "Tsunagu", product: "Events", language: "EN" },
    timezone: { name: null, generator: vtimezone },
  });
  for (const entry of entries) {
    const event = calendar.createEvent({
      id: eventUid(entry.id),
      sequence: entry.sequence,
      start: new TZDate(entry.startsAt.getTime(), entry.timeZone),
      end: new TZDate(entry.endsAt.getTime(), entry.timeZone),
      timezone: entry.timeZone,
      summary: entry.title,
      description: `${entry.description ? `${entry.description}\n\n` : ""}${entry.url}`,
      location: entry.location,
      url: entry.url,
      stamp: entry.updatedAt,
      lastModified: entry.updatedAt,
      status: entry.cancelled
        ? ICalEventStatus.CANCELLED
        : entry.tentative
          ? ICalEventStatus.TENTATIVE
          : ICalEventStatus.CONFIRMED,
    });
    if (!entry.cancelled) {
      event.createAlarm({
        type: ICalAlarmType.display,
        trigger: ALARM_MINUTES_BEFORE * 60,
        description: entry.title,
      });
    }
  }
  // RFC 5545 ends every content line, the last one too, with CRLF.
  const text = calendar.toString();
  return text.endsWith("\r\n") ? text : `${text}\r\n`;
}

/** Google Calendar's "add event" link (UTC times; place only when the reader may know it). */
export function googleCalendarLink(
  entry: Pick<CalendarEntry, "title" | "description" | "startsAt" | "endsAt" | "location" | "url">,
): string {
  const stamp = (date: Date) =>
    date
      .toISOString()
      .replace(/[-:]/g, "")
      .replace(/\.\d{3}/, "");
  const params = new URLSearchParams({
    action: "TEMPLATE",
    text: entry.title,
    dates: `${stamp(entry.startsAt)}/${stamp(entry.endsAt)}`,
    details: `${entry.description ? `${entry.description}\n\n` : ""}${entry.url}`,
  });
  if (entry.location) params.set("location", entry.location);
  return `https://calendar.google.com/calendar/render?${params.toString()}`;
}

export function icsResponse(
  body: string,
  options: { filename: string; personal: boolean },
): Response {
  return new Response(body, {
    headers: {
      "Content-Type": "text/calendar; charset=utf-8",
      "Content-Disposition": `inline; filename="${options.filename}"`,
      // Personal feeds carry private places; never let a shared cache keep them.
      "Cache-Control": options.personal ? "private, no-store" : "public, max-age=300",
    },
  });
}
