import { spawnSync } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import pg from "pg";
import { WRITE_LOCK } from "~/db/postgres.server";
import { engineOf, prepareDatabase, type Engine } from "../../server/database.js";
import { connectionStringOf, createDatabase } from "../../server/postgres-migrations.js";
import { projectRoot, tmpDir } from "./paths";

/**
 * Which engine the tests run on: SQLite (`npm test`) or PostgreSQL (`npm run test:postgres`,
 * which sets TEST_DATABASE=postgresql). Each test file, server or process under test gets its own
 * database either way: a copied file, or a database created from a migrated template.
 */
export const testEngine: Engine =
  process.env.TEST_DATABASE === "postgresql" ? "postgresql" : "sqlite";

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
  await client.connect().catch((error: Error) => {
    // `npm run test:postgres` needs a running server; it never starts one itself.
    const where = new URL(postgresServerUrl);
    where.password = where.password ? "***" : "";
    throw new Error(
      `Cannot reach the PostgreSQL server for the tests at ${where.toString()} (${error.message}). ` +
        "Start it (as root: pg_ctlcluster --skip-systemctl-redirect 15 main start), or set TEST_POSTGRES_URL.",
      { cause: error },
    );
  });
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

/**
 * A consistent copy of a live database (its server may keep running) as a new test database:
 * `VACUUM INTO` on SQLite, `pg_dump | psql` into a fresh database on PostgreSQL (a `CREATE
 * DATABASE … TEMPLATE` would need every connection to the source closed first).
 */
export async function copyTestDatabase(sourceUrl: string, label = "copy"): Promise<TestDatabase> {
  const id = crypto.randomUUID().replaceAll("-", "").slice(0, 12);
  if (engineOf(sourceUrl) === "sqlite") {
    fs.mkdirSync(tmpDir, { recursive: true });
    const file = path.join(tmpDir, `${label}-${id}.db`);
    const source = new Database(sourceUrl.replace(/^file:/, ""));
    try {
      source.prepare("VACUUM INTO ?").run(file);
    } finally {
      source.close();
    }
    return {
      url: `file:${file}`,
      remove: async () => {
        for (const suffix of ["", "-wal", "-shm"]) fs.rmSync(file + suffix, { force: true });
      },
    };
  }
  const name = `tsunagu_test_${checkout}_${label.replace(/\W/g, "").slice(0, 16)}_${id}`;
  const url = postgresUrlFor(name);
  await createDatabase(url);
  const dump = spawnSync(
    "pg_dump",
    ["--no-owner", "--no-privileges", connectionStringOf(sourceUrl)],
    {
      maxBuffer: 512 * 1024 * 1024,
    },
  );
  if (dump.status !== 0) throw new Error(`pg_dump failed: ${dump.stderr.toString()}`);
  const load = spawnSync("psql", ["--quiet", "--set", "ON_ERROR_STOP=1", "--no-psqlrc", url], {
    input: dump.stdout,
    maxBuffer: 64 * 1024 * 1024,
  });
  if (load.status !== 0) throw new Error(`psql failed: ${load.stderr.toString()}`);
  return { url, remove: () => dropPostgresDatabase(name) };
}

/**
 * The source of a `node -e` script that opens `databaseUrl` outside Prisma, as another process
 * writing to the same database would, and gives it `db`: `await db.begin()` takes the write lock
 * the app's writers take (SQLite's `BEGIN IMMEDIATE`; PostgreSQL's advisory lock in a
 * transaction), `db.run(sql, ...values)` with `?` placeholders and quoted identifiers,
 * `db.commit()` and `db.close()`.
 */
export function rawDatabaseScript(databaseUrl: string, script: string): string {
  if (engineOf(databaseUrl) === "sqlite") {
    return `const Database = require("better-sqlite3");
      const sqlite = new Database(${JSON.stringify(databaseUrl.replace(/^file:/, ""))}, { timeout: 5000 });
      const db = {
        begin: async () => sqlite.exec("BEGIN IMMEDIATE"),
        run: async (text, ...values) => sqlite.prepare(text).run(...values),
        commit: async () => sqlite.exec("COMMIT"),
        close: async () => sqlite.close(),
      };
      (async () => { ${script} })().catch((error) => { console.error(error); process.exit(1); });`;
  }
  return `const pg = require("pg");
    const client = new pg.Client({ connectionString: ${JSON.stringify(connectionStringOf(databaseUrl))} });
    const db = {
      begin: async () => { await client.query("BEGIN"); await client.query("SELECT pg_advisory_xact_lock(${WRITE_LOCK})"); },
      run: async (text, ...values) => { let n = 0; return client.query(text.replace(/\\?/g, () => "$" + ++n), values); },
      commit: async () => client.query("COMMIT"),
      close: async () => client.end(),
    };
    client.connect().then(async () => { ${script} }).catch((error) => { console.error(error); process.exit(1); });`;
}

/** An empty PostgreSQL database (no migrations), named so the run's clean-up drops it. */
export function unmadePostgresDatabase(label = "empty"): TestDatabase {
  const id = crypto.randomUUID().replaceAll("-", "").slice(0, 12);
  const name = `tsunagu_test_${checkout}_${label.replace(/\W/g, "").slice(0, 16)}_${id}`;
  return { url: postgresUrlFor(name), remove: () => dropPostgresDatabase(name) };
}
