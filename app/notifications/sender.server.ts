import type { Db } from "~/db.server";
import type { OutboxMessage } from "~/generated/prisma/client";
import { isLocale, type Locale } from "~/i18n/config";
import { getFixedT } from "~/i18n/i18next.server";
import type { Mailer } from "~/mail/mail.server";
import { isMessageKind, linkKinds, wantsMessage } from "./kinds";
import { mailTokenFor, unsubscribeUrl } from "./preferences.server";
import { renderMessage } from "./templates.server";

/** After this many tries (about seven hours of backing off) a message is given up and shown to admins. */
export const MAX_ATTEMPTS = 10;
/** A sender that crashed mid-send lets go after this long; the retry reuses the idempotency key. */
export const DEFAULT_LEASE_MS = 2 * 60_000;
const BACKOFF_BASE_MS = 30_000;
const BACKOFF_CAP_MS = 60 * 60_000;

/** 30 s, 1 min, 2 min, … doubling up to an hour between tries. */
export function backoffMs(attempt: number): number {
  return Math.min(BACKOFF_CAP_MS, BACKOFF_BASE_MS * 2 ** Math.max(0, attempt - 1));
}

/** Resend keeps a key for 24 hours: a retry of a message that did go out is answered, not sent. */
export function idempotencyKeyFor(messageId: string): string {
  return `tsunagu-message-${messageId}`;
}

export type DeliveryReport = { sent: number; skipped: number; retrying: number; failed: number };

type Finish =
  | { status: "sent" }
  | { status: "skipped"; reason: string }
  | { status: "retry" | "failed"; error: string }
  /** The provider asked us to slow down: try later, without counting it against the message. */
  | { status: "throttled"; error: string; retryAfterMs: number };

const reportBucket = {
  sent: "sent",
  skipped: "skipped",
  failed: "failed",
  retry: "retrying",
  throttled: "retrying",
} as const satisfies Record<Finish["status"], keyof DeliveryReport>;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function attempt(
  db: Db,
  mailer: Mailer,
  message: OutboxMessage,
  options: { appUrl: string; now: Date },
): Promise<Finish> {
  if (!isMessageKind(message.kind))
    return { status: "failed", error: `Unknown kind ${message.kind}` };
  const kind = message.kind;
  const recipient = await db.user.findUnique({ where: { id: message.userId } });
  if (!recipient) return { status: "skipped", reason: "The account was deleted." };
  if (!wantsMessage(recipient, kind)) {
    return { status: "skipped", reason: "The person turned this kind of email off." };
  }
  const payload = JSON.parse(message.payload) as Record<string, string>;
  if (linkKinds.includes(kind) && payload.expiresAt && new Date(payload.expiresAt) <= options.now) {
    return { status: "skipped", reason: "The link expired before it could be sent." };
  }
  const locale: Locale = isLocale(recipient.locale)
    ? recipient.locale
    : isLocale(payload.locale)
      ? payload.locale
      : "en";
  const unsubscribe = unsubscribeUrl(options.appUrl, await mailTokenFor(db, recipient.id), kind);
  const rendered = await renderMessage({
    db,
    kind,
    payload,
    recipient,
    locale,
    t: await getFixedT(locale),
    appUrl: options.appUrl,
    unsubscribeUrl: unsubscribe,
    now: options.now,
  });
  if ("skip" in rendered) return { status: "skipped", reason: rendered.skip };
  const mail = {
    ...rendered.mail,
    headers: {
      ...rendered.mail.headers,
      // RFC 8058: mail apps show an "Unsubscribe" button that POSTs here, no login needed.
      "List-Unsubscribe": `<${unsubscribe}>`,
      "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
    },
  };
  const outcome = await mailer.send(mail, { idempotencyKey: idempotencyKeyFor(message.id) });
  if (outcome.ok) return { status: "sent" };
  if (outcome.retryAfterMs !== undefined) {
    return { status: "throttled", error: outcome.error, retryAfterMs: outcome.retryAfterMs };
  }
  if (outcome.permanent || message.attempts >= MAX_ATTEMPTS) {
    return { status: "failed", error: outcome.error };
  }
  return { status: "retry", error: outcome.error };
}

function outcomeData(finish: Finish, message: OutboxMessage, now: Date) {
  switch (finish.status) {
    case "sent":
      return {
        status: "sent",
        sentAt: now,
        leaseUntil: null,
        lastError: "",
        // A delivered one-time link has no business staying in the database.
        ...(isMessageKind(message.kind) && linkKinds.includes(message.kind)
          ? { payload: "{}" }
          : {}),
      };
    case "skipped":
      return { status: "skipped", leaseUntil: null, lastError: finish.reason, payload: "{}" };
    case "failed":
      return { status: "failed", leaseUntil: null, lastError: finish.error };
    case "retry":
      return {
        leaseUntil: null,
        lastError: finish.error,
        nextAttemptAt: new Date(now.getTime() + backoffMs(message.attempts)),
      };
    case "throttled":
      return {
        leaseUntil: null,
        lastError: finish.error,
        attempts: message.attempts - 1,
        nextAttemptAt: new Date(now.getTime() + finish.retryAfterMs),
      };
  }
}

/**
 * Sends what is due. Any number of senders may run this at once against one database: each
 * message is leased by one of them first, and a lease left by a crashed sender runs out.
 */
export async function deliverDue(
  db: Db,
  mailer: Mailer,
  options: { appUrl: string; now?: Date; limit?: number; leaseMs?: number },
): Promise<DeliveryReport> {
  const start = options.now ?? new Date();
  const startedAt = performance.now();
  // `now` may be a test's simulated time; it moves on with the real time a round takes.
  const clock = () => new Date(start.getTime() + (performance.now() - startedAt));
  const leaseMs = options.leaseMs ?? DEFAULT_LEASE_MS;
  const report: DeliveryReport = { sent: 0, skipped: 0, retrying: 0, failed: 0 };
  const free = (now: Date) => ({ OR: [{ leaseUntil: null }, { leaseUntil: { lt: now } }] });
  const due = await db.outboxMessage.findMany({
    where: { status: "pending", nextAttemptAt: { lte: start }, ...free(start) },
    orderBy: [{ nextAttemptAt: "asc" }, { createdAt: "asc" }],
    take: options.limit ?? 25,
    select: { id: true },
  });
  for (const { id } of due) {
    const now = clock();
    // Taking the lease counts as an attempt, so a message that crashes its sender every time
    // still ends up failed instead of looping forever.
    const claimed = await db.outboxMessage.updateMany({
      where: { id, status: "pending", ...free(now) },
      data: { leaseUntil: new Date(now.getTime() + leaseMs), attempts: { increment: 1 } },
    });
    if (claimed.count === 0) continue;
    const message = await db.outboxMessage.findUniqueOrThrow({ where: { id } });
    let finish: Finish;
    try {
      finish = await attempt(db, mailer, message, { appUrl: options.appUrl, now });
    } catch (error) {
      finish = {
        status: message.attempts >= MAX_ATTEMPTS ? "failed" : "retry",
        error: error instanceof Error ? error.message : String(error),
      };
    }
    await db.outboxMessage.update({ where: { id }, data: outcomeData(finish, message, clock()) });
    report[reportBucket[finish.status]] += 1;
    // Hammering a provider that said "too many" only earns more refusals: end this round.
    if (finish.status === "throttled") break;
    if (finish.status !== "skipped" && mailer.minIntervalMs > 0) await sleep(mailer.minIntervalMs);
  }
  return report;
}
