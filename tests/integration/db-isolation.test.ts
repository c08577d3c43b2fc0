import { spawn, type ChildProcess } from "node:child_process";
import { inspect } from "node:util";
import { afterAll, describe, expect, it } from "vitest";
import { createAccount } from "~/accounts/accounts.server";
import { db } from "~/db.server";
import { answerGoing } from "~/events/rsvp.server";
import { daysAhead, eventInput } from "../support/fixtures";
import { createPerson } from "../support/people";
import { rawDatabaseScript } from "../support/database";
import { projectRoot } from "../support/paths";
import { createEvent } from "~/events/events.server";

/**
 * What one request does to the database must not depend on what another request has open
 * (issue 9): a transaction's rollback takes only its own writes with it, nobody outside sees
 * them before the commit, and a writer in another process makes a transaction wait, not fail.
 */

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const databaseUrl = () => process.env.DATABASE_URL!;

class Rollback extends Error {}

/**
 * An interactive transaction that writes `email`, then stays open until `release` resolves
 * (or 2 s pass, for a database layer that makes other writers wait for it), then throws.
 */
function transactionThatRollsBack(email: string, release: Promise<unknown>) {
  let written!: () => void;
  const wrote = new Promise<void>((resolve) => (written = resolve));
  const done = db().$transaction(
    async (tx) => {
      await tx.user.create({
        data: { id: crypto.randomUUID(), email, displayName: "Never committed", passwordHash: "x" },
      });
      written();
      await Promise.race([release, sleep(2000)]);
      throw new Rollback("this transaction rolls back");
    },
    { maxWait: 10_000, timeout: 10_000 },
  );
  // A transaction that fails before its write must fail the test, not hang it.
  return { wrote: Promise.race([wrote, done.then(() => {})]), done };
}

describe("one request's transaction and everyone else's statements", () => {
  it("a rollback takes none of the sign-ups acknowledged meanwhile", async () => {
    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    const tx = transactionThatRollsBack("rolled-back@example.com", released);
    await tx.wrote;

    // Five people sign up while that transaction is open; each is told it worked.
    const signUps = await Promise.all(
      Array.from({ length: 5 }, async (_, i) => {
        const result = await createAccount(db(), {
          email: `during-${i}@example.com`,
          password: "a long passphrase",
          displayName: `During ${i}`,
          locale: "fa",
        });
        return { email: `during-${i}@example.com`, ok: result.ok };
      }),
    ).finally(release);
    await expect(tx.done).rejects.toBeInstanceOf(Rollback);

    expect(signUps.map((s) => s.ok)).toEqual([true, true, true, true, true]);
    const stored = await db().user.findMany({
      where: { email: { in: signUps.map((s) => s.email) } },
      select: { email: true },
    });
    expect(stored.map((u) => u.email).sort()).toEqual(signUps.map((s) => s.email).sort());
    expect(await db().user.count({ where: { email: "rolled-back@example.com" } })).toBe(0);
  });

  it("a read outside an open transaction does not see its uncommitted write", async () => {
    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    const tx = transactionThatRollsBack("uncommitted@example.com", released);
    await tx.wrote;

    const seen = await db()
      .user.findUnique({ where: { email: "uncommitted@example.com" }, select: { email: true } })
      .finally(release);
    await expect(tx.done).rejects.toBeInstanceOf(Rollback);

    expect(seen).toBeNull();
  });
});

/**
 * A second process on the same database, outside Prisma, that takes the write lock the app's
 * writers take (SQLite's file lock; PostgreSQL's advisory lock) and writes (support/database.ts).
 */
function otherProcessWriting(
  databaseUrl: string,
  script: string,
): { child: ChildProcess; ready: Promise<void>; finished: Promise<string> } {
  const child = spawn(process.execPath, ["-e", rawDatabaseScript(databaseUrl, script)], {
    cwd: projectRoot,
    stdio: ["ignore", "pipe", "pipe"],
  });
  children.push(child);
  let output = "";
  const ready = new Promise<void>((resolve, reject) => {
    child.stdout!.on("data", (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes("holding")) resolve();
    });
    child.once("exit", () => reject(new Error(`The other process ended early:\n${output}`)));
  });
  child.stderr!.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const finished = new Promise<string>((resolve) => child.once("exit", () => resolve(output)));
  return { child, ready, finished };
}

