/**
 * `npm run db:backup -- <file>`: a consistent backup of DATABASE_URL while servers and workers
 * keep running (scripts/lib/backup.ts; README "Backups").
 */
import fs from "node:fs";
import { backupDatabase } from "./lib/backup";

if (fs.existsSync(".env")) process.loadEnvFile(".env");
const url = process.env.DATABASE_URL || "file:./data/tsunagu.db";
const file = process.argv[2];

if (!file) {
  console.error("Usage: npm run db:backup -- <file>");
  process.exit(2);
}
try {
  const started = Date.now();
  const { engine, bytes } = backupDatabase(url, file);
  console.log(
    `Backed up the ${engine === "sqlite" ? "SQLite" : "PostgreSQL"} database to ${file} (${bytes} bytes, ${Date.now() - started} ms).`,
  );
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
}
