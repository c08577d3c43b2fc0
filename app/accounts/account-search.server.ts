import { sqlRead, type Db } from "~/db.server";
import { sql } from "~/db/sql";

/**
 * Ids of accounts whose name or email contains `query`, ignoring case, first `take` by name then
 * email. Hand-written because Prisma's `contains` follows the engine: SQLite's LIKE ignores ASCII
 * case, PostgreSQL's does not. LOWER() on both sides behaves the same on both (ASCII only, as
 * SQLite's LIKE; our PostgreSQL databases use the C locale), and `ORDER BY` sorts bytes on both.
 */
export async function accountIdsMatching(db: Db, query: string, take: number): Promise<string[]> {
  const pattern = `%${query.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  const rows = await sqlRead<{ id: string }>(
    db,
    sql`SELECT "id" FROM "User"
        WHERE LOWER("displayName") LIKE ${pattern} ESCAPE '\\' OR LOWER("email") LIKE ${pattern} ESCAPE '\\'
        ORDER BY "displayName", "email" LIMIT ${take}`,
  );
  return rows.map((row) => row.id);
}
