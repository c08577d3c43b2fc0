import { createHash, randomBytes } from "node:crypto";
import type { Db } from "~/db.server";
import type { Locale } from "~/i18n/config";
import { replacePassword, normalizeEmail } from "./accounts.server";

export const RESET_TOKEN_LIFETIME_MS = 60 * 60 * 1000;

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
  await db.$transaction([
    db.passwordResetToken.deleteMany({ where: { userId: user.id } }),
    db.passwordResetToken.create({
      data: {
        tokenHash: hashToken(token),
        userId: user.id,
        expiresAt,
      },
    }),
    // The outbox erases the token from this row as soon as the email is delivered.
    db.outboxMessage.create({
      data: { kind: "password_reset", userId: user.id, payload: JSON.stringify(payload) },
    }),
  ]);
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
