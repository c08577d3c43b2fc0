import { afterEach, describe, expect, it } from "vitest";
import { createDb, type Db } from "~/db.server";
import { testEngine } from "../support/database";
import { startServer, type RunningServer } from "../support/e2e";
import {
  acknowledged,
  errorLines,
  freshDatabase,
  postRsvp,
  runDbDeploy,
  seedEvent,
  seedMembers,
  seedOutboxBacklog,
  startWorker,
  withDb,
  workerReady,
  type Member,
  type RsvpAnswer,
  type RunningWorker,
} from "../support/multi-process";

/**
 * The documented way to run the email sender: the web server with its own sender off, beside
 * any number of `npm run worker` processes, all on one database (issue 9: one SQLite file;
 * issue 13: one PostgreSQL database under TEST_DATABASE=postgresql). Every process here is
 * real: the built server over HTTP, workers on the dev mailbox writing constantly.
 */

const serverEnv = { TSUNAGU_SENDER: "off" };
/**
 * On PostgreSQL every statement is a round trip and an RSVP costs the server about four times
 * the CPU it costs on SQLite (docs/performance.md, "RSVP burst on both engines"): on a loaded
 * machine these storms take longer than the e2e project's 60 s. The assertions are the same.
 */
const STORM_TIMEOUT = testEngine === "postgresql" ? 240_000 : 60_000;
const cleanups: (() => Promise<void> | void)[] = [];

