import fs from "node:fs";
import path from "node:path";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaClient } from "~/generated/prisma/client";
import { env } from "~/env.server";

export type Db = PrismaClient;

/** Writers wait this long for the lock instead of failing at once (WAL is set at start-up). */
const BUSY_TIMEOUT_MS = 5000;

export function createDb(databaseUrl: string): PrismaClient {
  const file = databaseUrl.replace(/^file:/, "");
  fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  return new PrismaClient({
    adapter: new PrismaBetterSQLite3({ url: databaseUrl, timeout: BUSY_TIMEOUT_MS }),
  });
}

// One client per process, kept on globalThis so `remix dev` rebuilds do not open new ones.
const globalForDb = globalThis as unknown as { tsunaguDb?: PrismaClient };

export function db(): PrismaClient {
  globalForDb.tsunaguDb ??= createDb(env().DATABASE_URL);
  return globalForDb.tsunaguDb;
}
