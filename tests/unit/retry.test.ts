import { describe, expect, it } from "vitest";
import { retryWhile } from "~/db/retry";

const busy = Object.assign(new Error("busy"), { code: "BUSY" });
const isBusy = (error: unknown) => (error as { code?: string }).code === "BUSY";
const quick = { withinMs: 500, firstPauseMs: 1, maxPauseMs: 4 };

describe("retryWhile (one back-off loop for SQLite's busy file and PostgreSQL's conflicts)", () => {
  it("tries again while the error is retryable, and returns what the attempt gives", async () => {
    let calls = 0;
    const result = await retryWhile(isBusy, quick, () => {
      calls += 1;
      if (calls < 4) throw busy;
      return "done";
    });
    expect(result).toBe("done");
    expect(calls).toBe(4);
  });

  it("gives up at once on any other error", async () => {
    let calls = 0;
    const other = new Error("constraint");
    await expect(
      retryWhile(isBusy, quick, () => {
        calls += 1;
        throw other;
      }),
    ).rejects.toBe(other);
    expect(calls).toBe(1);
  });

  it("throws the retryable error itself once its time is up", async () => {
    let calls = 0;
    const started = Date.now();
    await expect(
      retryWhile(isBusy, { withinMs: 60, firstPauseMs: 5, maxPauseMs: 10 }, () => {
        calls += 1;
        throw busy;
      }),
    ).rejects.toBe(busy);
    expect(calls).toBeGreaterThan(2);
    expect(Date.now() - started).toBeGreaterThanOrEqual(60);
  });
});
