import path from "node:path";
import { defineConfig } from "prisma/config";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";

// Prisma 6.19's CLI runs migrations on its bundled WebAssembly schema engine only through a
// driver adapter; see docs/decisions/0001-prisma-6-wasm-engine.md.
const url = process.env.DATABASE_URL ?? "file:./data/tsunagu.db";
process.env.DATABASE_URL = url;

export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: path.join("prisma", "schema.prisma"),
  migrations: { path: path.join("prisma", "migrations") },
  adapter: async () => new PrismaBetterSQLite3({ url }),
});
