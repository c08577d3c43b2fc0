import type { Db } from "~/db.server";
import { normalizeEmail } from "./accounts.server";
import { combine, createCounter, type ThrottleCheck } from "./throttle.server";

const WINDOW_SECONDS = 15 * 60;
// A person mistyping gets several tries; a shared campus or shelter IP gets many more.
export const FAILURES_PER_ACCOUNT = 8;
export const FAILURES_PER_IP = 40;

export type { ThrottleCheck };

export function createLoginThrottle(db: Db) {
  const perAccount = createCounter(db, "login", "account", {
    points: FAILURES_PER_ACCOUNT,
    windowSeconds: WINDOW_SECONDS,
  });
  const perIp = createCounter(db, "login", "ip", {
    points: FAILURES_PER_IP,
    windowSeconds: WINDOW_SECONDS,
  });

  return {
    async check(email: string, ip: string): Promise<ThrottleCheck> {
      return combine(await Promise.all([perAccount.check(normalizeEmail(email)), perIp.check(ip)]));
    },
    async recordFailure(email: string, ip: string): Promise<void> {
      await Promise.all([perAccount.hit(normalizeEmail(email)), perIp.hit(ip)]);
    },
    async recordSuccess(email: string): Promise<void> {
      await perAccount.clear(normalizeEmail(email));
    },
  };
}

export type LoginThrottle = ReturnType<typeof createLoginThrottle>;
