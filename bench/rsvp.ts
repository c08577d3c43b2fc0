/**
 * `npm run bench:rsvp`: 500 members press "I'm going" on one 40-seat café at the same moment,
 * over HTTP, against the production build served by `server.js` (its own sender off) with two
 * `npm run worker` processes beside it on the same database: the documented deployment.
 * Prints RSVPs per second, p50 / p95 / max latency, errors by status, and checks that exactly
 * 40 seats are confirmed and 460 people wait. Target: p95 <= 2 s and no errors (issue 9).
 *
 * The database is a SQLite file of its own unless BENCH_DATABASE_URL names a PostgreSQL server
 * (postgresql://user:password@host:5432/any): then a fresh database is created there for the
 * run and dropped after it. BENCH_SERVERS=3 spreads the burst over three app processes
 * (round robin), as behind a load balancer.
 *
 * Needs `npm run build` first. BENCH_MEMBERS, BENCH_SEATS and BENCH_WORKERS change the sizes
 * (BENCH_WORKERS=0 for the server alone, with its own sender off); workers send through the
 * Resend SDK to a local stand-in at Resend's default rate (BENCH_DEV_MAILBOX=1: the dev mailbox,
 * unpaced, so the workers render as fast as they can); BENCH_LOG=<file> keeps the
 * server's and workers' output; BENCH_NO_JS=1
 * posts the form as a browser without JavaScript does (the answer is the whole event page).
 */
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { createAccount } from "~/accounts/accounts.server";
import { createLucia } from "~/accounts/lucia.server";
import pg from "pg";
import { createDb } from "~/db.server";
import { createEvent } from "~/events/events.server";
import { engineOf, prepareDatabase } from "../server/database.js";
import { createDatabase } from "../server/postgres-migrations.js";
import { eventInput } from "../tests/support/fixtures";
import { startResendStandIn } from "../tests/support/resend-standin";

const MEMBERS = Number(process.env.BENCH_MEMBERS ?? 500);
const SEATS = Number(process.env.BENCH_SEATS ?? 40);
const NO_JS = process.env.BENCH_NO_JS === "1";
const WORKERS = Number(process.env.BENCH_WORKERS ?? 2);
const SERVERS = Math.max(1, Number(process.env.BENCH_SERVERS ?? 1));
const POSTGRES_SERVER = process.env.BENCH_DATABASE_URL;
if (POSTGRES_SERVER && engineOf(POSTGRES_SERVER) !== "postgresql") {
  console.error("BENCH_DATABASE_URL must be a postgresql:// URL (SQLite is the default).");
  process.exit(1);
}
const LOG = process.env.BENCH_LOG;
const DEV_MAILBOX = process.env.BENCH_DEV_MAILBOX === "1";
let closeResend: () => Promise<void> | void = () => {};
const P95_TARGET_MS = 2000;
const root = path.resolve(import.meta.dirname, "..");

if (!fs.existsSync(path.join(root, "build", "index.js"))) {
  console.error("No build found: run `npm run build` first.");
  process.exit(1);
}

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = net.createServer().listen(0, "127.0.0.1", () => {
      const port = (s.address() as net.AddressInfo).port;
      s.close(() => resolve(port));
    });
  });
}

function percentile(sorted: number[], p: number) {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
}

