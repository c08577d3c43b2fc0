import { engineOfDb, type Db, type Engine } from "~/db.server";
import { committedMigrations, pendingMigrations } from "../server/database.js";
import { logger } from "../server/log.js";

export type MigrationState = {
  /** How many of this release's migrations the database has. */
  applied: number;
  /** The ones it lacks, oldest first: the release is newer than the database. */
  pending: string[];
  /** The newest of this release's migrations the database has. */
  newest: string | null;
};

export type Health = {
  engine: Engine;
  database: "reachable" | "unreachable";
  /** null when the migration table could not be read (the database is unreachable, or its
   * history does not match the committed migrations; the log says which). */
  migrations: MigrationState | null;
  ready: boolean;
};

/** Load balancers ask every few seconds per process; the migration table is read at most this often. */
export const MIGRATION_STATE_TTL_MS = 5_000;

let cached: { url: string; at: number; state: Promise<MigrationState | null> } | undefined;

async function readMigrationState(databaseUrl: string): Promise<MigrationState | null> {
  try {
    const pending = await pendingMigrations(databaseUrl);
    // Both engines have the same migration names (the PostgreSQL ones are generated twins).
    const applied = committedMigrations()
      .map((migration) => migration.name)
      .filter((name) => !pending.includes(name));
    return { applied: applied.length, pending, newest: applied.at(-1) ?? null };
  } catch (error) {
    logger().warn("Health check: could not read the migration state", { error });
    return null;
  }
}

function migrationState(databaseUrl: string, now: number): Promise<MigrationState | null> {
  if (!cached || cached.url !== databaseUrl || now - cached.at >= MIGRATION_STATE_TTL_MS) {
    cached = { url: databaseUrl, at: now, state: readMigrationState(databaseUrl) };
  }
  return cached.state;
}

/**
 * What /healthz and /readyz report: the engine (never the URL: it holds the password), whether
 * one `SELECT 1` answers, and the migration state. Ready means the database answers and has
 * every migration this release expects.
 */
export async function checkHealth(db: Db, databaseUrl: string, now = Date.now()): Promise<Health> {
  const engine = engineOfDb(db);
  let database: Health["database"] = "reachable";
  try {
    await db.$queryRaw`SELECT 1`;
  } catch (error) {
    logger().warn("Health check: the database is unreachable", { error });
    database = "unreachable";
  }
  const migrations = await migrationState(databaseUrl, now);
  const ready = database === "reachable" && migrations !== null && migrations.pending.length === 0;
  return { engine, database, migrations, ready };
}

/** Health checks are never cached by a proxy: a stale "ready" would keep traffic flowing. */
export function healthResponse(health: Health, status: number): Response {
  return Response.json(health, { status, headers: { "Cache-Control": "no-store" } });
}
