/**
 * Online backups and restores of either engine (README "Backups"):
 * - SQLite: `VACUUM INTO` writes the whole database as it was when its one read transaction
 *   began, while servers and workers keep writing (WAL: readers never block writers). The
 *   backup API (`db.backup()`) copies page by page and starts again whenever another connection
 *   writes, so under steady load it may never finish.
 * - PostgreSQL: `pg_dump -Fc` (custom format: compressed, one snapshot, restored by `pg_restore`
 *   in one transaction).
 * A backup file says which it is by its first bytes, so a restore refuses the wrong engine.
 */
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import pg from "pg";
import { engineOf, prepareDatabase, type Engine } from "../../server/database.js";
import { connectionStringOf, createDatabase } from "../../server/postgres-migrations.js";
import { databaseFileOf } from "../../server/sqlite-migrations.js";
import { knownMigrationNames } from "./database-copy";

const SQLITE_MAGIC = "SQLite format 3\0";
const PG_DUMP_MAGIC = "PGDMP";

/** Which engine a backup file comes from, by its magic bytes. */
export function backupEngineOf(file: string): Engine {
  const head = Buffer.alloc(16);
  const fd = fs.openSync(file, "r");
  try {
    fs.readSync(fd, head, 0, 16, 0);
  } finally {
    fs.closeSync(fd);
  }
  if (head.toString("latin1") === SQLITE_MAGIC) return "sqlite";
  if (head.subarray(0, 5).toString("latin1") === PG_DUMP_MAGIC) return "postgresql";
  throw new Error(
    `${file} is not a Tsunagu backup: it is neither a SQLite database nor a pg_dump archive (custom format).`,
  );
}

const engineName = (engine: Engine) => (engine === "sqlite" ? "SQLite" : "PostgreSQL");

/**
 * A PostgreSQL client program (pg_dump, pg_restore): on PATH, else the newest of Debian's
 * /usr/lib/postgresql/<version>/bin.
 */
export function postgresTool(name: "pg_dump" | "pg_restore"): string {
  for (const dir of (process.env.PATH ?? "").split(path.delimiter)) {
    const candidate = path.join(dir, name);
    if (dir && fs.existsSync(candidate)) return candidate;
  }
  const root = "/usr/lib/postgresql";
  const versions = fs.existsSync(root)
    ? fs
        .readdirSync(root)
        .filter((v) => fs.existsSync(path.join(root, v, "bin", name)))
        .sort((a, b) => Number(b) - Number(a))
    : [];
  if (versions.length === 0) {
    throw new Error(
      `${name} was not found on PATH or in /usr/lib/postgresql/*/bin. Install PostgreSQL's client programs (Debian: apt-get install postgresql-client), of the server's version or newer.`,
    );
  }
  return path.join(root, versions[0]!, "bin", name);
}

// libpq reads these URL options; others (e.g. Prisma's `schema=`) make it refuse the URL.
const LIBPQ_OPTIONS = new Set([
  "sslmode",
  "sslcert",
  "sslkey",
  "sslrootcert",
  "sslpassword",
  "application_name",
  "connect_timeout",
  "options",
  "target_session_attrs",
]);

/** The connection for a libpq program, with the password in the environment rather than argv. */
function libpqConnection(databaseUrl: string): { dbname: string; env: NodeJS.ProcessEnv } {
  const url = new URL(connectionStringOf(databaseUrl));
  const password = decodeURIComponent(url.password);
  url.password = "";
  for (const key of [...url.searchParams.keys()]) {
    if (!LIBPQ_OPTIONS.has(key)) url.searchParams.delete(key);
  }
  return {
    dbname: url.toString(),
    env: { ...process.env, ...(password ? { PGPASSWORD: password } : {}) },
  };
}

function run(program: string, args: string[], env: NodeJS.ProcessEnv) {
  const result = spawnSync(program, args, { env, encoding: "utf8" });
  if (result.error) throw result.error;
  if (result.status !== 0) {
    throw new Error(`${path.basename(program)} failed: ${result.stderr.trim() || result.status}`);
  }
  return result.stdout;
}

/**
 * Writes a consistent backup of the database to `file` (which must not exist). The file appears
 * only when it is whole: it is written beside it first and renamed.
 */
export function backupDatabase(
  databaseUrl: string,
  file: string,
): { engine: Engine; bytes: number } {
  const engine = engineOf(databaseUrl);
  const target = path.resolve(file);
  if (fs.existsSync(target)) {
    throw new Error(
      `${target} exists already; a backup never overwrites a file. Choose a new name.`,
    );
  }
  fs.mkdirSync(path.dirname(target), { recursive: true });
  const partial = `${target}.partial`;
  fs.rmSync(partial, { force: true });
  try {
    if (engine === "sqlite") {
      const source = databaseFileOf(databaseUrl);
      if (!fs.existsSync(source)) throw new Error(`There is no SQLite database at ${source}.`);
      const sqlite = new Database(source, { readonly: true, fileMustExist: true, timeout: 30_000 });
      try {
        sqlite.prepare("VACUUM INTO ?").run(partial);
      } finally {
        sqlite.close();
      }
    } else {
      const { dbname, env } = libpqConnection(databaseUrl);
      run(postgresTool("pg_dump"), ["--format=custom", "--file", partial, "--dbname", dbname], env);
    }
    fs.renameSync(partial, target);
  } catch (error) {
    fs.rmSync(partial, { force: true });
    throw error;
  }
  return { engine, bytes: fs.statSync(target).size };
}