/** The organizer, the event, members and their sessions, written before the server starts. */
async function seed(databaseUrl: string) {
  if (engineOf(databaseUrl) === "postgresql") await createDatabase(databaseUrl);
  await prepareDatabase(databaseUrl);
  const db = createDb(databaseUrl);
  const lucia = createLucia(db, { secureCookies: false });
  try {
    const organizer = await createAccount(db, {
      email: "organizer@bench.example",
      password: "a long passphrase",
      displayName: "Aiko",
      locale: "ja",
    });
    if (!organizer.ok) throw new Error("no organizer");
    await db.user.update({ where: { id: organizer.user.id }, data: { role: "organizer" } });
    const date = new Date(Date.now() + 7 * 86_400_000).toISOString().slice(0, 10);
    const event = await createEvent(
      db,
      eventInput({
        date,
        venueName: "Community room",
        venueAddress: "1-2-3 Yotsuya, Shinjuku-ku, Tokyo",
        capacity: SEATS,
      }),
      organizer.user.id,
    );
    if (!event.ok) throw new Error(JSON.stringify(event.errors));
    // One real argon2 hash (about 12 ms) shared by every member, instead of 500 of them: the
    // RSVP path never reads it. Sessions are made by Lucia, as logging in makes them.
    const { passwordHash } = await db.user.findUniqueOrThrow({
      where: { id: organizer.user.id },
      select: { passwordHash: true },
    });
    const locales = ["en", "ja", "ja-x-easy", "fa", "ar", "fr"];
    await db.user.createMany({
      data: Array.from({ length: MEMBERS }, (_, n) => ({
        id: `member-${n}`,
        email: `member-${n}@bench.example`,
        displayName: `Member ${n}`,
        passwordHash,
        locale: locales[n % locales.length]!,
      })),
    });
    const cookies: string[] = [];
    for (let n = 0; n < MEMBERS; n++) {
      const session = await lucia.createSession(`member-${n}`, {});
      cookies.push(lucia.createSessionCookie(session.id).serialize().split(";")[0]!);
    }
    return { eventId: event.eventId, cookies };
  } finally {
    await db.$disconnect();
  }
}

type Started = { child: ChildProcess; output: () => string };

/** A child in its own process group, so `npm run worker` (npm → sh → tsx → node) ends as a whole. */
function start(command: string, args: string[], env: Record<string, string>): Started {
  const child = spawn(command, args, {
    cwd: root,
    env: { ...process.env, ...env },
    stdio: ["ignore", "pipe", "pipe"],
    detached: true,
  });
  let output = "";
  child.stdout!.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on("data", (chunk: Buffer) => (output += chunk.toString()));
  return { child, output: () => output };
}

function killGroup(started: Started, signal: NodeJS.Signals) {
  if (started.child.pid === undefined) return;
  try {
    process.kill(-started.child.pid, signal);
  } catch {
    // already gone
  }
}

async function stop(started: Started) {
  if (started.child.exitCode !== null || started.child.signalCode !== null) return;
  const gone = new Promise((resolve) => started.child.once("exit", resolve));
  killGroup(started, "SIGTERM");
  const timer = setTimeout(() => killGroup(started, "SIGKILL"), 5000);
  await gone;
  clearTimeout(timer);
  // The group may still hold a grandchild (tsx's node) for a moment after npm itself exited.
  killGroup(started, "SIGKILL");
}

async function until(what: string, ready: () => Promise<boolean> | boolean, started: Started[]) {
  const deadline = Date.now() + 90_000;
  while (!(await ready())) {
    const dead = started.find((s) => s.child.exitCode !== null);
    if (dead) throw new Error(`A process exited while waiting for ${what}:\n${dead.output()}`);
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

/** CPU time a process has used, in ms (user + system), from /proc: independent of other load. */
function cpuMsOf(pid: number | undefined): number {
  if (pid === undefined || !fs.existsSync(`/proc/${pid}/stat`)) return NaN;
  const fields = fs.readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]!.split(" ");
  const ticksPerSecond = 100;
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / ticksPerSecond;
}

/** How often each SQLite, Prisma or PostgreSQL error code appears in a log. */
function errorCodes(output: string): Record<string, number> {
  const codes: Record<string, number> = {};
  for (const [, code] of output.matchAll(/code: '(SQLITE_[A-Z_]+|P\d{4}|[0-9A-Z]{5})'/g)) {
    codes[code!] = (codes[code!] ?? 0) + 1;
  }
  return codes;
}

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "tsunagu-bench-"));
/** A database of its own for the run: a file, or a fresh database on the PostgreSQL server. */
const databaseUrl = POSTGRES_SERVER
  ? (() => {
      const url = new URL(POSTGRES_SERVER);
      url.pathname = `/tsunagu_bench_${crypto.randomUUID().replaceAll("-", "").slice(0, 12)}`;
      return url.toString();
    })()
  : `file:${path.join(dir, "bench.db")}`;
