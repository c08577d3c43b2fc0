// SQLite's migration runner (docs/decisions/0010-sqlite-connections.md); server/database.js
// picks it for `file:` URLs.
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { committedMigrations, unappliedMigrations } from "./migrations.js";

/** @typedef {import("./migrations.js").Migration} Migration */
/** @typedef {import("./migrations.js").MigrateOptions} MigrateOptions */

// Prisma's own bookkeeping table, so `prisma migrate status` keeps agreeing with this runner.
const MIGRATIONS_TABLE = `CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
    "id"                    TEXT PRIMARY KEY NOT NULL,
    "checksum"              TEXT NOT NULL,
    "finished_at"           DATETIME,
    "migration_name"        TEXT NOT NULL,
    "logs"                  TEXT,
    "rolled_back_at"        DATETIME,
    "started_at"            DATETIME NOT NULL DEFAULT current_timestamp,
    "applied_steps_count"   INTEGER UNSIGNED NOT NULL DEFAULT 0
)`;

/** How long a migration waits for running servers and workers to finish their transactions. */
const LOCK_WAIT_MS = 30_000;

/** @param {string} databaseUrl a `file:` URL */
export function databaseFileOf(databaseUrl) {
  if (!databaseUrl.startsWith("file:")) throw new Error(`Not a SQLite file URL: ${databaseUrl}`);
  return path.resolve(databaseUrl.slice("file:".length));
}

/**
 * @param {import("better-sqlite3").Database} sqlite
 * @returns {Map<string, { checksum: string, finished: boolean }>}
 */
function appliedMigrations(sqlite) {
  const exists = sqlite
    .prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = '_prisma_migrations'")
    .get();
  if (!exists) return new Map();
  const rows =
    /** @type {{ migration_name: string, checksum: string, finished_at: string | null }[]} */ (
      sqlite
        .prepare(
          "SELECT migration_name, checksum, finished_at FROM _prisma_migrations WHERE rolled_back_at IS NULL",
        )
        .all()
    );
  return new Map(
    rows.map((row) => [
      row.migration_name,
      { checksum: row.checksum, finished: row.finished_at !== null },
    ]),
  );
}

/**
 * The committed migrations this database has not applied; refuses a database that went astray.
 * @param {import("better-sqlite3").Database} sqlite
 * @param {Migration[]} committed
 */
function pendingMigrations(sqlite, committed) {
  return unappliedMigrations(appliedMigrations(sqlite), committed);
}

/**
 * The migrations this database still needs (a read only: it takes no lock beyond a read).
 * @param {string} databaseUrl a `file:` URL
 */
export function sqlitePendingMigrations(databaseUrl) {
  const file = databaseFileOf(databaseUrl);
  if (!fs.existsSync(file)) return committedMigrations().map((migration) => migration.name);
  const sqlite = new Database(file, { readonly: true, timeout: LOCK_WAIT_MS });
  try {
    return pendingMigrations(sqlite, committedMigrations()).map((migration) => migration.name);
  } finally {
    sqlite.close();
  }
}

/**
 * Applies the committed migrations this database has not seen, all in one `BEGIN IMMEDIATE`
 * transaction. It replaces `prisma migrate deploy`, whose schema engine wants the file to
 * itself (docs/decisions/0010-sqlite-connections.md): when the schema is current this only reads,
 * and otherwise it waits its turn like any other writer, so running servers and workers neither
 * block it nor are blocked by it for longer than the migration takes.
 *
 * @param {string} databaseUrl a `file:` URL
 * @param {MigrateOptions} [options]
 * @returns {string[]} the names of the migrations applied now
 */
export function migrateSqlite(databaseUrl, options = {}) {
  const log = options.log ?? (() => {});
  const file = databaseFileOf(databaseUrl);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  // Tests pass a prefix of the committed list, to migrate a database with rows in it.
  const committed = options.migrations ?? committedMigrations();
  const sqlite = new Database(file, { timeout: LOCK_WAIT_MS });
  try {
    if (pendingMigrations(sqlite, committed).length === 0) return [];
    // Prisma's table rebuilds drop and re-create tables; with foreign keys enforced, dropping a
    // parent would cascade into its children. The check before COMMIT keeps the data sound.
    sqlite.pragma("foreign_keys = OFF");
    const applied = sqlite
      .transaction(() => {
        sqlite.exec(MIGRATIONS_TABLE);
        // Another process may have migrated while this one waited for the lock.
        const pending = pendingMigrations(sqlite, committed);
        const record = sqlite.prepare(
          `INSERT INTO _prisma_migrations (id, checksum, finished_at, migration_name, started_at, applied_steps_count)
         VALUES (?, ?, ?, ?, ?, 1)`,
        );
        for (const migration of pending) {
          const startedAt = new Date().toISOString();
          sqlite.exec(migration.sql);
          record.run(
            crypto.randomUUID(),
            migration.checksum,
            new Date().toISOString(),
            migration.name,
            startedAt,
          );
          log(`Applied migration ${migration.name}`);
        }
        const broken = /** @type {unknown[]} */ (sqlite.pragma("foreign_key_check"));
        if (broken.length > 0) {
          throw new Error(
            `The migrations would leave ${broken.length} rows pointing at rows that do not exist; nothing was changed.`,
          );
        }
        return pending.map((migration) => migration.name);
      })
      .immediate();
    return applied;
  } finally {
    sqlite.close();
  }
}

/**
 * What every process that opens the database does first: `npm start`, the demo and the tests
 * migrate (a read when the schema is current) and make sure the file is in WAL mode, which
 * SQLite remembers in the file.
 *
 * @param {string} databaseUrl a `file:` URL
 * @param {MigrateOptions} [options]
 */
export function prepareSqlite(databaseUrl, options = {}) {
  const applied = migrateSqlite(databaseUrl, options);
  const sqlite = new Database(databaseFileOf(databaseUrl), { timeout: LOCK_WAIT_MS });
  try {
    if (sqlite.pragma("journal_mode", { simple: true }) !== "wal")
      sqlite.pragma("journal_mode = WAL");
  } finally {
    sqlite.close();
  }
  return applied;
}