/** The migrations a backup was made at, read from the file itself before anything is restored. */
export function backupMigrations(file: string): string[] {
  if (backupEngineOf(file) === "sqlite") {
    const sqlite = new Database(file, { readonly: true, fileMustExist: true });
    try {
      return (
        sqlite
          .prepare(
            "SELECT migration_name FROM _prisma_migrations WHERE rolled_back_at IS NULL AND finished_at IS NOT NULL ORDER BY migration_name",
          )
          .all() as { migration_name: string }[]
      ).map((row) => row.migration_name);
    } finally {
      sqlite.close();
    }
  }
  // The archive's rows of that one table, as COPY text: a header naming the columns, then rows.
  const text = run(
    postgresTool("pg_restore"),
    ["--data-only", "--table=_prisma_migrations", "--file=-", file],
    process.env,
  );
  const lines = text.split("\n");
  const header = lines.findIndex((line) => /^COPY \S*_prisma_migrations"? \(/.test(line));
  if (header < 0)
    throw new Error(`${file} holds no migration history; it is not a Tsunagu backup.`);
  const columns = /\((.*)\) FROM stdin;$/
    .exec(lines[header]!)![1]!
    .split(",")
    .map((c) => c.trim());
  const at = (name: string) => columns.indexOf(name);
  const names: string[] = [];
  for (const line of lines.slice(header + 1)) {
    if (line === "\\.") break;
    const fields = line.split("\t");
    if (fields[at("rolled_back_at")] !== "\\N" || fields[at("finished_at")] === "\\N") continue;
    names.push(fields[at("migration_name")]!);
  }
  return names.sort();
}

async function postgresTables(databaseUrl: string): Promise<string[]> {
  await createDatabase(databaseUrl);
  const client = new pg.Client({ connectionString: connectionStringOf(databaseUrl) });
  await client.connect();
  try {
    const { rows } = await client.query<{ name: string }>(
      "SELECT tablename AS name FROM pg_tables WHERE schemaname = current_schema()",
    );
    return rows.map((row) => row.name);
  } finally {
    await client.end();
  }
}

function sqliteTables(file: string): string[] {
  if (!fs.existsSync(file) || fs.statSync(file).size === 0) return [];
  const sqlite = new Database(file, { readonly: true });
  try {
    return (
      sqlite
        .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")
        .all() as { name: string }[]
    ).map((row) => row.name);
  } finally {
    sqlite.close();
  }
}

export type RestoreResult = { engine: Engine; migrated: string[] };

/**
 * Restores a backup into an empty database (a new SQLite file, or a PostgreSQL database with no
 * tables, created if missing), then applies this release's migrations the backup predates. It
 * refuses, before writing anything: a backup of the other engine, a backup with migrations this
 * release does not know, and a database that has any table.
 */
export async function restoreDatabase(
  file: string,
  databaseUrl: string,
  log: (line: string) => void = () => {},
): Promise<RestoreResult> {
  if (!fs.existsSync(file)) throw new Error(`There is no backup at ${path.resolve(file)}.`);
  const engine = engineOf(databaseUrl);
  const from = backupEngineOf(file);
  if (from !== engine) {
    throw new Error(
      `${file} is a ${engineName(from)} backup, but DATABASE_URL names a ${engineName(engine)} database. Restore it into a ${engineName(from)} database, then move it with \`npm run db:copy\`.`,
    );
  }
  const known = knownMigrationNames();
  const newer = backupMigrations(file).filter((name) => !known.has(name));
  if (newer.length > 0) {
    throw new Error(
      `The backup was made by a newer release (migrations ${newer.join(", ")} are unknown here). Restore it with that release or a later one.`,
    );
  }
  if (engine === "sqlite") {
    const target = databaseFileOf(databaseUrl);
    const tables = sqliteTables(target);
    if (tables.length > 0) {
      throw new Error(
        `${target} already holds a database (${tables.length} tables). Restore into a new file (or move this one away first); nothing was changed.`,
      );
    }
    fs.mkdirSync(path.dirname(target), { recursive: true });
    for (const suffix of ["-wal", "-shm"]) fs.rmSync(target + suffix, { force: true });
    fs.copyFileSync(file, `${target}.partial`);
    fs.renameSync(`${target}.partial`, target);
  } else {
    const tables = await postgresTables(databaseUrl);
    if (tables.length > 0) {
      throw new Error(
        `The PostgreSQL database already has ${tables.length} tables. Restore into a new, empty database (it is created if missing); nothing was changed.`,
      );
    }
    const { dbname, env } = libpqConnection(databaseUrl);
    run(
      postgresTool("pg_restore"),
      [
        "--single-transaction",
        "--exit-on-error",
        "--no-owner",
        "--no-privileges",
        "--dbname",
        dbname,
        file,
      ],
      env,
    );
  }
  log(`Restored the ${engineName(engine)} backup ${file}`);
  // Also puts a SQLite file in WAL mode, as every process that opens it expects.
  const migrated = await prepareDatabase(databaseUrl, { log });
  return { engine, migrated };
}
