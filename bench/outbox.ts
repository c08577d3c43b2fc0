/**
 * `npm run bench:outbox`: how fast one sender empties the outbox. 1,000 RSVP confirmations
 * (each rendered in the recipient's language with its .ics attached) go through the real
 * Resend SDK to a local stand-in over HTTP, then through the dev mailbox; also the cost of one
 * reminder-scheduling pass over 1,000 due RSVPs.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { createDb } from "~/db.server";
import { createMailer } from "~/mail/mail.server";
import { scheduleReminders } from "~/notifications/reminders.server";
import { deliverDue } from "~/notifications/sender.server";
import { startResendStandIn } from "../tests/support/resend-standin";
import { prepareDatabase } from "../server/database.js";

const MESSAGES = Number(process.env.BENCH_MESSAGES ?? 1000);
const locales = ["en", "ja", "ja-x-easy", "fa", "ar", "fr"];

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "tsunagu-bench-"));
const url = `file:${path.join(dir, "bench.db")}`;
await prepareDatabase(url);
const db = createDb(url);
const resend = await startResendStandIn();
process.env.RESEND_BASE_URL = resend.url;

async function seed(startsAt: Date) {
  await db.outboxMessage.deleteMany();
  await db.rsvp.deleteMany();
  await db.event.deleteMany();
  await db.event.create({
    data: {
      id: "e1",
      kind: "cafe",
      title: "Café",
      description: "Tea and conversation.",
      locale: "en",
      startsAt,
      endsAt: new Date(startsAt.getTime() + 2 * 3_600_000),
      venueName: "Community room",
      venueAddress: "1-2-3 Yotsuya, Shinjuku-ku, Tokyo",
    },
  });
  await db.rsvp.createMany({
    data: Array.from({ length: MESSAGES }, (_, i) => ({
      eventId: "e1",
      userId: `u${i}`,
      status: "going",
      queueSeq: i + 1,
      confirmedAt: new Date(startsAt.getTime() - 7 * 86_400_000),
    })),
  });
}

async function drain(label: string, mailer: ReturnType<typeof createMailer>) {
  await db.outboxMessage.createMany({
    data: Array.from({ length: MESSAGES }, (_, i) => ({
      kind: "rsvp_confirmed",
      userId: `u${i}`,
      payload: JSON.stringify({ eventId: "e1" }),
    })),
  });
  const started = performance.now();
  let sent = 0;
  for (;;) {
    const report = await deliverDue(db, mailer, { appUrl: "https://tsunagu.example", limit: 100 });
    sent += report.sent;
    if (report.sent + report.skipped + report.retrying + report.failed === 0) break;
  }
  const seconds = (performance.now() - started) / 1000;
  console.log(
    `${label.padEnd(34)} ${sent} sent in ${seconds.toFixed(2)} s = ${(sent / seconds).toFixed(0)} messages/s, ${((seconds * 1000) / sent).toFixed(2)} ms each`,
  );
  await db.outboxMessage.deleteMany();
}

try {
  await db.user.createMany({
    data: Array.from({ length: MESSAGES }, (_, i) => ({
      id: `u${i}`,
      email: `u${i}@example.com`,
      displayName: `Person ${i}`,
      passwordHash: "x",
      locale: locales[i % locales.length],
    })),
  });
  await seed(new Date(Date.now() + 10 * 86_400_000));
  console.log(`Outbox sender, ${MESSAGES} confirmations in six languages with .ics attached:`);
  const config = { db, from: "Tsunagu <hello@tsunagu.example>" };
  await drain(
    "Resend SDK → local HTTP stand-in",
    createMailer({
      ...config,
      apiKey: "re_test_key",
      devMailboxEnabled: false,
      maxPerSecond: 1_000_000, // the sender's own cost; Resend's real limit is 2/s unless raised
    }),
  );
  await drain(
    "dev mailbox (SQLite)",
    createMailer({ ...config, apiKey: undefined, devMailboxEnabled: true }),
  );

  await seed(new Date(Date.now() + 3_600_000));
  const started = performance.now();
  const recorded = await scheduleReminders(db);
  const first = performance.now() - started;
  const again = performance.now();
  const repeat = await scheduleReminders(db);
  console.log(
    `Reminder pass over ${MESSAGES} due RSVPs: ${recorded} recorded in ${first.toFixed(0)} ms; the next pass (nothing new: ${repeat}) ${(performance.now() - again).toFixed(0)} ms`,
  );
} finally {
  await db.$disconnect();
  await resend.close();
  fs.rmSync(dir, { recursive: true, force: true });
}
