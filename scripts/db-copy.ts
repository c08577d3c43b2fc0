/**
 * `npm run db:copy -- <from-url> <to-url>`: copies every row of one Tsunagu database into a new,
 * empty one of either engine, e.g. a group's SQLite file into PostgreSQL (README "Moving from
 * SQLite to PostgreSQL"). Stop the servers and workers first.
 */
import { copyDatabase } from "./lib/database-copy";

const [from, to] = process.argv.slice(2);
if (!from || !to) {
  console.error("Usage: npm run db:copy -- <from-url> <to-url>");
  console.error(
    "  e.g. npm run db:copy -- file:./data/tsunagu.db postgresql://tsunagu:secret@localhost:5432/tsunagu",
  );
  process.exit(2);
}
try {
  const { tables } = await copyDatabase(from, to, (line) => console.log(line));
  const rows = tables.reduce((sum, table) => sum + table.rows, 0);
  console.log(
    `Copied ${rows} rows in ${tables.length} tables; every table's row count and checksum match.`,
  );
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
}
