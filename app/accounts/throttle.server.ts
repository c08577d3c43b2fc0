import { createHash } from "node:crypto";
import { RateLimiterPrisma } from "rate-limiter-flexible";
import type { Db } from "~/db.server";

/**
 * Counters in the RateLimit table (rate-limiter-flexible's Prisma store), one mechanism for
 * every limit: log-in failures, password checks in settings, and emails sent on request.
 */
export type Limit = { points: number; windowSeconds: number };

export type ThrottleCheck = { blocked: false } | { blocked: true; retryAt: Date };

/** Only hashes are stored, so the table reveals neither emails nor addresses. */
function keyFor(kind: string, value: string): string {
  return `${kind}:${createHash("sha256").update(value).digest("hex").slice(0, 32)}`;
}

/**
 * One limit over one kind of key ("account", "ip"), e.g. eight failed log-ins per account in
 * fifteen minutes. `check` says whether the limit is reached; `hit` counts one more.
 */
export function createCounter(db: Db, name: string, kind: string, limit: Limit) {
  const limiter = new RateLimiterPrisma({
    storeClient: db,
    tableName: "rateLimit",
    keyPrefix: name,
    points: limit.points,
    duration: limit.windowSeconds,
  });
  return {
    async check(value: string): Promise<ThrottleCheck> {
      const res = await limiter.get(keyFor(kind, value));
      if (!res || res.consumedPoints < limit.points) return { blocked: false };
      return { blocked: true, retryAt: new Date(Date.now() + res.msBeforeNext) };
    },
    async hit(value: string): Promise<void> {
      await limiter.penalty(keyFor(kind, value));
    },
    async clear(value: string): Promise<void> {
      await limiter.delete(keyFor(kind, value));
    },
  };
}

export type Counter = ReturnType<typeof createCounter>;

/** The later of several checks: blocked until every blocking limit has passed. */
export function combine(checks: ThrottleCheck[]): ThrottleCheck {
  const blocked = checks.filter((c) => c.blocked);
  if (blocked.length === 0) return { blocked: false };
  return { blocked: true, retryAt: new Date(Math.max(...blocked.map((c) => c.retryAt.getTime()))) };
}
