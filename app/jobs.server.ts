import { removeUnconfirmedAccounts } from "~/accounts/signup.server";
import { db } from "~/db.server";
import { env } from "~/env.server";
import { topUpAllSeries } from "~/events/events.server";
import { mailer } from "~/mail/mail.server";
import { expireProposals, flagQuietMatches } from "~/mentorship/workflow.server";
import { startOutboxWorker } from "~/notifications/worker.server";
import { logger } from "../server/log.js";

const HOUR_MS = 60 * 60 * 1000;

export type BackgroundJobs = {
  /** Stops the clocks and the sender (after the message in hand); see OutboxWorker.stop. */
  stop(options?: { graceMs?: number }): Promise<void>;
};

/**
 * Work that runs beside the web server (server.js starts it through the build's entry module):
 * keeping event series generated three months ahead, mentoring's clocks (proposals expire after
 * 7 days; quiet matches are flagged after 21), erasing sign-ups never confirmed a week after
 * their link expired, and (unless TSUNAGU_SENDER=off because `npm run worker` does it) sending
 * the email outbox.
 */
export function startBackgroundJobs(): BackgroundJobs {
  const log = logger();
  const failed = (what: string) => (error: unknown) => log.error(what, { error });
  const hourly = () => {
    topUpAllSeries(db()).catch(failed("Could not top up event series"));
    const now = new Date();
    expireProposals(db(), now)
      .then(() => flagQuietMatches(db(), now))
      .catch(failed("Could not run the mentoring clocks"));
    removeUnconfirmedAccounts(db(), now).catch(failed("Could not remove unconfirmed sign-ups"));
  };
  hourly();
  const clock = setInterval(hourly, HOUR_MS);
  clock.unref();
  const config = env();
  const sender =
    config.TSUNAGU_SENDER === "off"
      ? undefined
      : startOutboxWorker({
          db: db(),
          mailer: mailer(),
          appUrl: config.appUrl,
          intervalMs: config.SENDER_INTERVAL_MS,
          leaseMs: config.SENDER_LEASE_MS,
          onError: failed("The email sender hit a problem; it will try again"),
        });
  return {
    async stop(options) {
      clearInterval(clock);
      await sender?.stop(options);
    },
  };
}

/** The last step of a shutdown, once no request and no job needs the database any more. */
export async function closeDatabase(): Promise<void> {
  await db().$disconnect();
}
