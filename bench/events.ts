/**
 * `npm run bench:events`: requests per second and p99 latency of the events page at 50
 * concurrent connections, next to a bare page (same server, same layout, no data), with a
 * database of 200 upcoming events and 5,000 members. Needs `npm run build` first.
 *
 * BENCH_CASES=bare,visitor,member picks cases (default: all); BENCH_CPU_PROF=<dir> runs the
 * server under `node --cpu-prof` and writes its profile there when the run ends (summarise it
 * with `npx tsx bench/cpuprofile-summary.ts <file> --from=<s>`, the second it prints, so start-up
 * and warm-up are left out). Every case is warmed for BENCH_WARMUP_SECONDS (3) before any is
 * measured; each is then measured over BENCH_SECONDS (10) once all its connections are open (see
 * `run`), and the summary line judges the targets on those figures.
 */
import { execSync, spawn } from "node:child_process";
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
const WARMUP = Number(process.env.BENCH_WARMUP_SECONDS ?? 3);
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

// The server's own CPU time (Linux /proc), so a figure can be read even when other work loads
// the machine: throughput follows CPU per request once the cores are the limit.
const ticksPerSecond = Number(execSync("getconf CLK_TCK").toString().trim()) || 100;
function serverCpuMs(pid: number | undefined): number {
  try {
    const fields = fs.readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]!.split(" ");
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / ticksPerSecond;
  } catch {
    return Number.NaN;
  }
}

/** The value at quantile q of sorted numbers (nearest rank). */
function quantile(sorted: number[], q: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))]!;
}

/**
 * One case: 50 connections opened together and held for the whole case. A busy Node server
 * accepts one new connection per turn of its event loop (libuv 1.46: one accept4 per turn; a
 * 15-line raw TCP server doing 4 ms of work per request shows the same), so while the first
 * connections keep it busy the last ones wait dozens of turns for their first answer: seconds,
 * growing with the square of the connections. That start says how fast 50 clients arriving in
 * the same millisecond get in, not how the page performs at 50 connections, so the figures
 * (throughput, p50/p99/max, errors, CPU) are taken over SECONDS once every connection has had
 * its first answer and WARMUP seconds more have passed; the p99 of the whole case from the
 * first connection on is printed beside them ("p99 cold", judged by nothing).
 */
