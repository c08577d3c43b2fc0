/**
 * `npm run bench:calendar`: the time to build one person's calendar feed of 500 events
 * (database query, translations, privacy, versions and ical-generator), as the feed URL does,
 * and the time to answer a calendar app whose ETag is still current (304).
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { calendarTokenFor } from "~/calendar/feeds.server";
import { conditionalFeed, feedEntries, personalFeedSource } from "~/calendar/subscriptions.server";
import { buildCalendar } from "~/calendar/ics.server";
import { createDb } from "~/db.server";
import { prepareDatabase } from "../server/database.js";

const EVENTS = Number(process.env.BENCH_EVENTS ?? 500);
const RUNS = 30;

type Samples = { wall: number[]; cpu: number[] };

/**
 * Milliseconds per run, sorted, as elapsed time and as this process's CPU time (which other
 * sessions on a shared machine inflate less); the first runs warm up the JIT (and the caches)
 * and are dropped.
 */
async function measure(run: () => Promise<void>): Promise<Samples> {
  const wall: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < RUNS + 3; i++) {
    const start = performance.now();
    const used = process.cpuUsage();
    await run();
    const { user, system } = process.cpuUsage(used);
    if (i >= 3) {
      wall.push(performance.now() - start);
      cpu.push((user + system) / 1000);
    }
  }
  return { wall: wall.sort((a, b) => a - b), cpu: cpu.sort((a, b) => a - b) };
}

const at = (samples: number[], p: number) =>
  samples[Math.min(samples.length - 1, Math.floor((p / 100) * samples.length))]!.toFixed(1);

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

  const appUrl = "https://tsunagu.example";
  let bytes = 0;
  let etag = "";
  // What the feed URL does for a calendar app without a tag: read, version, render.
  const full = await measure(async () => {
    const now = new Date();
    const source = await personalFeedSource(db, token, now);
    const feed = await conditionalFeed(db, source!, { appUrl, now, ifNoneMatch: null });
    bytes = Buffer.byteLength(feed.body!);
    etag = feed.etag;
  });
  // The same, with every VEVENT written anew by ical-generator (a new server, or all changed).
  let round = 0;
  const cold = await measure(async () => {
    const now = new Date();
    const source = await personalFeedSource(db, token, now);
    const { entries } = await feedEntries(db, source!, appUrl, now);
    round++;
    buildCalendar(
      source!.name,
      entries.map((e) => ({ ...e, sequence: e.sequence + round * 1000 })),
    );
  });
  // A calendar app sending back the ETag of an unchanged feed.
  const unchanged = await measure(async () => {
    const now = new Date();
    const source = await personalFeedSource(db, token, now);
    const feed = await conditionalFeed(db, source!, { appUrl, now, ifNoneMatch: etag });
    if (feed.body !== null) throw new Error("expected a 304");
  });

  const load = os
    .loadavg()
    .map((l) => l.toFixed(2))
    .join(" ");
  console.log(
    `${os.cpus()[0]?.model ?? "cpu"} x${os.cpus().length}, Node ${process.version}, load average ${load}`,
  );
  const line = (what: string, samples: Samples) =>
    console.log(
      `${what}: median ${at(samples.wall, 50)} ms, p99 ${at(samples.wall, 99)} ms over ${RUNS} runs (CPU median ${at(samples.cpu, 50)} ms)`,
    );
  line(`personal feed of ${EVENTS} events (${(bytes / 1024).toFixed(0)} KiB), full render`, full);
  line("  the same, every VEVENT written anew (cold cache)", cold);
  line("  If-None-Match with the current ETag (304, no body)", unchanged);
} finally {
  await db.$disconnect();
  fs.rmSync(dir, { recursive: true, force: true });
}
