/**
 * Writes a new migration by diffing the schema of the newest committed migration against
 * prisma/schema.prisma (datamodel to datamodel), then its PostgreSQL twin under the same name in
 * prisma/postgresql/ (docs/decisions/0018-postgresql-engine.md). `prisma migrate dev` is broken
 * with the WebAssembly engine on these machines; see docs/decisions/0001-prisma-6-wasm-engine.md.
 *
 *   npm run db:migration -- <name>
 */
import fs from "node:fs";
import path from "node:path";
import {
  changesSomething,
  diffScript,
  snapshotName,
  sqliteMigrationNames,
  sqliteMigrationsDir,
  sqliteSchemaPath,
  syncPostgres,
} from "./lib/postgres-schema";

const name = process.argv[2];
if (!name || !/^[a-z0-9_]+$/.test(name)) {
  console.error("Usage: npm run db:migration -- <name>   (lower-case letters, digits and _)");
  process.exit(1);
}

const previous = sqliteMigrationNames().at(-1);
const sql = diffScript(
  previous ? path.join(sqliteMigrationsDir, previous, snapshotName) : null,
  sqliteSchemaPath,
);

if (!changesSomething(sql)) {
  console.log("The schema has not changed since the last migration; nothing written.");
  process.exit(0);
}

const stamp = new Date().toISOString().replace(/\D/g, "").slice(0, 14);
const folder = path.join(sqliteMigrationsDir, `${stamp}_${name}`);
fs.mkdirSync(folder, { recursive: true });
fs.writeFileSync(path.join(folder, "migration.sql"), sql);
// The snapshot is what the next migration diffs against.
fs.copyFileSync(sqliteSchemaPath, path.join(folder, snapshotName));
if (!fs.existsSync(path.join(sqliteMigrationsDir, "migration_lock.toml"))) {
  fs.writeFileSync(path.join(sqliteMigrationsDir, "migration_lock.toml"), 'provider = "sqlite"\n');
}
const twins = syncPostgres();
console.log(`Wrote ${folder}/migration.sql and its PostgreSQL twin (${twins.join(", ")}).`);
console.log("Apply it with: npm run db:deploy, then run `npx prisma generate` for both clients.");
