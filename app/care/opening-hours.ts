import { z } from "zod";
import { intlLocale } from "~/i18n/format";
import type { Locale } from "~/i18n/config";
import { dateTimeFormat, listFormat } from "~/i18n/intl-cache";

/** One weekly opening: weekday 1 = Monday … 7 = Sunday (ISO 8601, like HSDS `byday` order). */
export type OpeningHours = { weekday: number; opens: string; closes: string };

export const weekdays = [1, 2, 3, 4, 5, 6, 7] as const;
const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;

const row = z.object({
  weekday: z.number().int().min(1).max(7),
  opens: z.string().regex(TIME),
  closes: z.string().regex(TIME),
});

/** Reads the stored JSON; anything malformed counts as "no hours given" rather than a 500. */
export function parseOpeningHours(stored: string): OpeningHours[] {
  try {
    const parsed = z.array(row).safeParse(JSON.parse(stored));
    return parsed.success ? sortHours(parsed.data) : [];
  } catch {
    return [];
  }
}

export function sortHours(hours: readonly OpeningHours[]): OpeningHours[] {
  return [...hours].sort(
    (a, b) =>
      a.weekday - b.weekday || a.opens.localeCompare(b.opens) || a.closes.localeCompare(b.closes),
  );
}

export function encodeOpeningHours(hours: readonly OpeningHours[]): string {
  return JSON.stringify(
    sortHours(hours).map(({ weekday, opens, closes }) => ({ weekday, opens, closes })),
  );
}

/** A time range must end after it starts; overnight services are not in our directory. */
export function isValidRange(opens: string, closes: string): boolean {
  return TIME.test(opens) && TIME.test(closes) && opens < closes;
}

// 2024-01-01 was a Monday, so day n of that week is weekday n.
function dayOfWeek(weekday: number): Date {
  return new Date(Date.UTC(2024, 0, weekday, 12));
}

export function weekdayLabel(weekday: number, locale: Locale): string {
  return dateTimeFormat(intlLocale(locale), { weekday: "long", timeZone: "UTC" }).format(
    dayOfWeek(weekday),
  );
}

function timeLabel(time: string, locale: Locale): string {
  const [hours, minutes] = time.split(":").map(Number) as [number, number];
  return dateTimeFormat(intlLocale(locale), {
    hour: "numeric",
    minute: "2-digit",
    timeZone: "UTC",
  }).format(new Date(Date.UTC(2024, 0, 1, hours, minutes)));
}

/**
 * Opening hours as lines in the reader's language, digits and clock: consecutive days with the
 * same hours share a line ("Monday–Friday: 9:00 AM–5:00 PM", "Monday and Tuesday: …"), a day with two ranges lists both
 * ("Tuesday: 10:00 AM–12:00 PM and 1:00 PM–4:00 PM"). Times are the service's own local times.
 */
export function formatOpeningHours(
  hours: readonly OpeningHours[],
  locale: Locale,
): { weekday: number; day: string; times: string }[] {
  const byDay = new Map<number, OpeningHours[]>();
  for (const h of sortHours(hours)) byDay.set(h.weekday, [...(byDay.get(h.weekday) ?? []), h]);
  const days = [...byDay.entries()].map(([weekday, ranges]) => ({
    weekday,
    times: listFormat(intlLocale(locale)).format(
      ranges.map((r) => `${timeLabel(r.opens, locale)}–${timeLabel(r.closes, locale)}`),
    ),
  }));
  const lines: { first: number; last: number; times: string }[] = [];
  for (const d of days) {
    const previous = lines.at(-1);
    if (previous && previous.last === d.weekday - 1 && previous.times === d.times) {
      previous.last = d.weekday;
    } else lines.push({ first: d.weekday, last: d.weekday, times: d.times });
  }
  return lines.map((l) => ({
    weekday: l.first,
    day:
      l.first === l.last
        ? weekdayLabel(l.first, locale)
        : l.last === l.first + 1
          ? listFormat(intlLocale(locale)).format([
              weekdayLabel(l.first, locale),
              weekdayLabel(l.last, locale),
            ])
          : `${weekdayLabel(l.first, locale)}–${weekdayLabel(l.last, locale)}`,
    times: l.times,
  }));
}
