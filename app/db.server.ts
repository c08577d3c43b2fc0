import fs from "node:fs";
import path from "node:path";
import { Prisma, PrismaClient } from "~/generated/prisma/client";
import type { SqlQuery, SqlRunner } from "~/db/sql";
import {
  createPostgresClient,
  isRetryable,
  pgRunner,
  pgWriteTransaction,
  WRITE_LOCK,
} from "~/db/postgres.server";
import type pg from "pg";
import { retryWhile } from "~/db/retry";
import { sqliteAdapter, type SqliteAdapterFactory } from "~/db/sqlite-adapter.server";
import { env } from "~/env.server";
import { engineOf, type Engine } from "../server/database.js";

/**
 * The database: SQLite for `file:` URLs, PostgreSQL for `postgresql://` ones
 * (docs/decisions/0018-postgresql-engine.md). Both clients have the same models; code outside
 * this module never asks which engine it has.
 */
export type Db = PrismaClient;
export type Tx = Prisma.TransactionClient;
export type { Engine };

type Handle =
  { engine: "sqlite"; adapter: SqliteAdapterFactory } | { engine: "postgresql"; pool: pg.Pool };

const handles = new WeakMap<PrismaClient, Handle>();

export function createDb(databaseUrl: string): PrismaClient {
  if (engineOf(databaseUrl) === "postgresql") {
    const { client, pool } = createPostgresClient(databaseUrl);
    const database = client as unknown as PrismaClient;
    handles.set(database, { engine: "postgresql", pool });
    return database;
  }
  const file = databaseUrl.replace(/^file:/, "");
  fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  // WAL is set when the database is prepared (server/database.js); see sqlite-adapter.server.ts
  // for how requests and processes share the file.
  const adapter = sqliteAdapter({ url: databaseUrl });
  const client = new PrismaClient({ adapter });
  handles.set(client, { engine: "sqlite", adapter });
  return client;
}

function handleOf(database: PrismaClient): Handle {
  const handle = handles.get(database);
  if (!handle) throw new Error("This Prisma client was not made by createDb.");
  return handle;
}

export function engineOfDb(database: PrismaClient): Engine {
  return handleOf(database).engine;
}

async function connectedSqlite(database: PrismaClient, factory: SqliteAdapterFactory) {
  if (!factory.connected()) await database.$connect();
  return factory.connected()!;
}

/** Hundreds of people may answer at once; transactions queue for the one writer. */
const WAIT = { maxWait: 20_000, timeout: 20_000 } as const;

/**
 * Every transaction that reads, decides and writes. On SQLite it holds the file's write lock
 * from its first statement (`BEGIN IMMEDIATE`); on PostgreSQL it takes one advisory lock first,
 * so writers take turns across all processes exactly as on SQLite, and it is tried again if the
 * server still reports a conflict (a deadlock with a statement outside any transaction).
 */
export async function writeTransaction<T>(
  database: PrismaClient,
  work: (tx: Tx) => Promise<T>,
): Promise<T> {
  if (handleOf(database).engine === "sqlite") return database.$transaction(work, WAIT);
  return retrying(() =>
    database.$transaction(async (tx) => {
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(${WRITE_LOCK})`;
      return work(tx);
    }, WAIT),
  );
}

/** Runs a PostgreSQL transaction again after a short, growing, jittered pause on 40001/40P01. */
function retrying<T>(attempt: () => Promise<T>): Promise<T> {
  return retryWhile(
    isRetryable,
    { withinMs: WAIT.timeout, firstPauseMs: 5, maxPauseMs: 200 },
    attempt,
  );
}

/** A hand-written read (app/db/sql.ts) for paths every request takes, such as the session. */
export async function sqlRead<Row>(database: PrismaClient, query: SqlQuery): Promise<Row[]> {
  const handle = handleOf(database);
  if (handle.engine === "sqlite") {
    return (await connectedSqlite(database, handle.adapter)).read<Row>(query);
  }
  return pgRunner(handle.pool).all<Row>(query);
}

/**
 * A write transaction of hand-written SQL (app/db/sql.ts) for the hottest paths, taking turns
 * with the other write transactions.
 */
export async function sqlWriteTransaction<T>(
  database: PrismaClient,
  work: (sql: SqlRunner) => Promise<T>,
): Promise<T> {
  const handle = handleOf(database);
  if (handle.engine === "sqlite") {
    return (await connectedSqlite(database, handle.adapter)).writeTransaction(work);
  }
  return retrying(() => pgWriteTransaction(handle.pool, work, WAIT.maxWait));
}

// One client per process, kept on globalThis so `remix dev` rebuilds do not open new ones.
const globalForDb = globalThis as unknown as { tsunaguDb?: PrismaClient };

export function db(): PrismaClient {
  globalForDb.tsunaguDb ??= createDb(env().DATABASE_URL);
  return globalForDb.tsunaguDb;
}
