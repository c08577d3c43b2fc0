import path from "node:path";
import { defineConfig } from "prisma/config";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";

// Prisma 6.19's CLI runs on its bundled WebAssembly schema engine only through a driver adapter;
// see docs/decisions/0001-prisma-6-wasm-engine.md. DATABASE_URL picks the engine, as it does for
// the app (docs/decisions/0018-postgresql-engine.md); `npm run db:generate` makes both clients.
const url = process.env.DATABASE_URL ?? "file:./data/tsunagu.db";
process.env.DATABASE_URL = url;
const postgres = /^postgres(ql)?:\/\//.test(url);
const folder = postgres ? path.join("prisma", "postgresql") : "prisma";

export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: path.join(folder, "schema.prisma"),
  migrations: { path: path.join(folder, "migrations") },
  adapter: async () =>
    postgres ? new PrismaPg({ connectionString: url }) : new PrismaBetterSQLite3({ url }),
});
