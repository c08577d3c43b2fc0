import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { PrismaClient as PostgresClient } from "~/generated/prisma-postgres/client";
import { connectionStringOf } from "../../server/postgres-migrations.js";
import type { SqlQuery, SqlRunner } from "./sql";

/**
 * PostgreSQL through Prisma's pg adapter, for several app processes and workers on one database
 * (docs/decisions/0018-postgresql-engine.md). The client has the same models as the SQLite
 * one; `db.server.ts` hands it out under the SQLite client's type.
 */

/** Connections per process unless the URL says `?connection_limit=N` (Prisma's own option). */
const DEFAULT_POOL_SIZE = 10;

export type PostgresDb = { client: PostgresClient; pool: pg.Pool };

export function createPostgresClient(databaseUrl: string): PostgresDb {
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
  const client = new PostgresClient({ adapter: new PrismaPg(pool, { disposeExternalPool: true }) });
  return { client, pool };
}

// Prisma keeps timestamps as `timestamp(3)` holding UTC; pg would read them as local time.
const TIMESTAMP = 1114;
const types = {
  getTypeParser: ((oid: number, format?: "text" | "binary") =>
    oid === TIMESTAMP && format !== "binary"
      ? (value: string) => new Date(`${value.replace(" ", "T")}Z`)
      : pg.types.getTypeParser(oid, format)) as typeof pg.types.getTypeParser,
};

/** Our values as PostgreSQL reads them: timestamps as UTC text, like Prisma writes them. */
const postgresValue = (value: unknown) =>
  value instanceof Date ? value.toISOString() : (value ?? null);

/**
 * The hand-written hot paths (app/db/sql.ts) straight on pg, without Prisma's per-statement
 * work: on this machine a statement through Prisma's adapter cost several milliseconds of CPU.
 */
export function pgRunner(connection: pg.Pool | pg.PoolClient): SqlRunner {
  const run = (query: SqlQuery) =>
    connection.query({
      text: query.strings.reduce(
        (text, piece, i) => (i === 0 ? piece : `${text}$${i}${piece}`),
        "",
      ),
      values: query.values.map(postgresValue),
      types,
    });
  return {
    all: async <Row>(query: SqlQuery) => (await run(query)).rows as Row[],
    run: async (query: SqlQuery) => ({ changes: (await run(query)).rowCount ?? 0 }),
  };
}

/**
 * A transaction of hand-written statements, taking the same write lock as every other write
 * transaction (db.server.ts) and waiting for it at most as long as they do.
 */
export async function pgWriteTransaction<T>(
  pool: pg.Pool,
  work: (sql: SqlRunner) => Promise<T>,
  waitMs: number,
): Promise<T> {
  const connection = await pool.connect();
  try {
    await connection.query("BEGIN");
    await connection.query(`SET LOCAL lock_timeout = ${Math.round(waitMs)}`);
    await connection.query("SELECT pg_advisory_xact_lock($1)", [WRITE_LOCK]);
    const result = await work(pgRunner(connection));
    await connection.query("COMMIT");
    return result;
  } catch (error) {
    await connection.query("ROLLBACK").catch(() => {});
    throw error;
  } finally {
    connection.release();
  }
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
