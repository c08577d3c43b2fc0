import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { PrismaClient as PostgresClient } from "~/generated/prisma-postgres/client";
import { connectionStringOf } from "../../server/postgres-migrations.js";

/**
 * PostgreSQL through Prisma's pg adapter, for several app processes and workers on one database
 * (docs/decisions/0018-postgresql-engine.md). The client has the same models as the SQLite
 * one; `db.server.ts` hands it out under the SQLite client's type.
 */

/** Connections per process unless the URL says `?connection_limit=N` (Prisma's own option). */
const DEFAULT_POOL_SIZE = 5;

export function createPostgresClient(databaseUrl: string): PostgresClient {
  const limit = Number(new URL(databaseUrl).searchParams.get("connection_limit"));
  const pool = new pg.Pool({
    connectionString: connectionStringOf(databaseUrl),
    max: Number.isInteger(limit) && limit > 0 ? limit : DEFAULT_POOL_SIZE,
  });
  // An idle connection the server dropped (a restart, a failover) must not crash the process;
  // the pool replaces it on the next query.
  pool.on("error", () => {});
  // `$disconnect` ends the pool: otherwise its idle connections keep a command (user:role,
  // db:deploy) or a stopping worker alive for pg's idle timeout, 10 s, after its work is done.
  return new PostgresClient({ adapter: new PrismaPg(pool, { disposeExternalPool: true }) });
}

/**
 * Every write transaction on PostgreSQL takes this advisory lock first, so writers take turns as
 * they do on SQLite, whichever process they run in; reads never wait for it.
 */
export const WRITE_LOCK = 7_305_019;

/** PostgreSQL's codes for "try the transaction again". */
const RETRYABLE = new Set(["40001", "40P01"]);

export function isRetryable(error: unknown): boolean {
  for (
    let cause = error as Record<string, unknown> | undefined, depth = 0;
    cause && depth < 5;
    depth++
  ) {
    const code = cause.code ?? (cause.meta as Record<string, unknown> | undefined)?.code;
    if (code === "P2034" || (typeof code === "string" && RETRYABLE.has(code))) return true;
    if (typeof cause.originalCode === "string" && RETRYABLE.has(cause.originalCode)) return true;
    cause = cause.cause as Record<string, unknown> | undefined;
  }
  return false;
}
