import { Resend } from "resend";
import type { Db } from "~/db.server";
import { db } from "~/db.server";
import { env } from "~/env.server";

export type Mail = { to: string; subject: string; html: string; text: string };

export interface Mailer {
  send(mail: Mail, options?: { idempotencyKey?: string }): Promise<void>;
}

/** Sends through Resend when a key is set; otherwise keeps messages in the dev mailbox. */
export function createMailer(config: {
  db: Db;
  apiKey: string | undefined;
  from: string;
  devMailboxEnabled: boolean;
}): Mailer {
  let resend: Resend | undefined;
  return {
    async send(mail, options) {
      if (config.apiKey) {
        // Created on first use, so a process that never mails never builds a client.
        resend ??= new Resend(config.apiKey);
        const { error } = await resend.emails.send(
          {
            from: config.from,
            to: mail.to,
            subject: mail.subject,
            html: mail.html,
            text: mail.text,
          },
          options?.idempotencyKey ? { idempotencyKey: options.idempotencyKey } : undefined,
        );
        if (error) throw new Error(`Resend refused the message: ${error.name}: ${error.message}`);
        return;
      }
      if (!config.devMailboxEnabled) {
        throw new Error("No RESEND_API_KEY is set, and the dev mailbox is off in production.");
      }
      await config.db.devMail.create({ data: mail });
    },
  };
}

let shared: Mailer | undefined;
export function mailer(): Mailer {
  const { RESEND_API_KEY, MAIL_FROM, devMailboxEnabled } = env();
  shared ??= createMailer({ db: db(), apiKey: RESEND_API_KEY, from: MAIL_FROM, devMailboxEnabled });
  return shared;
}
