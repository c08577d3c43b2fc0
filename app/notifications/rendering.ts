import type { Mail, MailAttachment } from "~/mail/mail.server";

/**
 * An email as it was rendered at its first try, kept on the outbox row so every retry sends
 * exactly the same request under the same idempotency key. Resend answers a repeated key with
 * a different body by refusing it (409), so re-rendering after the event, the waiting list or
 * the person's language changed would turn a delivered message into a "failure".
 * The address is not part of it: it is the person's current one at each try (see 0008).
 */
export type StoredRendering = {
  subject: string;
  html: string;
  text: string;
  headers: Record<string, string>;
  attachments: MailAttachment[];
};

export function storeRendering(mail: Mail): string {
  const rendering: StoredRendering = {
    subject: mail.subject,
    html: mail.html,
    text: mail.text,
    headers: mail.headers ?? {},
    attachments: mail.attachments ?? [],
  };
  return JSON.stringify(rendering);
}

export function mailFromRendering(stored: string, to: string): Mail {
  const rendering = JSON.parse(stored) as StoredRendering;
  return {
    to,
    subject: rendering.subject,
    html: rendering.html,
    text: rendering.text,
    headers: rendering.headers,
    ...(rendering.attachments.length > 0 ? { attachments: rendering.attachments } : {}),
  };
}
