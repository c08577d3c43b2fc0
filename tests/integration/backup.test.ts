import crypto from "node:crypto";
import { afterEach, describe, expect, it } from "vitest";
import fs from "node:fs";
import path from "node:path";
import { createDb, writeTransaction, type Db } from "~/db.server";
import {
  committedMigrations,
  migrateDatabase,
  pendingMigrations,
  postgresMigrationsDir,
} from "../../server/database.js";
import { backupDatabase, backupEngineOf, restoreDatabase } from "../../scripts/lib/backup";
import { snapshotOf, type Model } from "../../scripts/lib/database-copy";
import { freshTestDatabase, testEngine, type TestDatabase } from "../support/database";
import { emptyDatabaseBeside } from "../support/empty-database";
import { tmpDir } from "../support/paths";
import { runScript } from "../support/scripts";

// db:backup and db:restore on the engine this run tests (README "Backups").

const cleanUp: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const step of cleanUp.splice(0).reverse()) await step();
});

async function database(label: string): Promise<TestDatabase> {
  const made = await freshTestDatabase(label);
  cleanUp.push(made.remove);
  return made;
}
function emptyBeside(url: string): TestDatabase {
  const made = emptyDatabaseBeside(url);
  cleanUp.push(made.remove);
  return made;
}
function open(url: string): Db {
  const db = createDb(url);
  cleanUp.push(() => db.$disconnect());
  return db;
}
function backupFile(label: string): string {
  fs.mkdirSync(tmpDir, { recursive: true });
  const file = path.join(tmpDir, `${label}-${crypto.randomUUID().slice(0, 8)}.backup`);
  cleanUp.push(async () => fs.rmSync(file, { force: true }));
  return file;
}

/** Someone, an event, a few answers and messages: what a backup starts from. */
async function seedGroup(db: Db) {
  const organizer = await db.user.create({
    data: {
      id: "organizer",
      email: "aiko@example.org",
      displayName: "Aiko «田中» O'Hara\n🌸",
      passwordHash: "not-a-hash",
      role: "organizer",
      describesAsWoman: true,
      emailVerifiedAt: new Date("2026-11-30T09:15:42.123Z"),
    },
  });
  const event = await db.event.create({
    data: {
      id: "event",
      kind: "meetup",
      title: "Tea and Japanese practice",
      description: "",
      locale: "ja",
      startsAt: new Date("2026-12-24T05:00:00.007Z"),
      endsAt: new Date("2026-12-24T07:00:00.000Z"),
      capacity: 100_000,
      stepFreeAccess: true,
      createdById: organizer.id,
    },
  });
  await db.outboxMessage.create({
    data: { id: "welcome", kind: "password_reset", userId: organizer.id, dedupeKey: null },
  });
  return { event };
}

const LOAD_ID = /^load-(\d+)$/;
const loadTables: Model[] = ["User", "Rsvp", "OutboxMessage"];

/** The load index of a row line (its id is the first column), or undefined for other rows. */
function loadIndexOf(line: string): number | undefined {
  const match = LOAD_ID.exec(String((JSON.parse(line) as unknown[])[0]));
  return match ? Number(match[1]) : undefined;
}

