import { db } from "~/db.server";
import { env } from "~/env.server";
import { mailer } from "~/mail/mail.server";
import { deliverDue } from "~/notifications/sender.server";

/** What the background sender would do next: deliver everything due (to the dev mailbox). */
export async function deliverOutbox(now = new Date()) {
  return deliverDue(db(), mailer(), { appUrl: env().appUrl, now, limit: 1000 });
}
