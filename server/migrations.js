// What both engines' migration runners share: the committed migrations and Prisma's bookkeeping.
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
export const migrationsDir = path.join(projectRoot, "prisma", "migrations");
/** Generated from the SQLite migrations, one per SQLite migration (scripts/lib/postgres-schema.ts). */
export const postgresMigrationsDir = path.join(projectRoot, "prisma", "postgresql", "migrations");

/** @typedef {{ name: string, sql: string, checksum: string }} Migration */
/** @typedef {{ log?: (line: string) => void, migrations?: Migration[] }} MigrateOptions */

/** @returns {Migration[]} the committed migrations, oldest first */
export function committedMigrations(dir = migrationsDir) {
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .filter(
      (entry) => entry.isDirectory() && fs.existsSync(path.join(dir, entry.name, "migration.sql")),
    )
    .map((entry) => entry.name)
    .sort()
    .map((name) => {
      const sql = fs.readFileSync(path.join(dir, name, "migration.sql"), "utf8");
      return { name, sql, checksum: crypto.createHash("sha256").update(sql).digest("hex") };
    });
}

/**
 * The committed migrations missing from `applied`; refuses a database whose history went astray.
 * Both engines keep Prisma's `_prisma_migrations` rows, so both check them this way.
 * @param {Map<string, { checksum: string, finished: boolean }>} applied
 * @param {Migration[]} committed
 */
export function unappliedMigrations(applied, committed) {
  for (const [name, row] of applied) {
    if (!row.finished) {
      throw new Error(
        `Migration ${name} was started but never finished on this database. Restore a backup, or inspect it by hand.`,
      );
    }
    const mine = committed.find((migration) => migration.name === name);
    if (mine && mine.checksum !== row.checksum) {
      throw new Error(
        `Migration ${name} was changed after it was applied to this database. Committed migrations must not be edited; write a new one.`,
      );
    }
  }
  return committed.filter((migration) => !applied.has(migration.name));
}