const children: ChildProcess[] = [];
afterAll(() => {
  for (const child of children) child.kill("SIGKILL");
});

async function eventWithSeats(capacity: number) {
  const organizer = await createPerson({ role: "organizer" });
  const created = await createEvent(
    db(),
    eventInput({ date: daysAhead(5), capacity }),
    organizer.id,
  );
  if (!created.ok) throw new Error(JSON.stringify(created.errors));
  return created.eventId;
}

/** The SQLite error code behind a Prisma error (e.g. SQLITE_BUSY_SNAPSHOT), and its message's last line. */
function sqliteError(error: unknown): string {
  const code = /SQLITE_[A-Z_]+/.exec(inspect(error, { depth: 6 }))?.[0] ?? "no SQLite code";
  const message = error instanceof Error ? error.message.trim().split("\n").at(-1) : String(error);
  return `${code}: ${message}`;
}

const going = (eventId: string, userId: string) => ({
  eventId,
  userId,
  children: 0,
  guests: 0,
  interpretation: null,
  note: "",
});

describe("a writer in another process", () => {
  it("makes an RSVP wait for the write lock instead of failing", async () => {
    const eventId = await eventWithSeats(10);
    const person = await createPerson();
    // Holds the write lock for a second with an uncommitted insert, then commits it.
    const other = otherProcessWriting(
      databaseUrl(),
      `await db.begin();
       await db.run("INSERT INTO \\"DevMail\\" (\\"id\\", \\"to\\", \\"subject\\", \\"html\\", \\"text\\") VALUES ('other-process', 'x@example.com', 's', 'h', 't')");
       console.log("holding");
       setTimeout(async () => { await db.commit(); await db.close(); }, 1000);`,
    );
    await other.ready;

    const outcome = await answerGoing(db(), going(eventId, person.id)).catch(sqliteError);

    expect(outcome).toMatchObject({ ok: true, status: "going" });
    await other.finished;
    expect(await db().devMail.count({ where: { id: "other-process" } })).toBe(1);
  });

  it("committing between an RSVP's reads and its write does not fail it", async () => {
    const eventId = await eventWithSeats(5);
    const people = await Promise.all(Array.from({ length: 20 }, () => createPerson()));
    // Short write transactions back to back for two seconds, as a busy email sender makes.
    const other = otherProcessWriting(
      databaseUrl(),
      `const insert = "INSERT INTO \\"DevMail\\" (\\"id\\", \\"to\\", \\"subject\\", \\"html\\", \\"text\\") VALUES (?, 'x@example.com', 's', 'h', 't')";
       console.log("holding");
       const end = Date.now() + 2000;
       let n = 0;
       const tick = async () => {
         if (Date.now() > end) { await db.close(); console.log("wrote " + n); return; }
         // One short write transaction, as SQLite makes of a lone INSERT.
         await db.begin();
         await db.run(insert, "other-" + n++);
         await db.commit();
         setTimeout(tick, 1);
       };
       tick();`,
    );
    await other.ready;

    const outcomes = await Promise.allSettled(
      people.map((p) => answerGoing(db(), going(eventId, p.id))),
    );
    const failures = outcomes.flatMap((o) =>
      o.status === "rejected" ? [sqliteError(o.reason)] : [],
    );
    expect(failures).toEqual([]);
    const rsvps = await db().rsvp.findMany({ where: { eventId } });
    expect(rsvps.filter((r) => r.status === "going")).toHaveLength(5);
    expect(rsvps.filter((r) => r.status === "waitlisted")).toHaveLength(15);
    expect(await other.finished).toMatch(/wrote [1-9]/);
  });
});
