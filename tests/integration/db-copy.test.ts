import { afterEach, describe, expect, it } from "vitest";
import { authenticate } from "~/accounts/accounts.server";
import { createDb, type Db } from "~/db.server";
import { answerGoing } from "~/events/rsvp.server";
import { pendingMigrations } from "../../server/database.js";
import { copyDatabase, snapshotOf, summaryOf } from "../../scripts/lib/database-copy";
import { demoPassword, demoPeople, seedDemo } from "../../scripts/demo-seed";
import { freshTestDatabase, testEngine, type TestDatabase } from "../support/database";
import { emptyDatabaseBeside, freshSqliteDatabase } from "../support/empty-database";
import { runScript } from "../support/scripts";

// db:copy from a group's SQLite file into a new database of the engine this run tests: on
// `npm run test:postgres` that is SQLite → PostgreSQL and back (README "Moving from SQLite to
// PostgreSQL"); on `npm test` the same path between two SQLite files.

const cleanUp: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const step of cleanUp.splice(0).reverse()) await step();
});
function track<T extends TestDatabase>(made: T): T {
  cleanUp.push(made.remove);
  return made;
}
function open(url: string): Db {
  const db = createDb(url);
  cleanUp.push(() => db.$disconnect());
  return db;
}

describe(`db:copy from SQLite to ${testEngine}`, () => {
  it("copies the demo group exactly, and the app works on the copy", async () => {
    const source = track(await freshSqliteDatabase("copy-source"));
    const sourceDb = open(source.url);
    await seedDemo(sourceDb);
    // Values an engine could bend: text with quotes, newlines and emoji, a millisecond, a
    // false next to a null.
    await sourceDb.user.create({
      data: {
        id: "edge",
        email: "edge@example.org",
        displayName: `Rūmī "R" O'Neil\n\t😊 ١٢٣`,
        passwordHash: "x",
        describesAsWoman: false,
        calendarToken: null,
        suspendedAt: new Date("2026-02-28T23:59:59.999Z"),
      },
    });
    const target = track(emptyDatabaseBeside(track(await freshTestDatabase("copy")).url));

    const copy = await runScript("db-copy.ts", [source.url, target.url]);
    expect(copy.output).toContain("every table's row count and checksum match");
    expect(copy.code).toBe(0);
    expect(await pendingMigrations(target.url)).toEqual([]);

    const targetDb = open(target.url);
    const before = await snapshotOf(sourceDb);
    expect(await snapshotOf(targetDb)).toEqual(before);
    // The demo has rows in the tables that matter, so the comparison is not of empty tables.
    for (const model of ["User", "Event", "Rsvp", "OutboxMessage", "Resource", "HelpRequest"]) {
      expect(before[model as keyof typeof before].length, model).toBeGreaterThan(0);
    }
    const edge = await targetDb.user.findUniqueOrThrow({ where: { id: "edge" } });
    expect(edge.displayName).toBe(`Rūmī "R" O'Neil\n\t😊 ١٢٣`);
    expect(edge.describesAsWoman).toBe(false);
    expect(edge.calendarToken).toBeNull();
    expect(edge.suspendedAt?.toISOString()).toBe("2026-02-28T23:59:59.999Z");

    // A second copy into the same, no longer empty, database is refused and changes nothing.
    const again = await runScript("db-copy.ts", [source.url, target.url]);
    expect(again.code).toBe(1);
    expect(again.output).toMatch(/target database is not empty/);
    expect(await summaryOf(targetDb)).toEqual(await summaryOf(sourceDb));

    // The app on the copy: a demo person logs in, and answers an event she had not answered.
    const member = demoPeople.find((person) => person.role === "member")!;
    const user = await authenticate(targetDb, member.email, demoPassword);
    expect(user).not.toBeNull();
    const event = await targetDb.event.findFirstOrThrow({
      where: {
        status: "scheduled",
        womenOnly: false,
        startsAt: { gt: new Date() },
        rsvps: { none: { userId: user!.id } },
      },
    });
    const answer = await answerGoing(targetDb, {
      eventId: event.id,
      userId: user!.id,
      children: 0,
      guests: 0,
      interpretation: null,
      note: "",
    });
    expect(answer).toMatchObject({ ok: true });
    expect(await targetDb.rsvp.count({ where: { userId: user!.id, eventId: event.id } })).toBe(1);

    // And back into a new SQLite file (PostgreSQL → SQLite on the PostgreSQL run).
    const back = track(emptyDatabaseBeside(source.url));
    await copyDatabase(target.url, back.url);
    expect(await snapshotOf(open(back.url))).toEqual(await snapshotOf(targetDb));
  }, 180_000);

  it("refuses to copy from a database that lacks this release's migrations", async () => {
    const source = track(emptyDatabaseBeside(track(await freshSqliteDatabase("unmigrated")).url));
    const target = track(emptyDatabaseBeside(track(await freshTestDatabase("copy")).url));
    await expect(copyDatabase(source.url, target.url)).rejects.toThrow(/npm run db:deploy/);
  });
});
