import { describe, expect, it } from "vitest";
import { isStale } from "~/care/directory.server";
import {
  encodeOpeningHours,
  formatOpeningHours,
  isValidRange,
  parseOpeningHours,
  weekdayLabel,
} from "~/care/opening-hours";
import { resourceFormSchema } from "~/care/directory-schemas";
import { telHref } from "~/care/directory-view.server";

describe("opening hours", () => {
  const hours = [
    { weekday: 2, opens: "13:00", closes: "16:00" },
    { weekday: 2, opens: "10:00", closes: "12:00" },
    { weekday: 7, opens: "09:30", closes: "11:00" },
  ];

  it("round-trips through the stored JSON, sorted by day and time", () => {
    expect(parseOpeningHours(encodeOpeningHours(hours))).toEqual([
      { weekday: 2, opens: "10:00", closes: "12:00" },
      { weekday: 2, opens: "13:00", closes: "16:00" },
      { weekday: 7, opens: "09:30", closes: "11:00" },
    ]);
  });

  it("reads malformed stored hours as none rather than failing the page", () => {
    expect(parseOpeningHours("not json")).toEqual([]);
    expect(parseOpeningHours('[{"weekday":9,"opens":"09:00","closes":"10:00"}]')).toEqual([]);
  });

  it("names weekdays in the reader's language, Monday first", () => {
    expect(weekdayLabel(1, "en")).toBe("Monday");
    expect(weekdayLabel(7, "en")).toBe("Sunday");
    expect(weekdayLabel(1, "ja")).toBe("月曜日");
    expect(weekdayLabel(5, "fr")).toBe("vendredi");
    expect(weekdayLabel(6, "fa")).toBe("شنبه");
  });

  it("formats one line per day with the reader's clock and digits", () => {
    const en = formatOpeningHours(hours, "en");
    expect(en.map((l) => l.day)).toEqual(["Tuesday", "Sunday"]);
    expect(en[0]!.times).toMatch(/^10:00\sAM–12:00\sPM and 1:00\sPM–4:00\sPM$/);
    expect(formatOpeningHours(hours, "fr")[0]!.times).toBe("10:00–12:00 et 13:00–16:00");
    expect(formatOpeningHours(hours, "ja")[1]!.times).toBe("9:30–11:00");
    // Persian and Arabic digits, as the rest of those pages use them.
    expect(formatOpeningHours(hours, "fa")[1]!.times).toContain("۹:۳۰");
    expect(formatOpeningHours(hours, "ar")[1]!.times).toContain("٩:٣٠");
  });

  it("joins consecutive days with the same hours into one line, and only those", () => {
    const weekdays = [1, 2, 3, 4, 5].map((weekday) => ({
      weekday,
      opens: "09:00",
      closes: "17:00",
    }));
    const lines = formatOpeningHours(
      [
        ...weekdays,
        { weekday: 3, opens: "18:00", closes: "20:00" },
        { weekday: 7, opens: "09:00", closes: "17:00" },
      ],
      "fr",
    );
    expect(lines.map((l) => `${l.day}: ${l.times}`)).toEqual([
      "lundi et mardi: 9:00–17:00",
      "mercredi: 9:00–17:00 et 18:00–20:00",
      "jeudi et vendredi: 9:00–17:00",
      "dimanche: 9:00–17:00",
    ]);
  });

  it("writes three or more days in a row as a range", () => {
    const week = [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({
      weekday,
      opens: "18:00",
      closes: "22:00",
    }));
    expect(formatOpeningHours(week, "en").map((l) => l.day)).toEqual(["Monday–Sunday"]);
    expect(formatOpeningHours(week, "fa")[0]!.day).toBe("دوشنبه–یکشنبه");
  });

  it("accepts a range only when it ends after it starts", () => {
    expect(isValidRange("09:00", "17:00")).toBe(true);
    expect(isValidRange("17:00", "17:00")).toBe(false);
    expect(isValidRange("18:00", "09:00")).toBe(false);
    expect(isValidRange("9:00", "17:00")).toBe(false);
  });
});

describe("the entry form's hours rows", () => {
  const fields = {
    name: "Clinic",
    locale: "en",
    topics: ["health"],
    audience: "anyone",
    status: "open",
  } as const;

  it("skips rows left empty and keeps complete ones", () => {
    const parsed = resourceFormSchema.parse({
      ...fields,
      hours: [{ weekday: "1", opens: "09:00", closes: "12:00" }, {}, {}],
    });
    expect(parsed.hours).toEqual([{ weekday: 1, opens: "09:00", closes: "12:00" }]);
  });

  it("points at the field of a half-filled or backwards row", () => {
    const result = resourceFormSchema.safeParse({
      ...fields,
      hours: [
        { opens: "09:00", closes: "12:00" },
        { weekday: "2", opens: "12:00", closes: "09:00" },
      ],
    });
    expect(result.success).toBe(false);
    const issues = result.error!.issues.map((i) => [i.path.join("."), i.message]);
    expect(issues).toEqual([
      ["hours.0.weekday", "resourcesOrg.errors.hoursIncomplete"],
      ["hours.1.closes", "errors.endBeforeStart"],
    ]);
  });

  it("needs at least one topic", () => {
    const result = resourceFormSchema.safeParse({ ...fields, topics: undefined });
    expect(result.error?.issues[0]?.message).toBe("resourcesOrg.errors.topicRequired");
  });
});

describe("staleness", () => {
  const now = new Date("2026-12-01T00:00:00Z");
  it("flags an entry unchecked for more than six months, not one checked exactly six months ago", () => {
    expect(isStale(new Date("2026-06-01T00:00:00Z"), now)).toBe(false);
    expect(isStale(new Date("2026-05-31T23:59:59Z"), now)).toBe(true);
    expect(isStale(new Date("2026-11-30T00:00:00Z"), now)).toBe(false);
  });
});

describe("phone links", () => {
  it("dials digits and a leading plus only", () => {
    expect(telHref("03-1234 (5678)")).toBe("tel:0312345678");
    expect(telHref("+81 3-1234-5678")).toBe("tel:+81312345678");
  });
});