describe(`db:backup and db:restore (${testEngine})`, () => {
  it("backs up one instant of the source while RSVPs and outbox rows keep being written", async () => {
    const source = await database("backup");
    const db = open(source.url);
    const { event } = await seedGroup(db);

    // The load: each transaction adds a person, her RSVP and its outbox message, so a backup
    // that copied tables at different moments would hold them in different numbers.
    let written = 0;
    let stop = false;
    const load = (async () => {
      for (let i = 0; !stop; i++) {
        const id = `load-${String(i).padStart(6, "0")}`;
        await writeTransaction(db, async (tx) => {
          await tx.user.create({
            data: { id, email: `${id}@example.org`, displayName: id, passwordHash: "x" },
          });
          await tx.rsvp.create({ data: { id, eventId: event.id, userId: id, status: "going" } });
          await tx.outboxMessage.create({
            data: { id, kind: "rsvp_confirmed", userId: id, payload: `{"eventId":"event"}` },
          });
        });
        written = i + 1;
        // SQLite's driver answers at once: without a turn of the event loop the load would
        // starve everything else in this process (timers, the backup process's pipes).
        await new Promise((resolve) => setImmediate(resolve));
      }
    })();
    while (written < 20) await new Promise((resolve) => setTimeout(resolve, 10));

    const file = backupFile("under-load");
    const writtenBefore = written;
    const backup = await runScript("db-backup.ts", [file], { DATABASE_URL: source.url });
    const writtenAfter = written;
    stop = true;
    await load;
    expect(backup.output).toContain("Backed up");
    expect(backup.code).toBe(0);
    // The load went on while the backup ran.
    expect(writtenAfter).toBeGreaterThan(writtenBefore);
    expect(backupEngineOf(file)).toBe(testEngine);

    const restored = emptyBeside(source.url);
    const restore = await runScript("db-restore.ts", [file], { DATABASE_URL: restored.url });
    expect(restore.output).toContain("Restored");
    expect(restore.code).toBe(0);
    expect(await pendingMigrations(restored.url)).toEqual([]);

    const copy = await snapshotOf(open(restored.url));
    // The instant: the first k load transactions, all three rows of each, nothing torn.
    const indexes = (model: Model) =>
      copy[model].map(loadIndexOf).filter((i): i is number => i !== undefined);
    const k = indexes("User").length;
    expect(k).toBeGreaterThanOrEqual(writtenBefore);
    expect(k).toBeLessThanOrEqual(writtenAfter);
    const prefix = Array.from({ length: k }, (_, i) => i);
    for (const model of loadTables) expect(indexes(model)).toEqual(prefix);

    // Every table, row by row, equals the source at that instant: the source now, without the
    // load transactions after the k-th (the load only ever added rows).
    const now = await snapshotOf(db);
    const atBackup = Object.fromEntries(
      Object.entries(now).map(([model, lines]) => [
        model,
        lines.filter((line) => (loadIndexOf(line) ?? -1) < k),
      ]),
    );
    expect(copy).toEqual(atBackup);
    expect(copy.Event).toHaveLength(1);
  }, 120_000);

  it("refuses a database that has tables, and leaves it as it was", async () => {
    const source = await database("backup");
    await seedGroup(open(source.url));
    const file = backupFile("full");
    backupDatabase(source.url, file);

    const occupied = await database("occupied");
    await expect(restoreDatabase(file, occupied.url)).rejects.toThrow(/nothing was changed/);
    expect((await snapshotOf(open(occupied.url))).User).toEqual([]);
    // Nor does a backup overwrite a file.
    expect(() => backupDatabase(source.url, file)).toThrow(/never overwrites/);
  });

  it("refuses a backup of the other engine, or a file that is no backup", async () => {
    const target = emptyBeside((await database("target")).url);
    const other = backupFile("other-engine");
    fs.writeFileSync(
      other,
      testEngine === "sqlite"
        ? Buffer.concat([Buffer.from("PGDMP"), Buffer.alloc(100)])
        : Buffer.concat([Buffer.from("SQLite format 3\0", "latin1"), Buffer.alloc(100)]),
    );
    await expect(restoreDatabase(other, target.url)).rejects.toThrow(
      testEngine === "sqlite" ? /is a PostgreSQL backup/ : /is a SQLite backup/,
    );
    const junk = backupFile("junk");
    fs.writeFileSync(junk, "id,name\n1,Aiko\n");
    await expect(restoreDatabase(junk, target.url)).rejects.toThrow(/not a Tsunagu backup/);
  });

  it("refuses a backup from a newer release and applies the migrations an older one lacks", async () => {
    const committed =
      testEngine === "sqlite" ? committedMigrations() : committedMigrations(postgresMigrationsDir);
    const newest = committed.at(-1)!.name;

    const future = await database("future");
    await open(future.url).$executeRawUnsafe(
      `INSERT INTO "_prisma_migrations" (id, checksum, finished_at, migration_name, started_at, applied_steps_count)
       VALUES ('future', 'x', CURRENT_TIMESTAMP, '29991231000000_from_a_later_release', CURRENT_TIMESTAMP, 1)`,
    );
    const futureFile = backupFile("future");
    backupDatabase(future.url, futureFile);
    const intoFuture = emptyBeside(future.url);
    await expect(restoreDatabase(futureFile, intoFuture.url)).rejects.toThrow(
      /newer release.*29991231000000_from_a_later_release/,
    );
    // Refused before anything was written.
    expect(await pendingMigrations(intoFuture.url)).toEqual(committed.map((m) => m.name));

    const older = emptyBeside(future.url);
    await migrateDatabase(older.url, { migrations: committed.slice(0, -1) });
    expect(await pendingMigrations(older.url)).toEqual([newest]);
    const olderFile = backupFile("older");
    backupDatabase(older.url, olderFile);
    const intoOlder = emptyBeside(future.url);
    const { migrated } = await restoreDatabase(olderFile, intoOlder.url);
    expect(migrated).toEqual([newest]);
    expect(await pendingMigrations(intoOlder.url)).toEqual([]);
  });
});
