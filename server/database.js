// The one place that knows which database engine a DATABASE_URL names, for the processes that
// migrate or check the schema before the app starts: `file:` is SQLite, `postgresql://` (or
// `postgres://`) is PostgreSQL (docs/decisions/0018-postgresql-engine.md).
import { migrationsDir, postgresMigrationsDir, committedMigrations } from "./migrations.js";
import { migratePostgres, postgresPendingMigrations } from "./postgres-migrations.js";
import { migrateSqlite, prepareSqlite, sqlitePendingMigrations } from "./sqlite-migrations.js";

export { committedMigrations, migrationsDir, postgresMigrationsDir };
export { databaseFileOf } from "./sqlite-migrations.js";

/** @typedef {"sqlite" | "postgresql"} Engine */

/**
 * @param {string} databaseUrl
 * @returns {Engine}
 */
export function engineOf(databaseUrl) {
  if (databaseUrl.startsWith("file:")) return "sqlite";
  if (/^postgres(ql)?:\/\//.test(databaseUrl)) return "postgresql";
  throw new Error("DATABASE_URL must start with file: (SQLite) or postgresql:// (PostgreSQL).");
}

/**
 * The migrations this database has not applied yet (a read only).
 * @param {string} databaseUrl
 * @returns {Promise<string[]>}
 */
export async function pendingMigrations(databaseUrl) {
  return engineOf(databaseUrl) === "sqlite"
    ? sqlitePendingMigrations(databaseUrl)
    : postgresPendingMigrations(databaseUrl);
}

/** @param {string} databaseUrl */
export async function hasPendingMigrations(databaseUrl) {
  return (await pendingMigrations(databaseUrl)).length > 0;
}

/**
 * Applies the committed migrations this database has not seen; safe while servers and workers
 * run, and when several processes start at once.
 * @param {string} databaseUrl
 * @param {import("./migrations.js").MigrateOptions} [options]
 * @returns {Promise<string[]>} the names of the migrations applied now
 */
export async function migrateDatabase(databaseUrl, options = {}) {
  return engineOf(databaseUrl) === "sqlite"
    ? migrateSqlite(databaseUrl, options)
    : migratePostgres(databaseUrl, options);
}

/**
 * What every process that opens the database does first: `npm start`, the demo and the tests
 * migrate (a read when the schema is current); SQLite's file is also put in WAL mode.
 * @param {string} databaseUrl
 * @param {import("./migrations.js").MigrateOptions} [options]
 * @returns {Promise<string[]>}
 */
export async function prepareDatabase(databaseUrl, options = {}) {
  return engineOf(databaseUrl) === "sqlite"
    ? prepareSqlite(databaseUrl, options)
    : migratePostgres(databaseUrl, options);
}
