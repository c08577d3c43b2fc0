import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import pg from "pg";
import { prepareDatabase, type Engine } from "../../server/database.js";
import { createDatabase } from "../../server/postgres-migrations.js";
import { projectRoot, tmpDir } from "./paths";

/**
 * Which engine the tests run on: SQLite (`npm test`) or PostgreSQL (`npm run test:postgres`,
 * which sets TEST_DATABASE=postgresql). Each test file, server or process under test gets its own
 * database either way: a copied file, or a database created from a migrated template.
 */
export const testEngine: Engine = process.env.TEST_DATABASE === "postgresql" ? "postgresql" : "sqlite";

/** The PostgreSQL server the tests use; `.ci/run` starts Debian's cluster with this role. */
export const postgresServerUrl =
  process.env.TEST_POSTGRES_URL ?? "postgresql://tsunagu:tsunagu@127.0.0.1:5432/postgres";

// Several checkouts (worktrees) may test against one server at once: names carry the checkout.
const checkout = crypto.createHash("sha256").update(projectRoot).digest("hex").slice(0, 8);
const templateName = `tsunagu_test_${checkout}_base`;
const sqliteTemplate = path.join(tmpDir, "base.db");

export function postgresUrlFor(database: string): string {
  const url = new URL(postgresServerUrl);
  url.pathname = `/${database}`;
  return url.toString();
}

async function onServer<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: postgresServerUrl });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** Drops a test database, ending any connection a killed process left behind. */
export async function dropPostgresDatabase(name: string) {
  await onServer(async (client) => {
    await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  });
}

/** Once per run (vitest's global setup): the migrated template every test database copies. */
export async function prepareTemplate(): Promise<void> {
  fs.mkdirSync(tmpDir, { recursive: true });
  if (testEngine === "sqlite") {
    await prepareDatabase(`file:${sqliteTemplate}`);
    return;
  }
  await dropPostgresDatabase(templateName);
  await createDatabase(postgresUrlFor(templateName));
  await prepareDatabase(postgresUrlFor(templateName));
}

/** After the run: the template and any database a crashed test left behind. */
export async function removeTemplate(): Promise<void> {
  if (testEngine === "sqlite") return;
  const { rows } = await onServer((client) =>
    client.query<{ datname: string }>("SELECT datname FROM pg_database WHERE datname LIKE $1", [
      `tsunagu_test_${checkout}_%`,
    ]),
  );
  for (const row of rows) await dropPostgresDatabase(row.datname);
}

export type TestDatabase = { url: string; remove: () => Promise<void> };

/** A database of its own, migrated, empty: a copy of the template. */
export async function freshTestDatabase(label = "db"): Promise<TestDatabase> {
  const id = crypto.randomUUID().replaceAll("-", "").slice(0, 12);
  if (testEngine === "sqlite") {
    fs.mkdirSync(tmpDir, { recursive: true });
    if (!fs.existsSync(sqliteTemplate)) await prepareDatabase(`file:${sqliteTemplate}`);
    const file = path.join(tmpDir, `${label}-${id}.db`);
    fs.copyFileSync(sqliteTemplate, file);
    return {
      url: `file:${file}`,
      remove: async () => {
        for (const suffix of ["", "-wal", "-shm"]) fs.rmSync(file + suffix, { force: true });
      },
    };
  }
  const name = `tsunagu_test_${checkout}_${label.replace(/\W/g, "").slice(0, 16)}_${id}`;
  // Projects without the global setup (e2e) make the template on first use.
  const { rowCount } = await onServer((client) =>
    client.query("SELECT 1 FROM pg_database WHERE datname = $1", [templateName]),
  );
  if (!rowCount) {
    await createDatabase(postgresUrlFor(templateName));
    await prepareDatabase(postgresUrlFor(templateName));
  }
  await onServer((client) => client.query(`CREATE DATABASE "${name}" TEMPLATE "${templateName}"`));
  return { url: postgresUrlFor(name), remove: () => dropPostgresDatabase(name) };
}
