import { execFileSync } from "node:child_process";
import path from "node:path";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import {
  committedMigrations,
  hasPendingMigrations,
  migrateDatabase,
  pendingMigrations,
  postgresMigrationsDir,
  prepareDatabase,
} from "../../server/database.js";
import { createDatabase } from "../../server/postgres-migrations.js";
import { unmadePostgresDatabase, type TestDatabase } from "../support/database";
import { migrateInChildProcess } from "../support/migrate-process";
import { projectRoot } from "../support/paths";

/**
 * Our PostgreSQL migration runner (server/postgres-migrations.js), on a real server: only in
 * `npm run test:postgres` (vitest.config.ts). tests/integration/migrations.test.ts is its SQLite
 * counterpart.
 */

const made: TestDatabase[] = [];
afterAll(async () => {
  for (const database of made) await database.remove();
});

/** A database that does not exist yet: the runner makes it. */
function unmade() {
  const database = unmadePostgresDatabase("migrate");
  made.push(database);
  return database.url;
}

async function withClient<T>(url: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/**
 * The schema as PostgreSQL's catalog describes it, without Prisma's bookkeeping table: columns
 * (by name: ALTER TABLE appends where a fresh CREATE TABLE would not), indexes, constraints
 * (primary, unique, foreign keys with their actions, checks) and enum types.
 */
function schemaOf(url: string) {
  return withClient(url, async (client) => {
    const rows = async (text: string) => (await client.query(text)).rows;
    return {
      columns: await rows(`
        SELECT table_name, column_name, data_type, udt_name, is_nullable, column_default,
               character_maximum_length, numeric_precision, datetime_precision
        FROM information_schema.columns
        WHERE table_schema = 'public' AND table_name <> '_prisma_migrations'
        ORDER BY table_name, column_name`),
      indexes: await rows(`
        SELECT tablename, indexname, indexdef FROM pg_indexes
        WHERE schemaname = 'public' AND tablename <> '_prisma_migrations'
        ORDER BY tablename, indexname`),
      constraints: await rows(`
        SELECT c.conrelid::regclass::text AS "table", c.conname, c.contype,
               pg_get_constraintdef(c.oid) AS definition
        FROM pg_constraint c JOIN pg_namespace n ON n.oid = c.connamespace
        WHERE n.nspname = 'public' AND c.conrelid <> 0
          AND c.conrelid::regclass::text <> '_prisma_migrations'
        ORDER BY 1, 2`),
      enums: await rows(`
        SELECT t.typname, e.enumlabel FROM pg_type t JOIN pg_enum e ON e.enumtypid = t.oid
        ORDER BY t.typname, e.enumsortorder`),
    };
  });
}

const prisma = path.join(projectRoot, "node_modules", ".bin", "prisma");
const committed = () => committedMigrations(postgresMigrationsDir);

describe("the PostgreSQL migrations", () => {
  it("applied to an empty database give exactly the schema of prisma/postgresql/schema.prisma", async () => {
    // This file's database is a copy of the run's template, built by our migration runner alone.
    const migrated = process.env.DATABASE_URL!;
    const expectedSql = execFileSync(
      prisma,
      [
        "migrate",
        "diff",
        "--from-empty",
        "--to-schema-datamodel",
        "prisma/postgresql/schema.prisma",
        "--script",
      ],
      { cwd: projectRoot, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] },
    );
    const fromSchema = unmade();
    await createDatabase(fromSchema);
    await withClient(fromSchema, (client) => client.query(expectedSql));

    const actual = await schemaOf(migrated);
    expect(actual.columns.length).toBeGreaterThan(20);
    expect(actual.constraints.some((c) => c.contype === "f")).toBe(true);
    expect(actual).toEqual(await schemaOf(fromSchema));
    // `prisma migrate diff` alone takes ~10 s on a busy two-core machine.
  }, 120_000);
});

describe("the PostgreSQL migration runner (server/postgres-migrations.js)", () => {
  it("makes a missing database, records every migration, then finds nothing to do", async () => {
    const url = unmade();
    expect(await hasPendingMigrations(url)).toBe(true);
    expect(await prepareDatabase(url)).toEqual(committed().map((m) => m.name));
    expect(await pendingMigrations(url)).toEqual([]);
    expect(await prepareDatabase(url)).toEqual([]);
  });

  it("lets one of two processes migrating at once apply everything, and the other nothing", async () => {
    const url = unmade();
    const names = committed().map((migration) => migration.name);
    // Both wait for the advisory lock; the second finds the work done when it gets it.
    const results = await Promise.all([migrateInChildProcess(url), migrateInChildProcess(url)]);
    expect(results.sort()).toEqual([[], names].sort());
    expect(await hasPendingMigrations(url)).toBe(false);
    const rows = await withClient(url, (client) =>
      client.query('SELECT migration_name FROM "_prisma_migrations" ORDER BY migration_name'),
    );
    expect(rows.rows.map((row) => row.migration_name)).toEqual(names);
  }, 60_000);

  it("refuses a database on which a committed migration was edited after it was applied", async () => {
    const url = unmade();
    await prepareDatabase(url);
    await withClient(url, (client) =>
      client.query(`UPDATE "_prisma_migrations" SET checksum = 'edited'`),
    );
    await expect(prepareDatabase(url)).rejects.toThrow(/changed after it was applied/);
    await expect(hasPendingMigrations(url)).rejects.toThrow(/changed after it was applied/);
  });

  it("applies nothing when one migration fails: every table, row and record rolls back", async () => {
    const url = unmade();
    const all = committed();
    const broken = {
      name: "99990101000000_broken",
      // A table first, so a half-applied run would leave it behind.
      sql: 'CREATE TABLE "Broken" ("id" TEXT PRIMARY KEY); INSERT INTO "Nowhere" VALUES (1);',
      checksum: "broken",
    };
    await expect(migrateDatabase(url, { migrations: [...all, broken] })).rejects.toThrow(/Nowhere/);
    const tables = await withClient(url, (client) =>
      client.query(
        "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'",
      ),
    );
    expect(tables.rows).toEqual([]);
    expect(await pendingMigrations(url)).toEqual(all.map((m) => m.name));

    // The same database then migrates cleanly.
    expect(await migrateDatabase(url)).toEqual(all.map((m) => m.name));
  });
});