async function run(url: string, headers: Record<string, string> = {}) {
  const latencies: number[] = [];
  const answered = new Set<unknown>();
  let measuring = false;
  let cpuBefore = Number.NaN;
  let cpuMs = Number.NaN;
  let startedAt = 0;
  let elapsedMs = 0;
  let finish: (result: autocannon.Result) => void = () => {};
  let fail: (error: unknown) => void = () => {};
  const finished = new Promise<autocannon.Result>((resolve, reject) => {
    finish = resolve;
    fail = reject;
  });
  const instance = autocannon(
    { url, connections: CONNECTIONS, duration: 3600, headers },
    (error, result) => (error ? fail(error) : finish(result)),
  );
  const startWindow = () => {
    measuring = true;
    startedAt = performance.now();
    cpuBefore = serverCpuMs(server.pid);
    setTimeout(() => {
      measuring = false;
      cpuMs = serverCpuMs(server.pid) - cpuBefore;
      elapsedMs = performance.now() - startedAt;
      instance.stop();
    }, SECONDS * 1000);
  };
  instance.on("response", (client: unknown, _status: number, _bytes: number, ms: number) => {
    if (measuring) {
      latencies.push(ms);
    } else if (!startedAt && !answered.has(client)) {
      answered.add(client);
      if (answered.size === CONNECTIONS) setTimeout(startWindow, WARMUP * 1000);
    }
  });
  const cold = await finished;
  if (!startedAt) throw new Error(`only ${answered.size} of ${CONNECTIONS} connections answered`);
  const sorted = latencies.sort((a, b) => a - b);
  return {
    cpuPerRequest: cpuMs / Math.max(1, sorted.length),
    rps: Math.round((sorted.length * 1000) / elapsedMs),
    p99: Math.round(quantile(sorted, 0.99)),
    p50: Math.round(quantile(sorted, 0.5)),
    max: Math.round(sorted.at(-1) ?? Number.NaN),
    coldP99: cold.latency.p99,
    // Over the whole case, the start included.
    errors: cold.errors + cold.non2xx,
  };
}

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "tsunagu-bench-"));
const file = path.join(dir, "bench.db");
await seed(file);
const port = await freePort();
const profileDir = process.env.BENCH_CPU_PROF;
const nodeArgs = profileDir ? ["--cpu-prof", `--cpu-prof-dir=${path.resolve(profileDir)}`] : [];
const spawnedAt = performance.now();
const server = spawn(process.execPath, [...nodeArgs, "server.js"], {
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
const exited = new Promise((resolve) => server.once("exit", resolve));
const base = `http://localhost:${port}`;
try {
  // Up to a minute: start-up is slow on a loaded machine.
  for (let i = 0; i < 300; i++) {
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
  const cases: { key: string; label: string; route: string; headers?: Record<string, string> }[] = [
    { key: "bare", label: "bare Remix page (baseline)", route: "/bench/bare" },
    { key: "visitor", label: "/events, visitor", route: "/events" },
    {
      key: "member",
      label: "/events, signed-in member",
      route: "/events",
      headers: { Cookie: "tsunagu_session=bench-session" },
    },
    {
      key: "filtered",
      label: "/events?kind=yoga&language=fa",
      route: "/events?kind=yoga&language=fa",
    },
    { key: "page10", label: "/events?page=10", route: "/events?page=10" },
  ];
  const wanted = process.env.BENCH_CASES?.split(",");
  console.log(
    `${"page".padEnd(34)} ${"req/s".padStart(7)} ${"% bare".padStart(7)} ${"p50 ms".padStart(7)} ${"p99 ms".padStart(7)} ${"max ms".padStart(7)} ${"p99 cold".padStart(8)} ${"CPU ms/r".padStart(8)} ${"errors".padStart(7)}`,
  );
  // The server's start-up jobs (series top-up, mentoring clocks) and the JIT would otherwise
  // land in whichever case runs first: warm every case briefly before measuring any.
  const selected = cases.filter(({ key }) => !wanted || wanted.includes(key));
  for (const { route, headers } of selected)
    await autocannon({ url: base + route, connections: CONNECTIONS, duration: WARMUP, headers });
  if (profileDir)
    console.log(
      `measuring from ${((performance.now() - spawnedAt) / 1000).toFixed(1)} s after the server started (cpuprofile-summary --from)`,
    );
  let bare: number | undefined;
  const results = new Map<string, Awaited<ReturnType<typeof run>>>();
  for (const { key, label, route, headers } of selected) {
    const r = await run(base + route, headers);
    results.set(key, r);
    if (key === "bare") bare = r.rps;
    const share = bare ? `${Math.round((100 * r.rps) / bare)} %` : "";
    console.log(
      `${label.padEnd(34)} ${String(r.rps).padStart(7)} ${share.padStart(7)} ${String(r.p50).padStart(7)} ${String(r.p99).padStart(7)} ${String(r.max).padStart(7)} ${String(r.coldP99).padStart(8)} ${r.cpuPerRequest.toFixed(2).padStart(8)} ${String(r.errors).padStart(7)}`,
    );
  }
  // The targets, judged on this one run: visitor ≥ 60 % of bare, member ≥ 50 %, p99 < 1 s.
  const visitor = results.get("visitor");
  const member = results.get("member");
  if (bare && visitor && member) {
    const pct = (n: number) => Math.round((100 * n) / bare!);
    const ok =
      pct(visitor.rps) >= 60 &&
      pct(member.rps) >= 50 &&
      Math.max(visitor.p99, member.p99) < 1000 &&
      visitor.errors + member.errors === 0;
    console.log(
      `summary: bare ${bare} req/s; visitor ${visitor.rps} req/s = ${pct(visitor.rps)} % of bare (p99 ${visitor.p99} ms); ` +
        `member ${member.rps} req/s = ${pct(member.rps)} % of bare (p99 ${member.p99} ms); ` +
        `targets (≥ 60 %, ≥ 50 %, p99 < 1000 ms, no errors) ${ok ? "met" : "NOT met"}; ` +
        `server CPU per request bare ${results.get("bare")!.cpuPerRequest.toFixed(2)} ms, visitor ${visitor.cpuPerRequest.toFixed(2)} ms ` +
        `(bare's share ${Math.round((100 * results.get("bare")!.cpuPerRequest) / visitor.cpuPerRequest)} %), member ${member.cpuPerRequest.toFixed(2)} ms ` +
        `(${Math.round((100 * results.get("bare")!.cpuPerRequest) / member.cpuPerRequest)} %); load average ${os
          .loadavg()
          .map((n) => n.toFixed(2))
          .join(" ")}`,
    );
  }
} finally {
  server.kill("SIGTERM");
  // The profile is written as the server exits.
  await exited;
  fs.rmSync(dir, { recursive: true, force: true });
}
