import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { describe, expect, it } from "vitest";
import {
  committedMigrations,
  hasPendingMigrations,
  migrateDatabase,
  prepareDatabase,
} from "../../server/database.js";
import { migrateInChildProcess } from "../support/migrate-process";
import { projectRoot, tmpDir } from "../support/paths";

/**
 * The schema as SQLite understands it: per table its columns (by name: ALTER TABLE appends
 * where a fresh CREATE TABLE would not), indexes with their columns, and foreign keys.
 */
function schemaOf(file: string) {
  const sqlite = new Database(file, { readonly: true });
  try {
    const tables = sqlite
      .prepare(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name != '_prisma_migrations' ORDER BY name",
      )
      .all() as { name: string }[];
    return tables.map(({ name }) => ({
      table: name,
      columns: (sqlite.pragma(`table_info("${name}")`) as { name: string; cid?: number }[])
        .map(({ cid: _position, ...column }) => column)
        .sort((a, b) => a.name.localeCompare(b.name)),
      indexes: (
        sqlite.pragma(`index_list("${name}")`) as { name: string; unique: number; origin: string }[]
      )
        .map((index) => ({
          name: index.name,
          unique: index.unique,
          origin: index.origin,
          columns: (sqlite.pragma(`index_info("${index.name}")`) as { name: string }[]).map(
            (c) => c.name,
          ),
        }))
        .sort((a, b) => a.name.localeCompare(b.name)),
      foreignKeys: sqlite.pragma(`foreign_key_list("${name}")`),
    }));
  } finally {
    sqlite.close();
  }
}

const prisma = path.join(projectRoot, "node_modules", ".bin", "prisma");
const migrationsDir = path.join(projectRoot, "prisma", "migrations");

describe("migrations", () => {
  it("applied to an empty database give exactly the schema of prisma/schema.prisma", async () => {
    // This file's database is a copy of the base, built by our migration runner alone.
    const migrated = process.env.DATABASE_URL!.replace(/^file:/, "");
    const expectedSql = execFileSync(
      prisma,
      [
        "migrate",
        "diff",
        "--from-empty",
        "--to-schema-datamodel",
        "prisma/schema.prisma",
        "--script",
      ],
      { cwd: projectRoot, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] },
    );
    const fromSchema = path.join(tmpDir, `from-schema-${crypto.randomUUID()}.db`);
    const sqlite = new Database(fromSchema);
    sqlite.exec(expectedSql);
    sqlite.close();
    try {
      const actual = schemaOf(migrated);
      expect(actual.length).toBeGreaterThan(4);
      expect(actual).toEqual(schemaOf(fromSchema));
    } finally {
      fs.rmSync(fromSchema, { force: true });
    }
  });

  it("has a migration for the current schema (the newest snapshot matches it)", async () => {
    const newest = fs
      .readdirSync(migrationsDir, { withFileTypes: true })
      .filter((entry) => entry.isDirectory())
      .map((entry) => entry.name)
      .sort()
      .at(-1)!;
    const snapshot = fs.readFileSync(path.join(migrationsDir, newest, "schema.prisma"), "utf8");
    const current = fs.readFileSync(path.join(projectRoot, "prisma", "schema.prisma"), "utf8");
    expect(current, "prisma/schema.prisma changed: run `npm run db:migration -- <name>`").toBe(
      snapshot,
    );
  });

  it("leaves the database in WAL mode", async () => {
    const sqlite = new Database(process.env.DATABASE_URL!.replace(/^file:/, ""), {
      readonly: true,
    });
    expect(sqlite.pragma("journal_mode", { simple: true })).toBe("wal");
    sqlite.close();
  });
});

