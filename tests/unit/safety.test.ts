import { describe, expect, it } from "vitest";
import { parseEnv } from "~/env.server";
import { womenOnlyRefusal } from "~/events/rsvp-rules";
import { afterKey, noShifts, SHIFT_WINDOW_MS, type ShiftState } from "~/safety/quick-exit";
import {
  ESCALATE_AFTER_MS,
  formatContext,
  isDueForEscalation,
  parseContext,
} from "~/safety/report-codes";

/** Feeds key presses (name, time in ms) through afterKey; true when one of them leaves. */
function leaves(presses: [string, number, boolean?][]): boolean {
  let state: ShiftState = noShifts;
  for (const [key, at, repeat] of presses) {
    const outcome = afterKey(state, { key, at, repeat: repeat ?? false });
    if (outcome.leave) return true;
    state = outcome.state;
  }
  return false;
}

describe("Shift three times", () => {
  it("leaves on the third press within the window", () => {
    expect(
      leaves([
        ["Shift", 0],
        ["Shift", 300],
        ["Shift", 600],
      ]),
    ).toBe(true);
    expect(
      leaves([
        ["Shift", 0],
        ["Shift", 2000],
        ["Shift", SHIFT_WINDOW_MS],
      ]),
    ).toBe(true);
  });

  it("does not leave after two presses, or when the presses are spread too far apart", () => {
    expect(
      leaves([
        ["Shift", 0],
        ["Shift", 300],
      ]),
    ).toBe(false);
    expect(
      leaves([
        ["Shift", 0],
        ["Shift", 300],
        ["Shift", SHIFT_WINDOW_MS + 1],
      ]),
    ).toBe(false);
    // The late press starts a new count, which two more presses complete.
    expect(
      leaves([
        ["Shift", 0],
        ["Shift", 300],
        ["Shift", SHIFT_WINDOW_MS + 1],
        ["Shift", SHIFT_WINDOW_MS + 2],
        ["Shift", SHIFT_WINDOW_MS + 3],
      ]),
    ).toBe(true);
  });

  it("starts again after any other key, so typing capitals never leaves", () => {
    // "Hi Maya Tanaka": Shift, letters, Shift, letters, Shift, letters.
    expect(
      leaves([
        ["Shift", 0],
        ["H", 50],
        ["Shift", 400],
        ["M", 450],
        ["Shift", 900],
        ["T", 950],
      ]),
    ).toBe(false);
  });

  it("counts a held Shift (auto-repeat) once", () => {
    expect(
      leaves([
        ["Shift", 0],
        ["Shift", 30, true],
        ["Shift", 60, true],
      ]),
    ).toBe(false);
    expect(
      leaves([
        ["Shift", 0],
        ["Shift", 30, true],
        ["Shift", 100],
        ["Shift", 200],
      ]),
    ).toBe(true);
  });
});

describe("QUICK_EXIT_URL", () => {
  it("defaults to an ordinary site and takes only http(s) addresses", () => {
    expect(parseEnv({}).QUICK_EXIT_URL).toBe("https://www.google.com/");
    expect(parseEnv({ QUICK_EXIT_URL: "https://weather.example/tokyo" }).QUICK_EXIT_URL).toBe(
      "https://weather.example/tokyo",
    );
    expect(() => parseEnv({ QUICK_EXIT_URL: "javascript:alert(1)" })).toThrow(/QUICK_EXIT_URL/);
    expect(() => parseEnv({ QUICK_EXIT_URL: "data:text/html,hi" })).toThrow(/QUICK_EXIT_URL/);
    expect(() => parseEnv({ QUICK_EXIT_URL: "not a url" })).toThrow(/QUICK_EXIT_URL/);
  });
});

describe("gatherings for women", () => {
  const forWomen = { womenOnly: true };
  it("lets everyone answer an ordinary event", () => {
    expect(
      womenOnlyRefusal({ womenOnly: false }, { describesAsWoman: false, hasException: false }),
    ).toBeNull();
    expect(
      womenOnlyRefusal({ womenOnly: false }, { describesAsWoman: null, hasException: false }),
    ).toBeNull();
  });

  it("lets women and named exceptions answer a gathering for women", () => {
    expect(womenOnlyRefusal(forWomen, { describesAsWoman: true, hasException: false })).toBeNull();
    expect(womenOnlyRefusal(forWomen, { describesAsWoman: false, hasException: true })).toBeNull();
    expect(womenOnlyRefusal(forWomen, { describesAsWoman: null, hasException: true })).toBeNull();
  });

  it("refuses the others, telling apart who has not answered the settings question", () => {
    expect(womenOnlyRefusal(forWomen, { describesAsWoman: null, hasException: false })).toBe(
      "womenOnly.notAnswered",
    );
    expect(womenOnlyRefusal(forWomen, { describesAsWoman: false, hasException: false })).toBe(
      "womenOnly.notForYou",
    );
  });
});

describe("where a report was raised from", () => {
  it("reads the kinds other pages link with, with or without an id", () => {
    expect(parseContext("event:ckabc123")).toEqual({ kind: "event", id: "ckabc123" });
    expect(parseContext("mentoring:m_1-2")).toEqual({ kind: "mentoring", id: "m_1-2" });
    expect(parseContext("help")).toEqual({ kind: "help", id: null });
    expect(formatContext(parseContext("help:h1"))).toBe("help:h1");
    expect(formatContext(null)).toBe("");
  });

  it("treats anything else as nowhere in particular, never as an error", () => {
    for (const value of [
      null,
      "",
      "party:1",
      "event:a:b",
      "event:<script>",
      `event:${"x".repeat(65)}`,
    ])
      expect(parseContext(value)).toBeNull();
  });
});

describe("escalating a report", () => {
  const now = new Date("2026-12-10T12:00:00Z");
  const ago = (ms: number) => new Date(now.getTime() - ms);
  it("is due once a received report has waited two days, and only once", () => {
    expect(
      isDueForEscalation(
        { state: "received", createdAt: ago(ESCALATE_AFTER_MS), escalatedAt: null },
        now,
      ),
    ).toBe(true);
    expect(
      isDueForEscalation(
        { state: "received", createdAt: ago(ESCALATE_AFTER_MS - 1), escalatedAt: null },
        now,
      ),
    ).toBe(false);
    expect(
      isDueForEscalation(
        { state: "received", createdAt: ago(3 * ESCALATE_AFTER_MS), escalatedAt: ago(1) },
        now,
      ),
    ).toBe(false);
  });

  it("is never due for a report someone took or closed", () => {
    for (const state of ["taken", "closed"])
      expect(
        isDueForEscalation(
          { state, createdAt: ago(10 * ESCALATE_AFTER_MS), escalatedAt: null },
          now,
        ),
      ).toBe(false);
  });
});
