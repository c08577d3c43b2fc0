import { Resend } from "resend";
import type { Db } from "~/db.server";
import { db } from "~/db.server";
import { env } from "~/env.server";

export type MailAttachment = { filename: string; contentType: string; contentBase64: string };

export type Mail = {
  to: string;
  subject: string;
  html: string;
  text: string;
  headers?: Record<string, string>;
  attachments?: MailAttachment[];
};

/**
 * `earlierTry`: the provider already sent an email under this idempotency key, so this
 * request sent nothing and an earlier try (whose answer was lost) delivered the message.
 * `permanent` failures (a refused address, a malformed message) are not worth retrying.
 * `retryAfterMs` means "too many requests": not the message's fault, so not counted as a try.
 * `inProgress`: an earlier request with this key is still being processed; its outcome is
 * unknown yet, so try again a little later (not counted as a try either).
 */
export type SendOutcome =
  | { ok: true; earlierTry?: boolean }
  | { ok: false; permanent: boolean; error: string; retryAfterMs?: number; inProgress?: boolean };

export interface Mailer {
  /** Pause between two sends, to stay under the provider's rate limit (0 for the dev mailbox). */
  readonly minIntervalMs: number;
  /** The idempotency key makes a retry of a message that did go out a no-op (Resend keeps keys 24 h). */
  send(mail: Mail, options: { idempotencyKey: string }): Promise<SendOutcome>;
}

/** Resend's error names for problems that go away by themselves; everything else 4xx is ours to fix. */
const TRANSIENT_ERRORS = new Set([
  "application_error",
  "internal_server_error",
  "rate_limit_exceeded",
  "daily_quota_exceeded",
]);

/** Resend allows a team 2 requests a second unless raised; its daily quota resets within a day. */
function throttleDelayMs(error: { name?: string; statusCode?: number | null }): number | undefined {
  if (error.name === "daily_quota_exceeded") return 60 * 60_000;
  if (error.name === "rate_limit_exceeded" || error.statusCode === 429) return 1000;
  return undefined;
}

function isTransient(error: { name?: string; statusCode?: number | null }): boolean {
  const status = error.statusCode ?? null;
  if (status === null || status === 429 || status >= 500) return true;
  return TRANSIENT_ERRORS.has(error.name ?? "");
}

function isUniqueViolation(error: unknown): boolean {
  return typeof error === "object" && error !== null && "code" in error && error.code === "P2002";
}

/** Sends through Resend when a key is set; otherwise keeps messages in the dev mailbox. */
export function createMailer(config: {
  db: Db;
  apiKey: string | undefined;
  from: string;
  devMailboxEnabled: boolean;
  /** Requests per second Resend accepts from this team (2 unless Resend raised it). */
  maxPerSecond?: number;
}): Mailer {
  let resend: Resend | undefined;
  return {
    minIntervalMs: config.apiKey ? Math.ceil(1000 / (config.maxPerSecond ?? 2)) : 0,
    async send(mail, { idempotencyKey }) {
      if (config.apiKey) {
        // Created on first use, so a process that never mails never builds a client. The SDK
        // reads RESEND_BASE_URL itself, which is how the tests point it at a local stand-in.
        resend ??= new Resend(config.apiKey);
        try {
          const { error } = await resend.emails.send(
            {
              from: config.from,
              to: mail.to,
              subject: mail.subject,
              html: mail.html,
              text: mail.text,
              headers: mail.headers,
              attachments: mail.attachments?.map((a) => ({
                filename: a.filename,
                contentType: a.contentType,
                content: a.contentBase64,
              })),
            },
            { idempotencyKey },
          );
          if (!error) return { ok: true };
          // Resend's two idempotency conflicts (docs: dashboard/emails/idempotency-keys); why
          // the first one counts as delivered is in docs/decisions/0008.
          if (error.name === "invalid_idempotent_request") return { ok: true, earlierTry: true };
          if (error.name === "concurrent_idempotent_requests") {
            return {
              ok: false,
              permanent: false,
              inProgress: true,
              error: `Resend: ${error.name}: ${error.message}`,
            };
          }
          return {
            ok: false,
            permanent: !isTransient(error),
            error: `Resend: ${error.name}: ${error.message}`,
            retryAfterMs: throttleDelayMs(error),
          };
        } catch (thrown) {
          return { ok: false, permanent: false, error: String(thrown) };
        }
      }
      if (!config.devMailboxEnabled) {
        return {
          ok: false,
          permanent: true,
          error: "No RESEND_API_KEY is set, and the dev mailbox is off in production.",
        };
      }
      // Like Resend, the dev mailbox keeps one copy per idempotency key. A plain insert whose
      // duplicate is refused by the unique key: Prisma's upsert with nothing to update reads
      // first and then inserts, which two senders on PostgreSQL can both do at once.
      try {
        await config.db.devMail.create({
          data: {
            to: mail.to,
            subject: mail.subject,
            html: mail.html,
            text: mail.text,
            headers: JSON.stringify(mail.headers ?? {}),
            attachments: JSON.stringify(mail.attachments ?? []),
            idempotencyKey,
          },
        });
      } catch (error) {
        if (!isUniqueViolation(error)) throw error;
      }
      return { ok: true };
    },
  };
}

let shared: Mailer | undefined;
export function mailer(): Mailer {
  const { RESEND_API_KEY, MAIL_FROM, RESEND_MAX_PER_SECOND, devMailboxEnabled } = env();
  shared ??= createMailer({
    db: db(),
    apiKey: RESEND_API_KEY,
    from: MAIL_FROM,
    devMailboxEnabled,
    maxPerSecond: RESEND_MAX_PER_SECOND,
  });
  return shared;
}