const engine = engineOf(databaseUrl);
async function dropBenchDatabase() {
  if (engine !== "postgresql") return;
  const url = new URL(databaseUrl);
  const name = url.pathname.slice(1);
  url.pathname = "/postgres";
  url.searchParams.delete("connection_limit");
  const admin = new pg.Client({ connectionString: url.toString() });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`).finally(() => admin.end());
}
const processes: Started[] = [];
const cleanUp = () => {
  for (const started of processes) killGroup(started, "SIGKILL");
  fs.rmSync(dir, { recursive: true, force: true });
};
process.once("SIGINT", () => {
  cleanUp();
  process.exit(130);
});

try {
  const seedStart = performance.now();
  const { eventId, cookies } = await seed(databaseUrl);
  console.log(
    `${os.cpus()[0]?.model ?? "cpu"} x${os.cpus().length}, Node ${process.version}; ${engine}, ${SERVERS} app process${SERVERS === 1 ? "" : "es"}; ${MEMBERS} members, one ${SEATS}-seat event, seeded in ${((performance.now() - seedStart) / 1000).toFixed(1)} s`,
  );

  const ports = await Promise.all(Array.from({ length: SERVERS }, () => freePort()));
  const bases = ports.map((port) => `http://localhost:${port}`);
  const base = bases[0]!;
  const shared = {
    NODE_ENV: "production",
    TSUNAGU_MODE: "demo",
    DATABASE_URL: databaseUrl,
    APP_URL: base,
    RESEND_API_KEY: "",
  };
  const servers = ports.map((port) =>
    start(process.execPath, ["server.js"], {
      ...shared,
      PORT: String(port),
      TSUNAGU_SENDER: "off",
    }),
  );
  processes.push(...servers);
  for (const [i, server] of servers.entries()) {
    await until(
      `server ${i + 1}`,
      () =>
        fetch(`${bases[i]}/healthz`).then(
          (r) => r.ok,
          () => false,
        ),
      [server],
    );
  }
  // Workers send through the real Resend SDK to a local stand-in, paced to Resend's default
  // 2 requests a second as in production (BENCH_DEV_MAILBOX=1: the dev mailbox, unpaced).
  const resend = DEV_MAILBOX ? null : await startResendStandIn();
  const workerMail: Record<string, string> = resend
    ? { RESEND_API_KEY: "re_bench", RESEND_BASE_URL: resend.url }
    : { RESEND_API_KEY: "" };
  const workers = Array.from({ length: WORKERS }, () =>
    start("npm", ["run", "--silent", "worker"], {
      ...shared,
      ...workerMail,
      SENDER_INTERVAL_MS: process.env.BENCH_SENDER_INTERVAL_MS ?? "200",
    }),
  );
  closeResend = () => resend?.close();
  processes.push(...workers);
  await until(
    "two workers",
    () => workers.every((w) => w.output().includes("Email sender running")),
    workers,
  );
  // A deployment's workers have been up for a while when a burst comes: let these finish
  // starting (tsx compiles the app, the first rounds warm up) before the burst.
  await new Promise((r) => setTimeout(r, WORKERS > 0 ? 5000 : 0));
  // One page view each, so the first RSVP does not pay for loading the route modules.
  for (const b of bases)
    await fetch(`${b}/events/${eventId}`, { headers: { Cookie: cookies[0]! } });

  const query = NO_JS ? "" : `?_data=${encodeURIComponent("routes/events.$id")}`;
  const latencies: number[] = [];
  const statuses: Record<string, number> = {};
  const done: Record<string, number> = {};
  const serversCpuMs = () => servers.reduce((sum, s) => sum + cpuMsOf(s.child.pid), 0);
  const cpuBefore = serversCpuMs();
  const started = performance.now();
  await Promise.all(
    cookies.map(async (cookie, n) => {
      // Round robin over the app processes, as a load balancer spreads them.
      const to = bases[n % SERVERS]!;
      const sent = performance.now();
      let status = "no answer";
      try {
        const response = await fetch(`${to}/events/${eventId}${query}`, {
          method: "POST",
          headers: {
            Cookie: cookie,
            Origin: to,
            "Content-Type": "application/x-www-form-urlencoded",
          },
          // The event page's "I'm going" form, as the browser submits it.
          body: new URLSearchParams({
            intent: "going",
            children: "0",
            guests: "0",
            interpretation: "",
            note: "",
          }),
        });
        status = String(response.status);
        const text = await response.text();
        if (!NO_JS && response.ok) {
          const answer = (JSON.parse(text) as { done: string | null }).done ?? "null";
          done[answer] = (done[answer] ?? 0) + 1;
        }
      } catch {
        // counted as "no answer"
      }
      latencies.push(performance.now() - sent);
      statuses[status] = (statuses[status] ?? 0) + 1;
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  const serverCpuMs = serversCpuMs() - cpuBefore;
  latencies.sort((a, b) => a - b);

  const db = createDb(databaseUrl);
  const counts = await db.rsvp.groupBy({ by: ["status"], where: { eventId }, _count: true });
  await db.$disconnect();
  const byStatus = Object.fromEntries(counts.map((c) => [c.status, c._count]));

  const errors = Object.entries(statuses).filter(([s]) => s !== "200");
  const errorCount = errors.reduce((sum, [, n]) => sum + n, 0);
  const p95 = percentile(latencies, 95);
  console.log(
    `${MEMBERS} simultaneous RSVPs (${NO_JS ? "without JavaScript: whole page back" : "as the browser's fetch: JSON back"}) over ${SERVERS} app process${SERVERS === 1 ? "" : "es"} on ${engine}, beside ${WORKERS} worker${WORKERS === 1 ? "" : "s"}`,
  );
  const recorded = statuses["200"] ?? 0;
  console.log(
    `  ${(recorded / seconds).toFixed(1)} RSVPs/s recorded (${recorded} of ${MEMBERS}; all answered in ${seconds.toFixed(2)} s)`,
  );
  console.log(
    `  latency min ${latencies[0]!.toFixed(0)} ms, p50 ${percentile(latencies, 50).toFixed(0)} ms, p95 ${p95.toFixed(0)} ms, max ${latencies.at(-1)!.toFixed(0)} ms`,
  );
  console.log(
    `  server CPU ${(serverCpuMs / MEMBERS).toFixed(1)} ms per RSVP (${(serverCpuMs / 1000).toFixed(1)} s in all, all app processes; load average ${os.loadavg()[0]!.toFixed(1)})`,
  );
  console.log(`  answers by HTTP status: ${JSON.stringify(statuses)}`);
  if (!NO_JS) console.log(`  what the action said: ${JSON.stringify(done)}`);
  console.log(`  in the database: ${JSON.stringify(byStatus)}`);
  const serverCodes = errorCodes(servers.map((s) => s.output()).join("\n"));
  if (Object.keys(serverCodes).length)
    console.log(`  server logs, database errors: ${JSON.stringify(serverCodes)}`);
  const workerCodes = errorCodes(workers.map((w) => w.output()).join("\n"));
  if (Object.keys(workerCodes).length)
    console.log(`  worker logs, database errors: ${JSON.stringify(workerCodes)}`);

  if (LOG) {
    const logs = [
      ...servers.map((p, i) => `== server ${i + 1}\n${p.output()}`),
      ...workers.map((p, i) => `== worker ${i + 1}\n${p.output()}`),
    ];
    fs.writeFileSync(LOG, logs.join("\n"));
  }

  const checks = [
    [`${SEATS} confirmed`, byStatus.going === SEATS],
    [`${MEMBERS - SEATS} waiting`, byStatus.waitlisted === MEMBERS - SEATS],
    ["no errors", errorCount === 0],
    [`p95 <= ${P95_TARGET_MS} ms`, p95 <= P95_TARGET_MS],
  ] as const;
  for (const [label, ok] of checks) console.log(`  ${ok ? "ok  " : "FAIL"} ${label}`);
  if (checks.some(([, ok]) => !ok)) process.exitCode = 1;
} finally {
  for (const started of processes.reverse()) await stop(started);
  await closeResend();
  cleanUp();
  await dropBenchDatabase();
}
