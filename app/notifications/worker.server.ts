import type { Db } from "~/db.server";
import type { Mailer } from "~/mail/mail.server";
import { raiseKeepApartAlerts } from "~/safety/keep-apart.server";
import { escalateReports } from "~/safety/reports.server";
import { eraseOldHelpTexts, escalateWaitingRequests } from "~/care/help-requests.server";
import { scheduleReminders } from "./reminders.server";
import { deliverDue, releaseLeases } from "./sender.server";

export type OutboxWorker = {
  /**
   * Takes no new message, lets the one in hand finish, and resolves once the loop has stopped.
   * A send still running after `graceMs` (default 10 s) is abandoned and its lease handed back,
   * so another sender takes the message at once.
   */
  stop(options?: { graceMs?: number }): Promise<void>;
};

/** How long a stopping sender waits for the message in hand; systemd's default stop timeout is 90 s. */
export const STOP_GRACE_MS = 10_000;

/**
 * The sender loop, run inside the web server and by `npm run worker`. Each round records due
 * reminders, then sends until nothing is due; rounds never overlap within one process.
 */
export function startOutboxWorker(options: {
  db: Db;
  mailer: Mailer;
  appUrl: string;
  intervalMs: number;
  leaseMs?: number;
  /** The web server lets its timers go at shutdown; `npm run worker` lives for its loop. */
  keepProcessAlive?: boolean;
  onError?: (error: unknown) => void;
}): OutboxWorker {
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> = Promise.resolve();
  /** The leases this process holds right now (at most the message in hand). */
  const held = new Map<string, Date>();

  async function round() {
    await scheduleReminders(options.db);
    await raiseKeepApartAlerts(options.db);
    await escalateReports(options.db);
    // Help requests: nobody waits unseen, and their texts do not outlive their 90 days.
    const now = new Date();
    await escalateWaitingRequests(options.db, now);
    await eraseOldHelpTexts(options.db, now);
    for (;;) {
      const report = await deliverDue(options.db, options.mailer, {
        appUrl: options.appUrl,
        leaseMs: options.leaseMs,
        stopping: () => stopped,
        held,
      });
      const handled = report.sent + report.skipped + report.retrying + report.failed;
      if (handled === 0 || stopped) break;
    }
  }

  function next() {
    if (stopped) return;
    timer = setTimeout(() => {
      running = round()
        .catch((error: unknown) => (options.onError ?? console.error)(error))
        .finally(next);
    }, options.intervalMs);
    if (!options.keepProcessAlive) timer.unref();
  }
  running = round()
    .catch((error: unknown) => (options.onError ?? console.error)(error))
    .finally(next);

  return {
    async stop({ graceMs = STOP_GRACE_MS } = {}) {
      stopped = true;
      if (timer) clearTimeout(timer);
      let grace: NodeJS.Timeout | undefined;
      const finished = await Promise.race([
        running.then(() => true),
        new Promise<false>((resolve) => (grace = setTimeout(() => resolve(false), graceMs))),
      ]);
      clearTimeout(grace);
      if (!finished) await releaseLeases(options.db, held);
    },
  };
}