afterEach(async () => {
  // Processes first (newest first), then the databases they had open.
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function serve(databaseUrl: string): Promise<RunningServer> {
  const server = await startServer({ databaseUrl, env: serverEnv });
  cleanups.push(() => server.kill());
  return server;
}

async function twoWorkers(databaseUrl: string): Promise<RunningWorker[]> {
  const workers = [startWorker(databaseUrl), startWorker(databaseUrl)];
  for (const worker of workers) cleanups.push(() => worker.kill());
  await Promise.all(workers.map((w) => workerReady(w)));
  return workers;
}

async function database(): Promise<string> {
  const fresh = await freshDatabase();
  cleanups.push(fresh.remove);
  return fresh.url;
}

function openDb(databaseUrl: string): Db {
  const db = createDb(databaseUrl);
  cleanups.push(() => db.$disconnect());
  return db;
}

function countByStatus(answers: RsvpAnswer[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const a of answers) counts[a.status] = (counts[a.status] ?? 0) + 1;
  return counts;
}

/** Each person's last acknowledged answer, against what the database holds now. */
async function lostAcknowledgements(db: Db, eventId: string, answers: RsvpAnswer[]) {
  const last = new Map<string, RsvpAnswer>();
  for (const answer of answers) if (acknowledged(answer)) last.set(answer.member.id, answer);
  const rows = await db.rsvp.findMany({ where: { eventId } });
  const byUser = new Map(rows.map((r) => [r.userId, r]));
  const lost: string[] = [];
  for (const [userId, answer] of last) {
    const status = byUser.get(userId)?.status ?? "missing";
    const ok =
      answer.intent === "cancel"
        ? status === "cancelled"
        : status !== "cancelled" && status !== "missing";
    if (!ok) lost.push(`${userId}: answered ${answer.done}, database has ${status}`);
  }
  return { lost, acknowledged: last.size };
}

/** Capacity holds, nobody who fits waits, and the queue is served in arrival order (single seats). */
async function consistency(db: Db, eventId: string, capacity: number) {
  const rsvps = await db.rsvp.findMany({ where: { eventId } });
  const going = rsvps.filter((r) => r.status === "going");
  const waiting = rsvps.filter((r) => r.status === "waitlisted");
  const seats = going.reduce((sum, r) => sum + 1 + r.children + r.guests, 0);
  return {
    seatsWithinCapacity: seats <= capacity,
    nobodyWhoFitsWaits: waiting.length === 0 || seats === capacity,
    servedInArrivalOrder:
      waiting.length === 0 ||
      going.length === 0 ||
      Math.max(...going.map((r) => r.queueSeq)) < Math.min(...waiting.map((r) => r.queueSeq)),
    queueSeqUnique: new Set(rsvps.map((r) => r.queueSeq)).size === rsvps.length,
  };
}

const consistent = {
  seatsWithinCapacity: true,
  nobodyWhoFitsWaits: true,
  servedInArrivalOrder: true,
  queueSeqUnique: true,
};

const onOne = testEngine === "sqlite" ? "one SQLite file" : "one PostgreSQL database";

describe(`web server beside two \`npm run worker\` processes on ${onOne}`, () => {
  it(
    "an RSVP and cancellation storm gets no 5xx and leaves a consistent event",
    async () => {
      const url = await database();
      const capacity = 12;
      const { eventId, members } = await withDb(url, async (db) => {
        const members = await seedMembers(db, 80, "storm");
        const eventId = await seedEvent(db, capacity);
        // Confirmations for another café, so both workers write throughout the storm.
        const earlier = await seedEvent(db, 100, "Earlier café");
        await db.rsvp.createMany({
          data: members.map((m, i) => ({
            eventId: earlier,
            userId: m.id,
            status: "going",
            queueSeq: i + 1,
          })),
        });
        await seedOutboxBacklog(db, earlier, members, 4);
        return { eventId, members };
      });
      const server = await serve(url);
      const workers = await twoWorkers(url);

      // 60 say yes at once; then 20 of those who were told yes leave while the other 20 join.
      const first = await Promise.all(
        members.slice(0, 60).map((m) => postRsvp(server.url, eventId, m, "going")),
      );
      const leaving = first
        .filter(acknowledged)
        .filter((_, i) => i % 3 === 0)
        .slice(0, 20);
      const second = await Promise.all([
        ...leaving.map((a) => postRsvp(server.url, eventId, a.member, "cancel")),
        ...members.slice(60).map((m) => postRsvp(server.url, eventId, m, "going")),
      ]);
      const answers = [...first, ...second];

      const db = openDb(url);
      expect(
        countByStatus(answers),
        `HTTP statuses of ${answers.length} RSVPs; server log:\n${errorLines(server.output())}`,
      ).toEqual({ 200: answers.length });
      const { lost } = await lostAcknowledgements(db, eventId, answers);
      expect(lost, "acknowledged RSVPs missing from the database").toEqual([]);
      expect(await consistency(db, eventId, capacity)).toEqual(consistent);
      expect(
        workers.map((w) => w.alive()),
        workers.map((w) => errorLines(w.output())).join("\n"),
      ).toEqual([true, true]);
    },
    STORM_TIMEOUT,
  );

  it(
    "`npm run db:deploy` and a restart after kill -9 both work while the workers run",
    async () => {
      const url = await database();
      const { eventId, members } = await withDb(url, async (db) => {
        const members = await seedMembers(db, 40, "restart");
        const eventId = await seedEvent(db, 100);
        await seedOutboxBacklog(db, eventId, members, 4);
        return { eventId, members };
      });
      const first = await serve(url);
      await twoWorkers(url);

      // The README's deploy step, with nothing to apply, beside the running processes.
      const deploy = await runDbDeploy(url);
      expect.soft(deploy.code, `npm run db:deploy said:\n${deploy.output}`).toBe(0);

      await first.kill();
      const again = await serve(url); // today: "Server exited early (code 1)"
      expect((await fetch(`${again.url}/healthz`)).status).toBe(200);
      const page = await fetch(`${again.url}/events/${eventId}`, {
        headers: { Cookie: members[0]!.cookie },
      });
      expect(page.status, errorLines(again.output())).toBe(200);
    },
    STORM_TIMEOUT,
  );

  it(
    "kill -9 in the middle of an RSVP storm loses no acknowledged RSVP, and the server restarts",
    async () => {
      const url = await database();
      const capacity = 20;
      const { eventId, members } = await withDb(url, async (db) => {
        const members = await seedMembers(db, 120, "crash");
        const eventId = await seedEvent(db, capacity);
        await seedOutboxBacklog(db, eventId, members, 3);
        return { eventId, members };
      });
      const server = await serve(url);
      await twoWorkers(url);

      // Everyone at once; the server dies as soon as 30 of them have been answered.
      let answered = 0;
      let killed: Promise<void> | undefined;
      const answers = await Promise.all(
        members.map((m: Member) =>
          postRsvp(server.url, eventId, m, "going").then((answer) => {
            if (answer.status !== 0 && ++answered === 30) killed = server.kill();
            return answer;
          }),
        ),
      );
      await killed;
      expect(killed, "the storm ended before the server could be killed").toBeDefined();
      expect(
        answers.some((a) => a.status === 0),
        "no request was cut off by the kill",
      ).toBe(true);

      const db = openDb(url);
      const before = await lostAcknowledgements(db, eventId, answers);
      expect(before.lost, "acknowledged RSVPs missing right after the crash").toEqual([]);

      const again = await serve(url); // today: "Server exited early (code 1)"
      const after = await lostAcknowledgements(db, eventId, answers);
      expect(after.lost, "acknowledged RSVPs missing after the restart").toEqual([]);
      expect(await consistency(db, eventId, capacity)).toEqual(consistent);
      // Those whose answer was cut off can simply answer again.
      const retry = await Promise.all(
        answers
          .filter((a) => !acknowledged(a))
          .map((a) => postRsvp(again.url, eventId, a.member, "going")),
      );
      expect(countByStatus(retry), errorLines(again.output())).toEqual({ 200: retry.length });
      expect(await consistency(db, eventId, capacity)).toEqual(consistent);
    },
    STORM_TIMEOUT,
  );
});
