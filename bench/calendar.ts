/**
 * `npm run bench:calendar`: the time to build one person's calendar feed of 500 events
 * (database query, translations, privacy, and ical-generator), as the feed URL does.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { calendarTokenFor, personalFeed } from "~/calendar/feeds.server";
import { buildCalendar } from "~/calendar/ics.server";
import { createDb } from "~/db.server";
import { prepareDatabase } from "../server/database.js";

const EVENTS = Number(process.env.BENCH_EVENTS ?? 500);
const RUNS = 30;

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "tsunagu-bench-"));
const url = `file:${path.join(dir, "bench.db")}`;
await prepareDatabase(url);
const db = createDb(url);
try {
  await db.user.create({
    data: { id: "me", email: "me@example.com", displayName: "Me", passwordHash: "x", locale: "fa" },
  });
  const now = Date.now();
  await db.event.createMany({
    data: Array.from({ length: EVENTS }, (_, i) => {
      const startsAt = new Date(now + (i + 1) * 12 * 3_600_000);
      return {
        id: `e${i}`,
        kind: "cafe",
        title: `Café ${i}`,
        description: "Tea, snacks and conversation in easy Japanese, English and other languages.",
        locale: "en",
        startsAt,
        endsAt: new Date(startsAt.getTime() + 2 * 3_600_000),
        venueName: "Community room",
        venueAddress: "1-2-3 Yotsuya, Shinjuku-ku, Tokyo",
        hideAddress: i % 2 === 0,
        sequence: i % 3,
      };
    }),
  });
  await db.eventTranslation.createMany({
    data: Array.from({ length: EVENTS }, (_, i) => ({
      eventId: `e${i}`,
      locale: "fa",
      title: `کافه ${i}`,
      description: "چای و گفت‌وگو",
    })),
  });
  await db.rsvp.createMany({
    data: Array.from({ length: EVENTS }, (_, i) => ({
      eventId: `e${i}`,
      userId: "me",
      status: i % 5 === 0 ? "waitlisted" : "going",
      queueSeq: 1,
    })),
  });
  const token = await calendarTokenFor(db, "me");

  const samples: number[] = [];
  let bytes = 0;
  for (let run = 0; run < RUNS + 3; run++) {
    const start = performance.now();
    const feed = await personalFeed(db, token, "https://tsunagu.example", new Date());
    const body = buildCalendar("My Tsunagu events", feed!.entries);
    const elapsed = performance.now() - start;
    if (run >= 3) samples.push(elapsed); // the first runs warm up the JIT
    bytes = Buffer.byteLength(body);
  }
  samples.sort((a, b) => a - b);
  const at = (p: number) =>
    samples[Math.min(samples.length - 1, Math.floor((p / 100) * samples.length))]!.toFixed(1);
  console.log(`${os.cpus()[0]?.model ?? "cpu"} x${os.cpus().length}, Node ${process.version}`);
  console.log(
    `personal feed of ${EVENTS} events (${(bytes / 1024).toFixed(0)} KiB): median ${at(50)} ms, p99 ${at(99)} ms over ${RUNS} runs`,
  );
} finally {
  await db.$disconnect();
  fs.rmSync(dir, { recursive: true, force: true });
}
