import { execFile } from "node:child_process";
import { createDb, type Db } from "~/db.server";
import { createEvent } from "~/events/events.server";
import { freshTestDatabase, type TestDatabase } from "./database";
import { exited, spawnTracked } from "./e2e";
import { daysAhead, eventInput } from "./fixtures";
import { projectRoot } from "./paths";

/**
 * Harness for the documented deployment with several processes on one database (a SQLite file,
 * or PostgreSQL under TEST_DATABASE=postgresql): any number of `npm start` (with
 * TSUNAGU_SENDER=off) beside any number of `npm run worker`.
 */

export type RunningWorker = {
  output: () => string;
  alive: () => boolean;
  kill: () => Promise<void>;
};

/**
 * `npm run worker` against `databaseUrl`, on the dev mailbox and looking for work every 50 ms,
 * so it writes (leases, mailbox rows, outcomes) for as long as the outbox has messages.
 * Node itself with tsx's loader, not the tsx wrapper, so SIGKILL really ends it.
 */
export function startWorker(databaseUrl: string, env: Record<string, string> = {}): RunningWorker {
  const child = spawnTracked(process.execPath, ["--import", "tsx", "scripts/worker.ts"], {
    cwd: projectRoot,
    env: {
      ...process.env,
      NODE_ENV: "production",
      TSUNAGU_MODE: "demo",
      DATABASE_URL: databaseUrl,
      APP_URL: "http://localhost:3000",
      RESEND_API_KEY: "",
      SENDER_INTERVAL_MS: "50",
      SENDER_LEASE_MS: "2000",
      ...env,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout!.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on("data", (chunk: Buffer) => (output += chunk.toString()));
  return {
    output: () => output,
    alive: () => child.exitCode === null && child.signalCode === null,
    kill: async () => {
      child.kill("SIGKILL");
      await exited(child);
    },
  };
}

/** Resolves once the worker has said it is running (it has opened the database by then). */
export async function workerReady(worker: RunningWorker, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!worker.output().includes("Email sender running")) {
    if (!worker.alive()) throw new Error(`Worker exited:\n${worker.output()}`);
    if (Date.now() > deadline) throw new Error(`Worker did not start:\n${worker.output()}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/**
 * A fresh, migrated database of the engine under test (a copied SQLite file, or a PostgreSQL
 * database made from the migrated template) and a function that removes it.
 */
export async function freshDatabase(): Promise<TestDatabase> {
  return freshTestDatabase("multi");
}

export type Member = { id: string; cookie: string };

/**
 * Members with a live session each, written straight into the file: an account through
 * /signup costs an argon2 hash, and the RSVP path only needs the session.
 */
export async function seedMembers(db: Db, count: number, prefix: string): Promise<Member[]> {
  const rows = Array.from({ length: count }, (_, i) => ({
    id: `${prefix}-${i}`,
    email: `${prefix}-${i}@example.com`,
    displayName: `${prefix} ${i}`,
    passwordHash: "not-a-real-hash",
  }));
  for (let i = 0; i < rows.length; i += 500) {
    await db.user.createMany({ data: rows.slice(i, i + 500) });
  }
  const sessions = rows.map((r) => ({
    id: `session-${r.id}`,
    userId: r.id,
    expiresAt: new Date(Date.now() + 7 * 86_400_000),
  }));
  for (let i = 0; i < sessions.length; i += 500) {
    await db.session.createMany({ data: sessions.slice(i, i + 500) });
  }
  return sessions.map((s) => ({ id: s.userId, cookie: `tsunagu_session=${s.id}` }));
}

/** An upcoming event with `capacity` seats, created by a seeded organizer. */
export async function seedEvent(db: Db, capacity: number, title = "Busy café"): Promise<string> {
  const [organizer] = await seedMembers(db, 1, `organizer-${crypto.randomUUID().slice(0, 8)}`);
  const created = await createEvent(
    db,
    eventInput({ title, date: daysAhead(3), capacity }),
    organizer!.id,
  );
  if (!created.ok) throw new Error(JSON.stringify(created.errors));
  return created.eventId;
}

/**
 * Emails already waiting when the workers start, so they keep writing through the whole test
 * (the tester's report: RSVPs fail only while workers write beside the server).
 */
export async function seedOutboxBacklog(
  db: Db,
  eventId: string,
  members: Member[],
  perMember: number,
) {
  const data = members.flatMap((m) =>
    Array.from({ length: perMember }, () => ({
      kind: "rsvp_confirmed",
      userId: m.id,
      payload: JSON.stringify({ eventId }),
    })),
  );
  for (let i = 0; i < data.length; i += 500) {
    await db.outboxMessage.createMany({ data: data.slice(i, i + 500) });
  }
}

/** Seeds through `seed`, then closes the connection, so the server starts on a quiet database. */
export async function withDb<T>(databaseUrl: string, seed: (db: Db) => Promise<T>): Promise<T> {
  const db = createDb(databaseUrl);
  try {
    return await seed(db);
  } finally {
    await db.$disconnect();
  }
}

export type RsvpAnswer = {
  member: Member;
  intent: "going" | "cancel";
  /** HTTP status, or 0 when the request got no answer (refused, reset, server killed). */
  status: number;
  /** What the action said it did: "going" | "waitlisted" | "cancelled", or null. */
  done: string | null;
  error: string | null;
  ms: number;
};

/**
 * The event page's own RSVP forms, as the browser sends them with JavaScript on (Remix posts
 * the form to `?_data=<route id>` and reads the action's JSON): the "going" form's fields are
 * intent, children, guests, interpretation and note; the "can't come" form sends only intent.
 */
export async function postRsvp(
  baseUrl: string,
  eventId: string,
  member: Member,
  intent: "going" | "cancel",
  seats: { children?: number; guests?: number } = {},
): Promise<RsvpAnswer> {
  const fields: Record<string, string> =
    intent === "cancel"
      ? { intent: "cancel" }
      : {
          intent: "going",
          children: String(seats.children ?? 0),
          guests: String(seats.guests ?? 0),
          interpretation: "",
          note: "",
        };
  const started = performance.now();
  try {
    const response = await fetch(
      `${baseUrl}/events/${eventId}?_data=${encodeURIComponent("routes/events.$id")}`,
      {
        method: "POST",
        headers: {
          Cookie: member.cookie,
          Origin: baseUrl,
          "Content-Type": "application/x-www-form-urlencoded",
        },
        body: new URLSearchParams(fields),
      },
    );
    const text = await response.text();
    let done: string | null = null;
    let error: string | null = null;
    try {
      const body = JSON.parse(text) as {
        done?: string | null;
        error?: string | null;
        message?: string;
      };
      done = body.done ?? null;
      error = body.error ?? body.message ?? null;
    } catch {
      error = text.slice(0, 200);
    }
    return {
      member,
      intent,
      status: response.status,
      done,
      error,
      ms: performance.now() - started,
    };
  } catch (thrown) {
    return {
      member,
      intent,
      status: 0,
      done: null,
      // fetch says only "fetch failed"; the cause says which (refused, reset, a timeout).
      error:
        thrown instanceof Error
          ? `${thrown.message}${thrown.cause instanceof Error ? `: ${thrown.cause.message}` : ""}`
          : String(thrown),
      ms: performance.now() - started,
    };
  }
}

/** 2xx or 3xx and the action reported the change: the person was told it worked. */
export function acknowledged(answer: RsvpAnswer): boolean {
  if (answer.status < 200 || answer.status >= 400) return false;
  return answer.intent === "cancel"
    ? answer.done === "cancelled"
    : answer.done === "going" || answer.done === "waitlisted";
}

/**
 * What a process's log says went wrong: how often each SQLite or PostgreSQL error code appears,
 * then the distinct error lines (Remix prints the error behind every 5xx).
 */
export function errorLines(output: string, max = 12): string {
  const codes: Record<string, number> = {};
  for (const [, code] of output.matchAll(/code: '(SQLITE_[A-Z_]+|P\d{4}|[0-9A-Z]{5})'/g)) {
    codes[code!] = (codes[code!] ?? 0) + 1;
  }
  const lines = output
    .split("\n")
    .map((line) => line.trim())
    .filter((line) => /SQLITE_|database is locked|Error|deadlock|could not serialize/.test(line));
  const counted = Object.entries(codes).map(([code, n]) => `${code} x${n}`);
  return [...counted, ...[...new Set(lines)].slice(0, max)].join("\n");
}

/** `npm run db:deploy` (the README's way to apply migrations) against `databaseUrl`. */
export function runDbDeploy(databaseUrl: string): Promise<{ code: number; output: string }> {
  return new Promise((resolve) => {
    execFile(
      "npm",
      ["run", "--silent", "db:deploy"],
      {
        cwd: projectRoot,
        env: { ...process.env, DATABASE_URL: databaseUrl },
        timeout: 60_000,
      },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === "number" ? error.code : 1) : 0;
        resolve({ code, output: `${stdout}${stderr}` });
      },
    );
  });
}