describe("the migration runner (server/database.js)", () => {
  const fresh = () => `file:${path.join(tmpDir, `migrate-${crypto.randomUUID()}.db`)}`;

  it("records migrations as Prisma does, so `prisma migrate status` agrees", async () => {
    const url = fresh();
    expect(await prepareDatabase(url)).toHaveLength(committedMigrations().length);
    const status = execFileSync(prisma, ["migrate", "status"], {
      cwd: projectRoot,
      encoding: "utf8",
      env: { ...process.env, DATABASE_URL: url },
      stdio: ["ignore", "pipe", "pipe"],
    });
    expect(status).toMatch(/Database schema is up to date/);
    expect(await prepareDatabase(url)).toEqual([]);
    expect(await hasPendingMigrations(url)).toBe(false);
  });

  it("takes no lock when the schema is current: it runs while another process holds the write lock", async () => {
    const url = fresh();
    await prepareDatabase(url);
    const other = new Database(url.slice("file:".length));
    other.exec("BEGIN IMMEDIATE");
    try {
      const started = Date.now();
      expect(await prepareDatabase(url)).toEqual([]);
      expect(await hasPendingMigrations(url)).toBe(false);
      expect(Date.now() - started).toBeLessThan(5_000);
    } finally {
      other.exec("ROLLBACK");
      other.close();
    }
  });

  it("lets one of two processes migrating at once apply everything, and the other nothing", async () => {
    const url = fresh();
    const names = committedMigrations().map((migration) => migration.name);
    // Both wait for the write lock; the second finds the work done when it gets it.
    const results = await Promise.all([migrateInChildProcess(url), migrateInChildProcess(url)]);
    expect(results.sort()).toEqual([[], names].sort());
    expect(await hasPendingMigrations(url)).toBe(false);
  });

  it("refuses a database on which a committed migration was edited after it was applied", async () => {
    const url = fresh();
    await prepareDatabase(url);
    const sqlite = new Database(url.slice("file:".length));
    sqlite.prepare("UPDATE _prisma_migrations SET checksum = 'edited'").run();
    sqlite.close();
    await expect(prepareDatabase(url)).rejects.toThrow(/changed after it was applied/);
  });
});

describe("migrating a database that has people in it", () => {
  it("keeps every row of the tables a migration rebuilds, and of the tables pointing at them", async () => {
    const url = `file:${path.join(tmpDir, `rebuild-${crypto.randomUUID()}.db`)}`;
    const all = committedMigrations();
    // The newest migration that rebuilds User (drop and re-create), which sessions, RSVPs and
    // messages point at with ON DELETE CASCADE.
    const rebuild = all.findLastIndex((m) => m.sql.includes('DROP TABLE "User"'));
    expect(rebuild).toBeGreaterThan(0);
    await migrateDatabase(url, { migrations: all.slice(0, rebuild) });
    const sqlite = new Database(url.slice("file:".length));
    sqlite.exec(`
      INSERT INTO "User" ("id", "email", "displayName", "passwordHash", "updatedAt")
        VALUES ('u1', 'mina@example.com', 'Mina', 'x', '2026-12-01T00:00:00.000+00:00');
      INSERT INTO "Session" ("id", "userId", "expiresAt") VALUES ('s1', 'u1', '2027-01-01T00:00:00.000+00:00');
      INSERT INTO "Event" ("id", "kind", "title", "description", "locale", "startsAt", "endsAt", "updatedAt")
        VALUES ('e1', 'cafe', 'Café', '', 'en', '2027-01-01T05:00:00.000+00:00', '2027-01-01T07:00:00.000+00:00', '2026-12-01T00:00:00.000+00:00');
      INSERT INTO "Rsvp" ("id", "eventId", "userId", "status", "updatedAt")
        VALUES ('r1', 'e1', 'u1', 'going', '2026-12-01T00:00:00.000+00:00');
    `);
    sqlite.close();
    expect(await migrateDatabase(url)).toEqual(all.slice(rebuild).map((m) => m.name));
    const after = new Database(url.slice("file:".length), { readonly: true });
    const count = (table: string) =>
      (after.prepare(`SELECT COUNT(*) AS n FROM "${table}"`).get() as { n: number }).n;
    expect([count("User"), count("Session"), count("Event"), count("Rsvp")]).toEqual([1, 1, 1, 1]);
    after.close();
  });
});
