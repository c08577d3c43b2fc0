/**
 * `npm run db:restore -- <file>`: restores a backup into the empty database DATABASE_URL names,
 * then applies the migrations it predates (scripts/lib/backup.ts; README "Backups").
 */
import fs from "node:fs";
import { restoreDatabase } from "./lib/backup";

if (fs.existsSync(".env")) process.loadEnvFile(".env");
const url = process.env.DATABASE_URL || "file:./data/tsunagu.db";
const file = process.argv[2];

if (!file) {
  console.error("Usage: npm run db:restore -- <file>   (into the empty database at DATABASE_URL)");
  process.exit(2);
}
try {
  const { migrated } = await restoreDatabase(file, url, (line) => console.log(line));
  console.log(
    migrated.length === 0
      ? "The restored database is at this release's migrations."
      : `Applied ${migrated.length} migration(s) the backup predates.`,
  );
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
}
