import { describe, expect, it } from "vitest";
import { parseEnv } from "~/env.server";
import { createLogger, loggedPath, parseLogLevel, type LogLevel } from "../../server/log.js";

function capture(level: LogLevel) {
  const lines: { level: string; line: string }[] = [];
  const log = createLogger({
    level,
    write: (lvl, line) => lines.push({ level: lvl, line }),
    now: () => new Date("2026-12-01T10:00:00.000Z"),
  });
  return { log, lines };
}

describe("the logger", () => {
  it("prints its level and the more severe ones, as one JSON object per line", () => {
    const { log, lines } = capture("warn");
    log.debug("d");
    log.info("i");
    log.warn("w", { count: 2 });
    log.error("e");
    expect(lines.map((l) => JSON.parse(l.line))).toEqual([
      { time: "2026-12-01T10:00:00.000Z", level: "warn", msg: "w", count: 2 },
      { time: "2026-12-01T10:00:00.000Z", level: "error", msg: "e" },
    ]);
  });

  it("turns an error into its name, message, code and stack", () => {
    const { log, lines } = capture("error");
    log.error("broke", { error: Object.assign(new Error("disk full"), { code: "SQLITE_FULL" }) });
    const entry = JSON.parse(lines[0]!.line);
    expect(entry.error).toMatchObject({ name: "Error", message: "disk full", code: "SQLITE_FULL" });
    expect(entry.error.stack).toContain("disk full");
  });

  it("takes error, warn, info or debug for LOG_LEVEL, info when unset, and refuses others", () => {
    expect(parseLogLevel(undefined)).toBe("info");
    expect(parseLogLevel("")).toBe("info");
    expect(parseLogLevel("debug")).toBe("debug");
    expect(() => parseLogLevel("verbose")).toThrow(/LOG_LEVEL/);
    expect(() => parseLogLevel("INFO")).toThrow(/LOG_LEVEL/);
    expect(parseEnv({}).LOG_LEVEL).toBe("info");
    expect(() => parseEnv({ LOG_LEVEL: "loud" })).toThrow(/LOG_LEVEL/);
  });

  it("masks the secret segments of a path and keeps it one short line", () => {
    expect(loggedPath("/calendar/abc123.ics")).toBe("/calendar/:token");
    expect(loggedPath("/unsubscribe/tok/event_reminder")).toBe(
      "/unsubscribe/:token/event_reminder",
    );
    expect(loggedPath("/events/42")).toBe("/events/42");
    expect(loggedPath("/" + "a".repeat(500))).toHaveLength(201);
  });
});
