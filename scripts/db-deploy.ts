/**
 * `npm run db:deploy`: applies committed migrations this database has not seen. Safe to run
 * while servers and workers are up: with a current schema it only reads; otherwise it waits its
 * turn for the write lock (see docs/decisions/0010-sqlite-connections.md).
 */
import fs from "node:fs";
import { prepareDatabase } from "../server/database.js";

if (fs.existsSync(".env")) process.loadEnvFile(".env");
const url = process.env.DATABASE_URL || "file:./data/tsunagu.db";

try {
  const applied = await prepareDatabase(url, { log: (line: string) => console.log(line) });
  console.log(
    applied.length === 0
      ? "The database schema is up to date."
      : `Applied ${applied.length} migration(s).`,
  );
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
}
