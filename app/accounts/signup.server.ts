import { createHash, randomBytes } from "node:crypto";
import { generateIdFromEntropySize } from "lucia";
import { type Db, writeTransaction } from "~/db.server";
import type { Prisma } from "~/generated/prisma/client";
import type { Locale } from "~/i18n/config";
import { enqueueMessages } from "~/notifications/outbox.server";
import { normalizeEmail } from "./accounts.server";
import { hashPassword } from "./password.server";
import { createCounter } from "./throttle.server";

/**
 * Sign-up by emailed link (docs/decisions/0009). Whatever the address, the answer on screen is
 * "check your email": a new address gets an account that cannot log in yet and a link that
 * confirms it; a registered address gets a note to its owner instead. So the sign-up form
 * cannot be used to find out who has an account.
 */

export const CONFIRMATION_LIFETIME_MS = 24 * 60 * 60 * 1000;
/** Accounts never confirmed are erased this long after their last link expired. */
export const UNCONFIRMED_KEPT_MS = 7 * 24 * 60 * 60 * 1000;

const HOUR_SECONDS = 60 * 60;
/** Links or notes to one address, counting sign-ups and resent links together. */
export const SIGNUP_EMAILS_PER_ADDRESS = 3;
/** A whole café signing up on its Wi-Fi fits; a script mailing strangers does not. */
export const SIGNUP_REQUESTS_PER_IP = 30;
/** Wrong or old links per client address; a real token cannot be guessed, so this is generous. */
export const CONFIRM_FAILURES_PER_IP = 20;

type Tx = Prisma.TransactionClient;
type Throttled = { ok: false; retryAt: Date };

export function hashConfirmationToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

function counters(db: Db) {
  return {
    requestsPerIp: createCounter(db, "signup", "ip", {
      points: SIGNUP_REQUESTS_PER_IP,
      windowSeconds: HOUR_SECONDS,
    }),
    emailsPerAddress: createCounter(db, "signup", "account", {
      points: SIGNUP_EMAILS_PER_ADDRESS,
      windowSeconds: HOUR_SECONDS,
    }),
    confirmFailuresPerIp: createCounter(db, "signup-confirm", "ip", {
      points: CONFIRM_FAILURES_PER_IP,
      windowSeconds: 15 * 60,
    }),
  };
}

/**
 * Both limits of anything that emails an address on request. Past the client address's limit
 * the caller is told when to come back; past the email address's limit nothing is sent but
 * the answer is the same, so the limit reveals nothing about the address.
 */
async function mayEmail(
  db: Db,
  email: string,
  ip: string,
): Promise<{ ok: true; send: boolean } | Throttled> {
  const { requestsPerIp, emailsPerAddress } = counters(db);
  const fromIp = await requestsPerIp.check(ip);
  if (fromIp.blocked) return { ok: false, retryAt: fromIp.retryAt };
  await requestsPerIp.hit(ip);
  if ((await emailsPerAddress.check(email)).blocked) return { ok: true, send: false };
  await emailsPerAddress.hit(email);
  return { ok: true, send: true };
}

/** A new link for this unconfirmed account; every older link stops working. */
async function issueConfirmation(
  tx: Tx,
  userId: string,
  options: { locale: Locale; logsIn: boolean; now: Date },
): Promise<void> {
  const token = randomBytes(32).toString("base64url");
  const expiresAt = new Date(options.now.getTime() + CONFIRMATION_LIFETIME_MS);
  await tx.signupConfirmation.deleteMany({ where: { userId } });
  await tx.signupConfirmation.create({
    data: { tokenHash: hashConfirmationToken(token), userId, expiresAt, logsIn: options.logsIn },
  });
  // The sender erases the token from this row once the email is delivered.
  await enqueueMessages(tx, [
    {
      kind: "signup_confirm",
      userId,
      payload: { token, locale: options.locale, expiresAt: expiresAt.toISOString() },
    },
  ]);
}

export type SignupInput = {
  displayName: string;
  email: string;
  password: string;
  locale: Locale;
  ip: string;
};

export async function requestSignup(
  db: Db,
  input: SignupInput,
  now = new Date(),
): Promise<{ ok: true } | Throttled> {
  const email = normalizeEmail(input.email);
  // Hashed in every case, so a registered address is not answered faster than a new one.
  const passwordHash = await hashPassword(input.password);
  const allowed = await mayEmail(db, email, input.ip);
  if (!allowed.ok) return allowed;
  if (!allowed.send) return { ok: true };

  const details = { displayName: input.displayName.trim(), passwordHash, locale: input.locale };
  for (let attempt = 0; ; attempt++) {
    try {
      await writeTransaction(db, async (tx) => {
        const existing = await tx.user.findUnique({
          where: { email },
          select: { id: true, emailVerifiedAt: true },
        });
        if (existing?.emailVerifiedAt) {
          // Its owner hears about it; nothing about the account changes.
          await enqueueMessages(tx, [
            { kind: "signup_existing", userId: existing.id, payload: { locale: input.locale } },
          ]);
        } else if (existing) {
          // Signing up again before confirming: the newest details count. Whoever opens the
          // new link must then log in with the new password (see SignupConfirmation.logsIn).
          await tx.user.update({ where: { id: existing.id }, data: details });
          await issueConfirmation(tx, existing.id, { locale: input.locale, logsIn: false, now });
        } else {
          const user = await tx.user.create({
            data: { id: generateIdFromEntropySize(10), email, ...details },
            select: { id: true },
          });
          await issueConfirmation(tx, user.id, { locale: input.locale, logsIn: true, now });
        }
      });
      return { ok: true };
    } catch (error) {
      // Two sign-ups for one new address at once: the second now finds the first.
      if (attempt === 0 && isUniqueViolation(error)) continue;
      throw error;
    }
  }
}

