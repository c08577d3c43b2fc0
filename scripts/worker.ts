/**
 * `npm run worker`: the email sender on its own, for hosts that run it beside (or instead of)
 * the web server's built-in one. Any number may run against one database; each message is
 * leased by one sender at a time, and reminders are recorded once under a unique key.
 * It does not migrate the database: the web server or `npm run db:deploy` does. Until the schema
 * is current it waits, so workers and a new release can be started in any order.
 */
import fs from "node:fs";
import { db as sharedDb } from "~/db.server";
import { env } from "~/env.server";
import { mailer } from "~/mail/mail.server";
import { startOutboxWorker } from "~/notifications/worker.server";
import { hasPendingMigrations } from "../server/database.js";
import { logger } from "../server/log.js";

// Same configuration as the web server: a .env file next to package.json, if there is one.
if (fs.existsSync(".env")) process.loadEnvFile(".env");

let config: ReturnType<typeof env>;
try {
  config = env();
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
}
const log = logger();

if (await hasPendingMigrations(config.DATABASE_URL)) {
  log.info("Waiting for the database to be migrated (npm run db:deploy, or the web server)…");
  while (await hasPendingMigrations(config.DATABASE_URL))
    await new Promise((r) => setTimeout(r, 2000));
}

const db = sharedDb();
const worker = startOutboxWorker({
  db,
  mailer: mailer(),
  appUrl: config.appUrl,
  intervalMs: config.SENDER_INTERVAL_MS,
  leaseMs: config.SENDER_LEASE_MS,
  keepProcessAlive: true,
  onError: (error) => log.error("The email sender hit a problem; it will try again", { error }),
});
log.info(
  `Email sender running (${config.RESEND_API_KEY ? "Resend" : "dev mailbox"}, every ${config.SENDER_INTERVAL_MS} ms)`,
);

// SIGTERM: no new message; the one in hand finishes (or, after the grace, its lease is handed
// back so another worker sends it at once); then the database is closed.
for (const signal of ["SIGTERM", "SIGINT"] as const) {
  process.once(signal, () => {
    log.info("Stopping the email sender after the message in hand", { signal });
    void worker
      .stop()
      .catch((error: unknown) => log.error("Could not stop the email sender", { error }))
      .then(() => db.$disconnect())
      .finally(() => {
        log.info("Email sender stopped");
        process.exit(0);
      });
  });
}
