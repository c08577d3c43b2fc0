import fs from "node:fs";
import path from "node:path";
import { PrismaClient } from "~/generated/prisma/client";
import type { SqlQuery, SqlRunner } from "~/db/sql";
import { sqliteAdapter, type SqliteAdapterFactory } from "~/db/sqlite-adapter.server";
import { env } from "~/env.server";

export type Db = PrismaClient;

const adapters = new WeakMap<PrismaClient, SqliteAdapterFactory>();

export function createDb(databaseUrl: string): PrismaClient {
  const file = databaseUrl.replace(/^file:/, "");
  fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  // WAL is set when the database is prepared (server/database.js); see sqlite-adapter.server.ts
  // for how requests and processes share the file.
  const adapter = sqliteAdapter({ url: databaseUrl });
  const client = new PrismaClient({ adapter });
  adapters.set(client, adapter);
  return client;
}

async function connectedAdapter(database: PrismaClient) {
  const factory = adapters.get(database);
  if (!factory) throw new Error("This Prisma client was not made by createDb.");
  if (!factory.connected()) await database.$connect();
  return factory.connected()!;
}

/** A hand-written read (app/db/sql.ts) for paths every request takes, such as the session. */
export async function sqlRead<Row>(database: PrismaClient, query: SqlQuery): Promise<Row[]> {
  return (await connectedAdapter(database)).read<Row>(query);
}

/**
 * A write transaction of hand-written SQL (app/db/sql.ts) for the hottest paths, taking turns
 * with Prisma's transactions on the same connection and lock.
 */
export async function sqlWriteTransaction<T>(
  database: PrismaClient,
  work: (sql: SqlRunner) => Promise<T>,
): Promise<T> {
  return (await connectedAdapter(database)).writeTransaction(work);
}

// One client per process, kept on globalThis so `remix dev` rebuilds do not open new ones.
const globalForDb = globalThis as unknown as { tsunaguDb?: PrismaClient };

export function db(): PrismaClient {
  globalForDb.tsunaguDb ??= createDb(env().DATABASE_URL);
  return globalForDb.tsunaguDb;
}
