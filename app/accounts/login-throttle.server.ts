import { createHash } from "node:crypto";
import { RateLimiterPrisma } from "rate-limiter-flexible";
import type { Db } from "~/db.server";
import { normalizeEmail } from "./accounts.server";

const WINDOW_SECONDS = 15 * 60;
// A person mistyping gets several tries; a shared campus or shelter IP gets many more.
export const FAILURES_PER_ACCOUNT = 8;
export const FAILURES_PER_IP = 40;

function keyFor(kind: "account" | "ip", value: string): string {
  // Only hashes are stored, so the table reveals neither emails nor addresses.
  return `${kind}:${createHash("sha256").update(value).digest("hex").slice(0, 32)}`;
}

export type ThrottleCheck = { blocked: false } | { blocked: true; retryAt: Date };

export function createLoginThrottle(db: Db) {
  const options = { storeClient: db, tableName: "rateLimit", duration: WINDOW_SECONDS };
  const perAccount = new RateLimiterPrisma({
    ...options,
    keyPrefix: "login",
    points: FAILURES_PER_ACCOUNT,
  });
  const perIp = new RateLimiterPrisma({ ...options, keyPrefix: "login", points: FAILURES_PER_IP });

  async function remainingWait(limiter: RateLimiterPrisma, key: string, max: number) {
    const res = await limiter.get(key);
    return res && res.consumedPoints >= max ? res.msBeforeNext : 0;
  }

  return {
    async check(email: string, ip: string): Promise<ThrottleCheck> {
      const [account, address] = await Promise.all([
        remainingWait(perAccount, keyFor("account", normalizeEmail(email)), FAILURES_PER_ACCOUNT),
        remainingWait(perIp, keyFor("ip", ip), FAILURES_PER_IP),
      ]);
      const waitMs = Math.max(account, address);
      return waitMs > 0
        ? { blocked: true, retryAt: new Date(Date.now() + waitMs) }
        : { blocked: false };
    },
    async recordFailure(email: string, ip: string): Promise<void> {
      await Promise.all([
        perAccount.penalty(keyFor("account", normalizeEmail(email))),
        perIp.penalty(keyFor("ip", ip)),
      ]);
    },
    async recordSuccess(email: string): Promise<void> {
      await perAccount.delete(keyFor("account", normalizeEmail(email)));
    },
  };
}

export type LoginThrottle = ReturnType<typeof createLoginThrottle>;
