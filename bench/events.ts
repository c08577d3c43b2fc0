/**
 * `npm run bench:events`: requests per second and p99 latency of the events page at 50
 * concurrent connections, next to a bare page (same server, same layout, no data), with a
 * database of 200 upcoming events and 5,000 members. Needs `npm run build` first.
 */
import { spawn } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import autocannon from "autocannon";
import { createDb } from "~/db.server";
import { eventKinds } from "~/events/kinds";
import { encodeList } from "~/utils/comma-list";
import { prepareDatabase } from "../server/database.js";

const CONNECTIONS = 50;
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const MEMBERS = 5000;
const EVENTS = 200;

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = net.createServer().listen(0, "127.0.0.1", () => {
      const port = (s.address() as net.AddressInfo).port;
      s.close(() => resolve(port));
    });
  });
}

async function seed(file: string) {
  await prepareDatabase(`file:${file}`);
  const db = createDb(`file:${file}`);
  const users = Array.from({ length: MEMBERS }, (_, i) => ({
    id: `member-${i}`,
    email: `member-${i}@example.com`,
    displayName: `Member ${i}`,
    passwordHash: "bench",
  }));
  for (let i = 0; i < users.length; i += 1000)
    await db.user.createMany({ data: users.slice(i, i + 1000) });
  const languageSets = [
    ["ja", "en"],
    ["fa", "ja"],
    ["ar", "fr"],
    ["ja-x-easy", "en", "fa"],
  ];
  const now = Date.now();
  const events = Array.from({ length: EVENTS }, (_, i) => {
    const startsAt = new Date(now + (i + 1) * 10 * 3_600_000);
    return {
      id: `event-${i}`,
      kind: eventKinds[i % eventKinds.length]!,
      title: `Event ${i}`,
      description: "A benchmark event.",
      locale: "en",
      startsAt,
      endsAt: new Date(startsAt.getTime() + 2 * 3_600_000),
      languages: encodeList(languageSets[i % languageSets.length]!),
      venueName: "Hall",
      capacity: 30,
    };
  });
  await db.event.createMany({ data: events });
  const rsvps = events.flatMap((event, e) =>
    Array.from({ length: 35 }, (_, k) => ({
      eventId: event.id,
      userId: `member-${(e * 35 + k) % MEMBERS}`,
      status: k < 30 ? "going" : "waitlisted",
      queueSeq: k + 1,
    })),
  );
  for (let i = 0; i < rsvps.length; i += 1000)
    await db.rsvp.createMany({ data: rsvps.slice(i, i + 1000) });
  await db.session.create({
    data: { id: "bench-session", userId: "member-1", expiresAt: new Date(now + 86_400_000) },
  });
  await db.$disconnect();
}

async function run(url: string, headers: Record<string, string> = {}) {
  const result = await autocannon({ url, connections: CONNECTIONS, duration: SECONDS, headers });
  return {
    rps: Math.round(result.requests.average),
    p99: result.latency.p99,
    errors: result.non2xx + result.errors,
  };
}

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "tsunagu-bench-"));
const file = path.join(dir, "bench.db");
await seed(file);
const port = await freePort();
const server = spawn(process.execPath, ["server.js"], {
  env: {
    ...process.env,
    NODE_ENV: "production",
    TSUNAGU_MODE: "demo",
    TSUNAGU_BENCH: "1",
    PORT: String(port),
    DATABASE_URL: `file:${file}`,
  },
  stdio: ["ignore", "ignore", "inherit"],
});
const base = `http://localhost:${port}`;
try {
  for (let i = 0; i < 100; i++) {
    if (
      await fetch(`${base}/healthz`).then(
        (r) => r.ok,
        () => false,
      )
    )
      break;
    await new Promise((r) => setTimeout(r, 200));
  }
  console.log(
    `${os.cpus()[0]?.model ?? "cpu"} x${os.cpus().length}, Node ${process.version}; ${EVENTS} events, ${MEMBERS} members, ${CONNECTIONS} connections, ${SECONDS} s each`,
  );
  const cases: [string, string, Record<string, string>?][] = [
    ["bare Remix page (baseline)", "/bench/bare"],
    ["/events, visitor", "/events"],
    ["/events, signed-in member", "/events", { Cookie: "tsunagu_session=bench-session" }],
    ["/events?kind=yoga&language=fa", "/events?kind=yoga&language=fa"],
    ["/events?page=10", "/events?page=10"],
  ];
  console.log(
    `${"page".padEnd(34)} ${"req/s".padStart(7)} ${"p99 ms".padStart(7)} ${"errors".padStart(7)}`,
  );
  for (const [label, route, headers] of cases) {
    const r = await run(base + route, headers);
    console.log(
      `${label.padEnd(34)} ${String(r.rps).padStart(7)} ${String(r.p99).padStart(7)} ${String(r.errors).padStart(7)}`,
    );
  }
} finally {
  server.kill("SIGTERM");
  fs.rmSync(dir, { recursive: true, force: true });
}
