import type { Db } from "~/db.server";
import type { OutboxMessage } from "~/generated/prisma/client";
import { isLocale, type Locale } from "~/i18n/config";
import { getFixedT } from "~/i18n/i18next.server";
import type { Mailer } from "~/mail/mail.server";
import { isMessageKind, linkKinds, wantsMessage, type MessageKind } from "./kinds";
import { mailTokenFor, unsubscribeUrl } from "./preferences.server";
import { reasonHasPassed } from "./relevance.server";
import { mailFromRendering, storeRendering } from "./rendering";
import type { Recipient } from "./template-input";
import { renderMessage } from "./templates.server";

/** After this many tries (about three hours of backing off) a message is given up and shown to admins. */
export const MAX_ATTEMPTS = 10;
/** A sender that crashed mid-send lets go after this long; the retry reuses the idempotency key. */
export const DEFAULT_LEASE_MS = 2 * 60_000;
/** Resend is still working on an earlier request with the key: ask again after this long. */
export const IN_PROGRESS_RETRY_MS = 10_000;
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
  | { status: "sent"; note?: string }
  | { status: "skipped"; reason: string }
  | { status: "retry" | "failed"; error: string }
  /** Not the message's fault (too many requests, or Resend still busy with an earlier try of
   * it): try later without counting it against the message. */
  | { status: "throttled" | "in_progress"; error: string; retryAfterMs: number };

const reportBucket = {
  sent: "sent",
  skipped: "skipped",
  failed: "failed",
  retry: "retrying",
  throttled: "retrying",
  in_progress: "retrying",
} as const satisfies Record<Finish["status"], keyof DeliveryReport>;

/** Another sender took the message over (our lease ran out): it decides, we write nothing. */
const LEASE_LOST = Symbol("lease lost");

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function render(
  db: Db,
  kind: MessageKind,
  payload: Record<string, string>,
  recipient: Recipient & { locale: string | null },
  options: { appUrl: string },
) {
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
  });
  if ("skip" in rendered) return rendered;
  return {
    mail: {
      ...rendered.mail,
      headers: {
        ...rendered.mail.headers,
        // RFC 8058: mail apps show an "Unsubscribe" button that POSTs here, no login needed.
        "List-Unsubscribe": `<${unsubscribe}>`,
        "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
      },
    },
  };
}

async function attempt(
  db: Db,
  mailer: Mailer,
  message: OutboxMessage,
  lease: Date,
  options: { appUrl: string; now: Date },
): Promise<Finish | typeof LEASE_LOST> {
  if (!isMessageKind(message.kind))
    return { status: "failed", error: `Unknown kind ${message.kind}` };
  const kind = message.kind;
  const recipient = await db.user.findUnique({ where: { id: message.userId } });
  if (!recipient) return { status: "skipped", reason: "The account was deleted." };
  if (!wantsMessage(recipient, kind)) {
    return { status: "skipped", reason: "The person turned this kind of email off." };
  }
  const payload = JSON.parse(message.payload) as Record<string, string>;
  const passed = await reasonHasPassed(db, { ...message, kind, payload }, options.now);
  if (passed) {
    // A rendering on the row means an earlier try got as far as sending; its answer is unknown.
    const maybe = message.rendered === null ? "" : " An earlier try may have reached them.";
    return { status: "skipped", reason: passed + maybe };
  }

  let stored = message.rendered;
  if (stored === null) {
    const rendered = await render(db, kind, payload, recipient, options);
    if ("skip" in rendered) return { status: "skipped", reason: rendered.skip };
    stored = storeRendering(rendered.mail);
    // Kept before the first request leaves, so a crash mid-send still leaves the exact text
    // the retry must repeat. Only while the lease is ours and no rendering exists yet.
    const kept = await db.outboxMessage.updateMany({
      where: { id: message.id, leaseUntil: lease, rendered: null },
      data: { rendered: stored },
    });
    if (kept.count === 0) return LEASE_LOST;
  }
  const mail = mailFromRendering(stored, recipient.email);

  const outcome = await mailer.send(mail, { idempotencyKey: idempotencyKeyFor(message.id) });
  if (outcome.ok) {
    return outcome.earlierTry
      ? { status: "sent", note: "Delivered by an earlier try: Resend already had its key." }
      : { status: "sent" };
  }
  if (outcome.inProgress) {
    return { status: "in_progress", error: outcome.error, retryAfterMs: IN_PROGRESS_RETRY_MS };
  }
  if (outcome.retryAfterMs !== undefined) {
    return { status: "throttled", error: outcome.error, retryAfterMs: outcome.retryAfterMs };
  }
  if (outcome.permanent || message.attempts >= MAX_ATTEMPTS) {
    return { status: "failed", error: outcome.error };
  }
  return { status: "retry", error: outcome.error };
}

