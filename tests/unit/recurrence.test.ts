import { describe, expect, it } from "vitest";
import {
  localParts,
  minutesBetween,
  nthWeekdayOfMonth,
  occurrencesBetween,
  ruleFor,
  zonedInstant,
  type SeriesSchedule,
} from "~/events/recurrence";

const tokyo = "Asia/Tokyo";
const schedule = (overrides: Partial<SeriesSchedule>): SeriesSchedule => ({
  rrule: "FREQ=WEEKLY;BYDAY=SA",
  startDate: "2026-12-12",
  startTime: "14:00",
  durationMinutes: 120,
  timeZone: tokyo,
  untilDate: null,
  ...overrides,
});
const keys = (list: { occurrenceKey: string }[]) => list.map((o) => o.occurrenceKey);

describe("rules from a first date", () => {
  it("repeats weekly on the start's weekday, or monthly on its nth or last weekday", () => {
    expect(ruleFor("weekly", "2026-12-12")).toBe("FREQ=WEEKLY;BYDAY=SA");
    expect(ruleFor("monthly-nth", "2026-12-12")).toBe("FREQ=MONTHLY;BYDAY=2SA");
    expect(ruleFor("monthly-nth", "2026-10-31")).toBe("FREQ=MONTHLY;BYDAY=5SA");
    expect(ruleFor("monthly-last", "2026-12-26")).toBe("FREQ=MONTHLY;BYDAY=-1SA");
    expect(nthWeekdayOfMonth("2026-12-01")).toBe(1);
    expect(nthWeekdayOfMonth("2026-12-29")).toBe(5);
  });
});

describe("occurrences", () => {
  it("every second Saturday, 14:00-16:00 in Tokyo, stored as UTC", () => {
    const list = occurrencesBetween(
      schedule({ rrule: ruleFor("monthly-nth", "2026-12-12") }),
      new Date("2026-12-01T00:00:00Z"),
      new Date("2027-04-01T00:00:00Z"),
    );
    expect(keys(list)).toEqual([
      "2026-12-12T14:00",
      "2027-01-09T14:00",
      "2027-02-13T14:00",
      "2027-03-13T14:00",
    ]);
    expect(list[0]!.startsAt.toISOString()).toBe("2026-12-12T05:00:00.000Z");
    expect(list[0]!.endsAt.toISOString()).toBe("2026-12-12T07:00:00.000Z");
  });

  it("skips months without a fifth Saturday", () => {
    const list = occurrencesBetween(
      schedule({ rrule: ruleFor("monthly-nth", "2026-10-31"), startDate: "2026-10-31" }),
      new Date("2026-10-01T00:00:00Z"),
      new Date("2027-06-01T00:00:00Z"),
    );
    expect(keys(list)).toEqual(["2026-10-31T14:00", "2027-01-30T14:00", "2027-05-29T14:00"]);
  });

  it("finds the last Friday whether the month has 28, 30 or 31 days", () => {
    const list = occurrencesBetween(
      schedule({ rrule: "FREQ=MONTHLY;BYDAY=-1FR", startDate: "2027-01-29", startTime: "18:30" }),
      new Date("2027-01-01T00:00:00Z"),
      new Date("2027-05-01T00:00:00Z"),
    );
    expect(keys(list)).toEqual([
      "2027-01-29T18:30",
      "2027-02-26T18:30",
      "2027-03-26T18:30",
      "2027-04-30T18:30",
    ]);
  });

  it("keeps local wall-clock time across a daylight-saving change", () => {
    const list = occurrencesBetween(
      schedule({
        rrule: "FREQ=WEEKLY;BYDAY=SU",
        startDate: "2027-03-21",
        startTime: "10:00",
        timeZone: "Europe/Paris",
      }),
      new Date("2027-03-20T00:00:00Z"),
      new Date("2027-04-05T00:00:00Z"),
    );
    expect(list.map((o) => o.startsAt.toISOString())).toEqual([
      "2027-03-21T09:00:00.000Z", // winter time, UTC+1
      "2027-03-28T08:00:00.000Z", // summer time from 28 March, UTC+2
      "2027-04-04T08:00:00.000Z",
    ]);
  });

  it("stops at the until date, inclusive", () => {
    const list = occurrencesBetween(
      schedule({ untilDate: "2026-12-26" }),
      new Date("2026-12-01T00:00:00Z"),
      new Date("2027-12-01T00:00:00Z"),
    );
    expect(keys(list)).toEqual(["2026-12-12T14:00", "2026-12-19T14:00", "2026-12-26T14:00"]);
  });

  it("returns only occurrences inside the window, so top-ups never repeat one", () => {
    const all = occurrencesBetween(
      schedule({}),
      new Date("2026-12-01T00:00:00Z"),
      new Date("2027-01-10T00:00:00Z"),
    );
    const first = occurrencesBetween(
      schedule({}),
      new Date("2026-12-01T00:00:00Z"),
      all[2]!.startsAt,
    );
    const rest = occurrencesBetween(
      schedule({}),
      all[2]!.startsAt,
      new Date("2027-01-10T00:00:00Z"),
    );
    expect([...keys(first), ...keys(rest)]).toEqual(keys(all));
  });
});

describe("local time helpers", () => {
  it("converts wall-clock time in a zone to an instant and back", () => {
    const instant = zonedInstant("2026-12-12", "14:00", tokyo);
    expect(instant.toISOString()).toBe("2026-12-12T05:00:00.000Z");
    expect(localParts(instant, tokyo)).toEqual({ date: "2026-12-12", time: "14:00" });
    expect(minutesBetween("14:00", "16:30")).toBe(150);
    expect(minutesBetween("16:00", "14:00")).toBe(-120);
  });
});
