import { createHash, randomBytes } from "node:crypto";
import { type Db, writeTransaction } from "~/db.server";
import type { Locale } from "~/i18n/config";
import { enqueueMessages } from "~/notifications/outbox.server";
import { replacePassword, normalizeEmail } from "./accounts.server";
import { createCounter } from "./throttle.server";

export const RESET_TOKEN_LIFETIME_MS = 60 * 60 * 1000;

const HOUR_SECONDS = 60 * 60;
/** Enough for a person who lost the first email; too few to flood anyone's inbox. */
export const RESET_EMAILS_PER_ADDRESS = 3;
/** A shelter or campus shares one address; a script trying many emails does not get far. */
export const RESET_REQUESTS_PER_IP = 20;

/**
 * "Forgot password", limited twice. Per client address: past the limit the person is told
 * when to come back. Per email address: past the limit nothing is sent but the answer stays
 * the same, so the limit can neither flood an inbox nor tell anyone that the address exists.
 */
export async function requestPasswordReset(
  db: Db,
  input: { email: string; ip: string; locale: Locale },
): Promise<{ ok: true } | { ok: false; retryAt: Date }> {
  const perIp = createCounter(db, "reset", "ip", {
    points: RESET_REQUESTS_PER_IP,
    windowSeconds: HOUR_SECONDS,
  });
  const perAddress = createCounter(db, "reset", "account", {
    points: RESET_EMAILS_PER_ADDRESS,
    windowSeconds: HOUR_SECONDS,
  });
  const fromIp = await perIp.check(input.ip);
  if (fromIp.blocked) return { ok: false, retryAt: fromIp.retryAt };
  await perIp.hit(input.ip);
  const email = normalizeEmail(input.email);
  if ((await perAddress.check(email)).blocked) return { ok: true };
  await perAddress.hit(email);
  await createPasswordResetToken(db, email, input.locale);
  return { ok: true };
}

function hashToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

/**
 * Creates a one-hour reset token for the account with this email, replacing older ones, and
 * records the email that carries it (in `locale` unless the person chose a language).
 * Returns null for an unknown email; callers must answer the same either way.
 */
export async function createPasswordResetToken(
  db: Db,
  email: string,
  locale: Locale,
  now = new Date(),
): Promise<{
  token: string;
  user: { id: string; email: string; displayName: string; locale: string | null };
} | null> {
  const user = await db.user.findUnique({
    where: { email: normalizeEmail(email) },
    select: { id: true, email: true, displayName: true, locale: true },
  });
  if (!user) return null;
  const token = randomBytes(32).toString("base64url");
  const expiresAt = new Date(now.getTime() + RESET_TOKEN_LIFETIME_MS);
  const payload = { token, locale, expiresAt: expiresAt.toISOString() };
  await writeTransaction(db, async (tx) => {
    await tx.passwordResetToken.deleteMany({ where: { userId: user.id } });
    await tx.passwordResetToken.create({
      data: { tokenHash: hashToken(token), userId: user.id, expiresAt },
    });
    // The outbox erases the token from this row as soon as the email is delivered.
    await enqueueMessages(tx, [{ kind: "password_reset", userId: user.id, payload }]);
  });
  return { token, user };
}

export async function isResetTokenValid(db: Db, token: string, now = new Date()): Promise<boolean> {
  const row = await db.passwordResetToken.findUnique({ where: { tokenHash: hashToken(token) } });
  return row !== null && row.expiresAt > now;
}

/** Uses the token once: sets the password, ends all sessions, removes every reset token. */
export async function resetPasswordWithToken(
  db: Db,
  token: string,
  newPassword: string,
  now = new Date(),
): Promise<{ ok: true; userId: string } | { ok: false }> {
  const row = await db.passwordResetToken.findUnique({ where: { tokenHash: hashToken(token) } });
  if (!row || row.expiresAt <= now) return { ok: false };
  await replacePassword(db, row.userId, newPassword);
  return { ok: true, userId: row.userId };
}
