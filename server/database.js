import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import Database from "better-sqlite3";

const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

/**
 * Applies committed migrations that this database has not seen yet (Prisma's own
 * `migrate deploy`), then switches the file to WAL, which SQLite remembers in the file.
 *
 * @param {string} databaseUrl a `file:` URL
 */
export function prepareDatabase(databaseUrl) {
  const file = path.resolve(databaseUrl.replace(/^file:/, ""));
  fs.mkdirSync(path.dirname(file), { recursive: true });
  execFileSync(path.join(projectRoot, "node_modules", ".bin", "prisma"), ["migrate", "deploy"], {
    cwd: projectRoot,
    env: { ...process.env, DATABASE_URL: `file:${file}` },
    stdio: ["ignore", "pipe", "inherit"],
  });
  const sqlite = new Database(file);
  try {
    sqlite.pragma("journal_mode = WAL");
  } finally {
    sqlite.close();
  }
}
