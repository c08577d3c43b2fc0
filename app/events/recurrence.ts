import { RRuleTemporal } from "rrule-temporal";
import { Temporal } from "temporal-polyfill";

/**
 * Calendar arithmetic for event series, done by rrule-temporal (RFC 5545 rules) on the
 * Temporal polyfill, so month ends, fifth weekdays and daylight-saving changes follow the
 * standard rather than hand-written code. Pure: no I/O, no clock.
 */

export type Repeat = "weekly" | "monthly-nth" | "monthly-last";

const weekdayCodes = ["MO", "TU", "WE", "TH", "FR", "SA", "SU"] as const;

/** A local wall-clock time in a zone, as the UTC instant it names. */
export function zonedInstant(date: string, time: string, timeZone: string): Date {
  const zoned = Temporal.PlainDate.from(date)
    .toPlainDateTime(Temporal.PlainTime.from(time))
    .toZonedDateTime(timeZone, { disambiguation: "compatible" });
  return new Date(zoned.epochMilliseconds);
}

/** The local date ("2026-12-12") and time ("14:00") of an instant in a zone. */
export function localParts(instant: Date, timeZone: string): { date: string; time: string } {
  const zoned = Temporal.Instant.fromEpochMilliseconds(instant.getTime()).toZonedDateTimeISO(
    timeZone,
  );
  return {
    date: zoned.toPlainDate().toString(),
    time: zoned.toPlainTime().toString({ smallestUnit: "minute" }),
  };
}

export function isValidTimeZone(timeZone: string): boolean {
  try {
    Temporal.Now.zonedDateTimeISO(timeZone);
    return true;
  } catch {
    return false;
  }
}

/**
 * The rule for a series starting on `startDate`: weekly on that weekday, or monthly on the
 * same nth weekday ("second Saturday"), or on the last such weekday of the month.
 */
export function ruleFor(repeat: Repeat, startDate: string): string {
  const date = Temporal.PlainDate.from(startDate);
  const weekday = weekdayCodes[date.dayOfWeek - 1]!;
  if (repeat === "weekly") return `FREQ=WEEKLY;BYDAY=${weekday}`;
  if (repeat === "monthly-last") return `FREQ=MONTHLY;BYDAY=-1${weekday}`;
  return `FREQ=MONTHLY;BYDAY=${nthWeekdayOfMonth(startDate)}${weekday}`;
}

/** 1 for the first Saturday of its month, 2 for the second, up to 5. */
export function nthWeekdayOfMonth(date: string): number {
  return Math.ceil(Temporal.PlainDate.from(date).day / 7);
}

export type SeriesSchedule = {
  rrule: string;
  startDate: string;
  startTime: string;
  durationMinutes: number;
  timeZone: string;
  untilDate: string | null;
};

export type Occurrence = { occurrenceKey: string; startsAt: Date; endsAt: Date };

/** Every occurrence that starts in [from, to), in order. */
export function occurrencesBetween(schedule: SeriesSchedule, from: Date, to: Date): Occurrence[] {
  const dtstart = Temporal.PlainDate.from(schedule.startDate)
    .toPlainDateTime(Temporal.PlainTime.from(schedule.startTime))
    .toZonedDateTime(schedule.timeZone, { disambiguation: "compatible" });
  const until = schedule.untilDate
    ? Temporal.PlainDate.from(schedule.untilDate)
        .toPlainDateTime(Temporal.PlainTime.from("23:59:59"))
        .toZonedDateTime(schedule.timeZone)
    : undefined;
  const rule = new RRuleTemporal({
    rruleString: schedule.rrule,
    dtstart,
    tzid: schedule.timeZone,
    ...(until ? { until } : {}),
  });
  const end =
    until && until.epochMilliseconds < to.getTime() ? new Date(until.epochMilliseconds + 1) : to;
  if (end.getTime() <= from.getTime()) return [];
  return rule
    .between(from, new Date(end.getTime() - 1), true)
    .filter(
      (start) =>
        start.epochMilliseconds >= from.getTime() && start.epochMilliseconds < end.getTime(),
    )
    .map((start) => ({
      occurrenceKey: start.toPlainDateTime().toString({ smallestUnit: "minute" }),
      startsAt: new Date(start.epochMilliseconds),
      endsAt: new Date(start.add({ minutes: schedule.durationMinutes }).epochMilliseconds),
    }));
}

/** Minutes from one local time to a later one on the same day (events end the day they start). */
export function minutesBetween(startTime: string, endTime: string): number {
  const start = Temporal.PlainTime.from(startTime);
  const end = Temporal.PlainTime.from(endTime);
  return start.until(end, { largestUnit: "minutes" }).minutes;
}
