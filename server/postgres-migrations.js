// PostgreSQL's migration runner. `prisma migrate deploy` through @prisma/adapter-pg 6.19.3 fails
// on PostgreSQL's `name` column type (prisma/orm#27403), so the committed SQL is applied here:
// in one transaction, under an advisory lock, writing Prisma's own `_prisma_migrations` rows
// (docs/decisions/0018-postgresql-engine.md).
import crypto from "node:crypto";
import pg from "pg";
import { committedMigrations, postgresMigrationsDir, unappliedMigrations } from "./migrations.js";

/** @typedef {import("./migrations.js").Migration} Migration */
/** @typedef {import("./migrations.js").MigrateOptions} MigrateOptions */

// Prisma's definition of its bookkeeping table on PostgreSQL.
const MIGRATIONS_TABLE = `CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
    "id"                    VARCHAR(36) PRIMARY KEY NOT NULL,
    "checksum"              VARCHAR(64) NOT NULL,
    "finished_at"           TIMESTAMPTZ,
    "migration_name"        VARCHAR(255) NOT NULL,
    "logs"                  TEXT,
    "rolled_back_at"        TIMESTAMPTZ,
    "started_at"            TIMESTAMPTZ NOT NULL DEFAULT now(),
    "applied_steps_count"   INTEGER NOT NULL DEFAULT 0
)`;

/** Any constant will do; every Tsunagu process that migrates takes this one. */
const MIGRATION_LOCK = 7_305_018;

/**
 * A connection string without the pool-size option, which only our pool understands.
 * @param {string} databaseUrl
 */
export function connectionStringOf(databaseUrl) {
  const url = new URL(databaseUrl);
  url.searchParams.delete("connection_limit");
  return url.toString();
}

/** @param {string} databaseUrl */
async function connect(databaseUrl) {
  const client = new pg.Client({ connectionString: connectionStringOf(databaseUrl) });
  try {
    await client.connect();
    return client;
  } catch (error) {
    // A new install: the server is there but the database is not; make it, then connect.
    if (/** @type {{ code?: string }} */ (error).code !== "3D000") throw error;
    await createDatabase(databaseUrl);
    const retry = new pg.Client({ connectionString: connectionStringOf(databaseUrl) });
    await retry.connect();
    return retry;
  }
}

/**
 * Creates the database a URL names, through the server's `postgres` database. Its collation is
 * byte order ("C"), like SQLite's, so lists sort the same on both engines.
 * @param {string} databaseUrl
 */
export async function createDatabase(databaseUrl) {
  const url = new URL(connectionStringOf(databaseUrl));
  const name = decodeURIComponent(url.pathname.slice(1));
  url.pathname = "/postgres";
  const admin = new pg.Client({ connectionString: url.toString() });
  await admin.connect();
  try {
    const quoted = `"${name.replaceAll('"', '""')}"`;
    await admin.query(
      `CREATE DATABASE ${quoted} TEMPLATE template0 ENCODING 'UTF8' LC_COLLATE 'C' LC_CTYPE 'C'`,
    );
  } catch (error) {
    // Another process made it first: 42P04 once it exists, 23505 while both create it at once
    // (two processes starting together on a new install).
    const code = /** @type {{ code?: string }} */ (error).code;
    if (code !== "42P04" && code !== "23505") throw error;
  } finally {
    await admin.end();
  }
}

/** @param {pg.Client} client */
async function appliedMigrations(client) {
  const { rows: exists } = await client.query("SELECT to_regclass('\"_prisma_migrations\"') AS t");
  if (!exists[0].t) return new Map();
  const { rows } = await client.query(
    'SELECT migration_name, checksum, finished_at FROM "_prisma_migrations" WHERE rolled_back_at IS NULL',
  );
  return new Map(
    rows.map((row) => [
      row.migration_name,
      { checksum: row.checksum, finished: row.finished_at !== null },
    ]),
  );
}

/**
 * The migrations this database still needs; a read only.
 * @param {string} databaseUrl
 * @returns {Promise<string[]>}
 */
export async function postgresPendingMigrations(databaseUrl) {
  const client = new pg.Client({ connectionString: connectionStringOf(databaseUrl) });
  try {
    await client.connect();
  } catch (error) {
    if (/** @type {{ code?: string }} */ (error).code === "3D000") {
      return committedMigrations(postgresMigrationsDir).map((migration) => migration.name);
    }
    throw error;
  }
  try {
    const committed = committedMigrations(postgresMigrationsDir);
    return unappliedMigrations(await appliedMigrations(client), committed).map((m) => m.name);
  } finally {
    await client.end();
  }
}

/**
 * Applies the committed PostgreSQL migrations this database has not seen, all in one
 * transaction (PostgreSQL's DDL is transactional, so a failure leaves nothing half-done), under
 * an advisory lock so two processes starting together migrate once.
 * @param {string} databaseUrl
 * @param {MigrateOptions} [options]
 * @returns {Promise<string[]>} the names of the migrations applied now
 */
export async function migratePostgres(databaseUrl, options = {}) {
  const log = options.log ?? (() => {});
  const committed = options.migrations ?? committedMigrations(postgresMigrationsDir);
  const client = await connect(databaseUrl);
  try {
    if (unappliedMigrations(await appliedMigrations(client), committed).length === 0) return [];
    await client.query("BEGIN");
    try {
      await client.query("SELECT pg_advisory_xact_lock($1)", [MIGRATION_LOCK]);
      await client.query(MIGRATIONS_TABLE);
      // Another process may have migrated while this one waited for the lock.
      const pending = unappliedMigrations(await appliedMigrations(client), committed);
      for (const migration of pending) {
        const startedAt = new Date();
        await client.query(migration.sql);
        await client.query(
          `INSERT INTO "_prisma_migrations" (id, checksum, finished_at, migration_name, started_at, applied_steps_count)
           VALUES ($1, $2, $3, $4, $5, 1)`,
          [crypto.randomUUID(), migration.checksum, new Date(), migration.name, startedAt],
        );
        log(`Applied migration ${migration.name}`);
      }
      await client.query("COMMIT");
      return pending.map((migration) => migration.name);
    } catch (error) {
      await client.query("ROLLBACK").catch(() => {});
      throw error;
    }
  } finally {
    await client.end();
  }
}
