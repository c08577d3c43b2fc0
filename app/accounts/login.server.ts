import type { Db } from "~/db.server";
import { authenticate } from "./accounts.server";
import { createLoginThrottle } from "./login-throttle.server";
import { isSuspended } from "~/safety/suspension.server";

export type LogInOutcome =
  | { ok: true; userId: string }
  | { ok: false; reason: "throttled"; retryAt: Date }
  | { ok: false; reason: "invalid" }
  /** The right password for an account whose address is still waiting for its link. */
  | { ok: false; reason: "unconfirmed" }
  /** The right password for a suspended account (docs/decisions/0013). */
  | { ok: false; reason: "unavailable" };

/**
 * Log-in with its throttle. Only someone who knows the password learns that an account is
 * waiting for confirmation or cannot be used now (suspended, told in words that do not say so);
 * everyone else gets the same "email or password is not right".
 */
export async function logIn(
  db: Db,
  input: { email: string; password: string; ip: string },
): Promise<LogInOutcome> {
  const throttle = createLoginThrottle(db);
  const check = await throttle.check(input.email, input.ip);
  if (check.blocked) return { ok: false, reason: "throttled", retryAt: check.retryAt };
  const user = await authenticate(db, input.email, input.password);
  if (!user) {
    await throttle.recordFailure(input.email, input.ip);
    return { ok: false, reason: "invalid" };
  }
  await throttle.recordSuccess(input.email);
  if (!user.confirmed) return { ok: false, reason: "unconfirmed" };
  if (await isSuspended(db, user.id)) return { ok: false, reason: "unavailable" };
  return { ok: true, userId: user.id };
}