function outcomeData(finish: Finish, message: OutboxMessage, now: Date) {
  // A one-time link (password reset, sign-up confirmation) has no business staying in the
  // database once delivered, or once a retry could not use it.
  const erased = { payload: "{}", rendered: null };
  const isLink = isMessageKind(message.kind) && linkKinds.includes(message.kind);
  switch (finish.status) {
    case "sent":
      return {
        status: "sent",
        sentAt: now,
        leaseUntil: null,
        lastError: finish.note ?? "",
        rendered: null,
        ...(isLink ? erased : {}),
      };
    case "skipped":
      return { status: "skipped", leaseUntil: null, lastError: finish.reason, ...erased };
    case "failed":
      // The rendering stays so that "try again" sends the very same request; a link's does not.
      return {
        status: "failed",
        leaseUntil: null,
        lastError: finish.error,
        ...(isLink ? erased : {}),
      };
    case "retry":
      return {
        leaseUntil: null,
        lastError: finish.error,
        nextAttemptAt: new Date(now.getTime() + backoffMs(message.attempts)),
      };
    case "throttled":
    case "in_progress":
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
  options: {
    appUrl: string;
    now?: Date;
    limit?: number;
    leaseMs?: number;
    /** Asked before each claim: a sender that is shutting down takes no new message. */
    stopping?: () => boolean;
    /** Told of each lease while it is held, so a sender that must quit can hand it back. */
    held?: Map<string, Date>;
  },
): Promise<DeliveryReport> {
  const start = options.now ?? new Date();
  const startedAt = performance.now();
  // `now` may be a test's simulated time; it moves on with the real time a round takes.
  const clock = () => new Date(start.getTime() + (performance.now() - startedAt));
  const leaseMs = options.leaseMs ?? DEFAULT_LEASE_MS;
  const report: DeliveryReport = { sent: 0, skipped: 0, retrying: 0, failed: 0 };
  // Due and free: the list below is read once, and by the time a row's turn comes another
  // sender may have tried it and set its next try later, so the claim asks all of it again.
  const claimable = (now: Date) => ({
    status: "pending",
    nextAttemptAt: { lte: now },
    OR: [{ leaseUntil: null }, { leaseUntil: { lt: now } }],
  });
  const due = await db.outboxMessage.findMany({
    where: claimable(start),
    orderBy: [{ nextAttemptAt: "asc" }, { createdAt: "asc" }],
    take: options.limit ?? 25,
    select: { id: true },
  });
  for (const { id } of due) {
    if (options.stopping?.()) break;
    const now = clock();
    // The lease's end is also this sender's token: a later claim always sets a later one, so
    // a sender whose lease was taken over cannot overwrite the new holder's outcome.
    const lease = new Date(now.getTime() + leaseMs);
    // Taking the lease counts as an attempt, so a message that crashes its sender every time
    // still ends up failed instead of looping forever.
    const claimed = await db.outboxMessage.updateMany({
      where: { id, ...claimable(now) },
      data: { leaseUntil: lease, attempts: { increment: 1 } },
    });
    if (claimed.count === 0) continue;
    options.held?.set(id, lease);
    let written: { count: number };
    let finish: Finish | typeof LEASE_LOST;
    try {
      const message = await db.outboxMessage.findUniqueOrThrow({ where: { id } });
      try {
        finish = await attempt(db, mailer, message, lease, { appUrl: options.appUrl, now });
      } catch (error) {
        finish = {
          status: message.attempts >= MAX_ATTEMPTS ? "failed" : "retry",
          error: error instanceof Error ? error.message : String(error),
        };
      }
      if (finish === LEASE_LOST) continue;
      // "Sent" is the truth whoever holds the lease now; every other outcome only while ours.
      written = await db.outboxMessage.updateMany({
        where: finish.status === "sent" ? { id } : { id, leaseUntil: lease },
        data: outcomeData(finish, message, clock()),
      });
    } finally {
      options.held?.delete(id);
    }
    if (written.count === 0) continue;
    report[reportBucket[finish.status]] += 1;
    // Hammering a provider that said "too many" only earns more refusals: end this round.
    if (finish.status === "throttled") break;
    if (finish.status !== "skipped" && mailer.minIntervalMs > 0) await sleep(mailer.minIntervalMs);
  }
  return report;
}

/**
 * Hands back leases a sender still holds when it must quit before their messages are done (a
 * send that outlived the shutdown's grace): they are due again at once for any other sender,
 * instead of after the lease runs out, and the claim does not count as a try. A lease another
 * sender has taken over since is left alone. Should the abandoned request still reach Resend,
 * the next try reuses its idempotency key and the stored rendering, as after a crash.
 */
export async function releaseLeases(db: Db, held: ReadonlyMap<string, Date>): Promise<number> {
  let released = 0;
  for (const [id, lease] of held) {
    const { count } = await db.outboxMessage.updateMany({
      where: { id, status: "pending", leaseUntil: lease },
      data: { leaseUntil: null, attempts: { decrement: 1 } },
    });
    released += count;
  }
  return released;
}