/**
 * "Send the link again" for an account that is waiting for confirmation. Answers the same for
 * any address; only a waiting account gets an email.
 */
export async function resendConfirmation(
  db: Db,
  input: { email: string; ip: string; locale: Locale },
  now = new Date(),
): Promise<{ ok: true } | Throttled> {
  const email = normalizeEmail(input.email);
  const allowed = await mayEmail(db, email, input.ip);
  if (!allowed.ok) return allowed;
  if (!allowed.send) return { ok: true };
  await writeTransaction(db, async (tx) => {
    const user = await tx.user.findUnique({
      where: { email },
      select: {
        id: true,
        emailVerifiedAt: true,
        signupConfirmations: { select: { logsIn: true } },
      },
    });
    if (!user || user.emailVerifiedAt) return;
    // A resent link logs in only if no later sign-up replaced the details.
    const logsIn =
      user.signupConfirmations.length > 0 && user.signupConfirmations.every((c) => c.logsIn);
    await issueConfirmation(tx, user.id, { locale: input.locale, logsIn, now });
  });
  return { ok: true };
}

export type ConfirmationCheck = { valid: true; logsIn: boolean } | { valid: false };

/** The link's row if it still works, counting wrong or old links against the client address. */
async function lookUp(db: Db, input: { token: string; ip: string }, now: Date) {
  const { confirmFailuresPerIp } = counters(db);
  const throttled = await confirmFailuresPerIp.check(input.ip);
  if (throttled.blocked) return { throttled: { ok: false as const, retryAt: throttled.retryAt } };
  const row = input.token
    ? await db.signupConfirmation.findUnique({
        where: { tokenHash: hashConfirmationToken(input.token) },
        select: {
          userId: true,
          expiresAt: true,
          logsIn: true,
          user: { select: { emailVerifiedAt: true } },
        },
      })
    : null;
  if (row && row.expiresAt > now && !row.user.emailVerifiedAt) return { row };
  await confirmFailuresPerIp.hit(input.ip);
  return { row: null };
}

/** Whether a link still works (the confirmation page asks before showing its button). */
export async function checkConfirmation(
  db: Db,
  input: { token: string; ip: string },
  now = new Date(),
): Promise<ConfirmationCheck | Throttled> {
  const found = await lookUp(db, input, now);
  if ("throttled" in found) return found.throttled!;
  return found.row ? { valid: true, logsIn: found.row.logsIn } : { valid: false };
}

/**
 * Uses the link once: the address counts as confirmed and every link of the account dies.
 * `logsIn` says whether the person may be logged in at once or must give the password.
 */
export async function confirmSignup(
  db: Db,
  input: { token: string; ip: string },
  now = new Date(),
): Promise<
  { ok: true; userId: string; logsIn: boolean } | { ok: false; expired: true } | Throttled
> {
  const found = await lookUp(db, input, now);
  if ("throttled" in found) return found.throttled!;
  const row = found.row;
  if (!row) return { ok: false, expired: true };
  // The condition makes a double click confirm once; the second finds no link.
  const [confirmed] = await db.$transaction([
    db.user.updateMany({
      where: { id: row.userId, emailVerifiedAt: null },
      data: { emailVerifiedAt: now },
    }),
    db.signupConfirmation.deleteMany({ where: { userId: row.userId } }),
  ]);
  if (confirmed.count === 0) return { ok: false, expired: true };
  return { ok: true, userId: row.userId, logsIn: row.logsIn };
}

/**
 * Erases accounts whose address was never confirmed, a week after their last link expired:
 * an address someone typed, maybe not their own, is not kept longer than it is useful.
 */
export async function removeUnconfirmedAccounts(db: Db, now = new Date()): Promise<number> {
  const cutoff = new Date(now.getTime() - UNCONFIRMED_KEPT_MS);
  const { count } = await db.user.deleteMany({
    where: {
      emailVerifiedAt: null,
      createdAt: { lt: cutoff },
      signupConfirmations: { none: { expiresAt: { gt: cutoff } } },
    },
  });
  return count;
}

function isUniqueViolation(error: unknown): boolean {
  return typeof error === "object" && error !== null && "code" in error && error.code === "P2002";
}
