/**
 * Writes a new migration by diffing the schema of the newest committed migration against
 * prisma/schema.prisma (datamodel to datamodel). `prisma migrate dev` is broken with the
 * WebAssembly engine on these machines; see docs/decisions/0001-prisma-6-wasm-engine.md.
 *
 *   npm run db:migration -- <name>
 */
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

const migrationsDir = path.join("prisma", "migrations");
const schemaPath = path.join("prisma", "schema.prisma");
const snapshotName = "schema.prisma";

const name = process.argv[2];
if (!name || !/^[a-z0-9_]+$/.test(name)) {
  console.error("Usage: npm run db:migration -- <name>   (lower-case letters, digits and _)");
  process.exit(1);
}

const previous = fs
  .readdirSync(migrationsDir, { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name)
  .sort()
  .at(-1);

const from = previous
  ? ["--from-schema-datamodel", path.join(migrationsDir, previous, snapshotName)]
  : ["--from-empty"];

const sql = execFileSync(
  path.join("node_modules", ".bin", "prisma"),
  ["migrate", "diff", ...from, "--to-schema-datamodel", schemaPath, "--script"],
  { encoding: "utf8", stdio: ["ignore", "pipe", "inherit"] },
);

if (!/^\s*(CREATE|ALTER|DROP|INSERT|PRAGMA)/im.test(sql)) {
  console.log("The schema has not changed since the last migration; nothing written.");
  process.exit(0);
}

const stamp = new Date().toISOString().replace(/\D/g, "").slice(0, 14);
const folder = path.join(migrationsDir, `${stamp}_${name}`);
fs.mkdirSync(folder, { recursive: true });
fs.writeFileSync(path.join(folder, "migration.sql"), sql);
// The snapshot is what the next migration diffs against.
fs.copyFileSync(schemaPath, path.join(folder, snapshotName));
if (!fs.existsSync(path.join(migrationsDir, "migration_lock.toml"))) {
  fs.writeFileSync(path.join(migrationsDir, "migration_lock.toml"), 'provider = "sqlite"\n');
}
console.log(`Wrote ${folder}/migration.sql. Apply it with: npm run db:deploy`);
