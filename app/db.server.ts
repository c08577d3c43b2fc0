import fs from "node:fs";
import path from "node:path";
import { PrismaClient } from "~/generated/prisma/client";
import { sqliteAdapter } from "~/db/sqlite-adapter.server";
import { env } from "~/env.server";

export type Db = PrismaClient;

export function createDb(databaseUrl: string): PrismaClient {
  const file = databaseUrl.replace(/^file:/, "");
  fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  // WAL is set when the database is prepared (server/database.js); see sqlite-adapter.server.ts
  // for how requests and processes share the file.
  return new PrismaClient({ adapter: sqliteAdapter({ url: databaseUrl }) });
}

// One client per process, kept on globalThis so `remix dev` rebuilds do not open new ones.
const globalForDb = globalThis as unknown as { tsunaguDb?: PrismaClient };

export function db(): PrismaClient {
  globalForDb.tsunaguDb ??= createDb(env().DATABASE_URL);
  return globalForDb.tsunaguDb;
}
