import { TZDate } from "@date-fns/tz";
import { getVtimezoneComponent } from "@touch4it/ical-timezones";
import ical, {
  foldLines,
  ICalAlarmType,
  type ICalEventData,
  ICalEventStatus,
} from "ical-generator";

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

/** Stable across edits and feeds, so calendars update an event instead of adding a copy. */
export function eventUid(eventId: string): string {
  return `event-${eventId}@tsunagu`;
}

const timezoneOption = { name: null, generator: (zone: string) => vtimezone(zone) };

const vtimezones = new Map<string, string | null>();
function vtimezone(zone: string): string | null {
  if (!vtimezones.has(zone)) vtimezones.set(zone, getVtimezoneComponent(zone));
  return vtimezones.get(zone)!;
}

/**
 * The VTIMEZONE block as ical-generator writes it (line endings made CRLF, then folded), made
 * once per zone: zones do not change while the server runs.
 */
const zoneBlocks = new Map<string, string>();
function zoneBlock(zone: string): string {
  let block = zoneBlocks.get(zone);
  if (block === undefined) {
    const source = zone.startsWith("/") ? null : vtimezone(zone);
    block = source
      ? foldLines(`${source.replace(/\r\n/g, "\n").replace(/\n/g, "\r\n").trim()}\r\n`)
      : "";
    zoneBlocks.set(zone, block);
  }
  return block;
}

function utf8Length(code: number): number {
  return code < 0x80 ? 1 : code < 0x800 ? 2 : 3;
}

/**
 * RFC 5545 line folding, octet for octet what ical-generator's `foldLines` writes (at most 74
 * octets of a line before CRLF and a space, never inside a UTF-8 sequence or a surrogate pair),
 * without its TextEncoder call per character, which was two thirds of a feed's time.
 */
export function foldLine(line: string): string {
  // Three octets is the most one UTF-16 code unit can take, so short lines need no counting.
  if (line.length * 3 <= 74) return line;
  let result = "";
  let from = 0;
  let octets = 0;
  for (let i = 0; i < line.length; i++) {
    const start = i;
    const code = line.charCodeAt(i);
    let size: number;
    if (code >= 0xd800 && code <= 0xdbff) {
      // ical-generator takes the next code unit with a high surrogate whatever it is.
      i++;
      const next = i < line.length ? line.charCodeAt(i) : -1;
      size = next >= 0xdc00 && next <= 0xdfff ? 4 : 3 + (next < 0 ? 0 : utf8Length(next));
    } else {
      size = utf8Length(code);
    }
    octets += size;
    if (octets > 74) {
      result += `${line.slice(from, start)}\r\n `;
      from = start;
      octets = size;
    }
  }
  return result + line.slice(from);
}

function foldText(text: string): string {
  return text.split("\r\n").map(foldLine).join("\r\n");
}

function eventData(entry: CalendarEntry): ICalEventData {
  return {
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
  };
}

/** Where ical-generator writes single events; emptied after each. */
const scratch = ical({ timezone: timezoneOption });

/** One folded VEVENT (with its alarm), written by ical-generator. */
function renderEvent(entry: CalendarEntry): string {
  const event = scratch.createEvent(eventData(entry));
  if (!entry.cancelled) {
    event.createAlarm({
      type: ICalAlarmType.display,
      trigger: ALARM_MINUTES_BEFORE * 60,
      description: entry.title,
    });
  }
  const text = event.toString();
  scratch.clear();
  return foldText(text.endsWith("\r\n") ? text.slice(0, -2) : text) + "\r\n";
}

/**
 * Folded VEVENT text per entry version. The key is every field the text is made from (a digest
 * would cost more than the lookup), so one key never stands for two texts. Calendar apps poll feeds whose events rarely
 * change, so most of a feed comes from here. Oldest dropped first.
 */
// About 2.5 KB each with its key, so at most some 25 MB.
const MAX_CACHED_EVENTS = 10_000;
const eventTexts = new Map<string, string>();

function eventText(entry: CalendarEntry): string {
  const key = JSON.stringify([
    entry.id,
    entry.title,
    entry.description,
    entry.startsAt.getTime(),
    entry.endsAt.getTime(),
    entry.timeZone,
    entry.cancelled,
    entry.tentative,
    entry.sequence,
    entry.location,
    entry.url,
    entry.updatedAt.getTime(),
  ]);
  let text = eventTexts.get(key);
  if (text === undefined) {
    text = renderEvent(entry);
    if (eventTexts.size >= MAX_CACHED_EVENTS) {
      eventTexts.delete(eventTexts.keys().next().value!);
    }
    eventTexts.set(key, text);
  }
  return text;
}

/**
 * An iCalendar file with ical-generator: local times with TZID and a VTIMEZONE for each zone,
 * SEQUENCE raised on every change, STATUS:CANCELLED for cancellations, an alarm before start.
 * The calendar's head comes from ical-generator, each event's text from ical-generator once per
 * version (then cached), and the pieces are joined in the order ical-generator's own toString
 * uses; tests/integration/calendar-output.test.ts holds it to the same bytes.
 */
export function buildCalendar(name: string, entries: CalendarEntry[]): string {
  const frame = ical({
    name,
    prodId: { company: "Tsunagu", product: "Events", language: "EN" },
    timezone: timezoneOption,
  }).toString();
  const end = frame.lastIndexOf("END:VCALENDAR");
  const zones = [...new Set(entries.map((entry) => entry.timeZone))];
  // RFC 5545 ends every content line, the last one too, with CRLF.
  return (
    frame.slice(0, end) +
    zones.map(zoneBlock).join("") +
    entries.map(eventText).join("") +
    "END:VCALENDAR\r\n"
  );
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
