/**
 * The PostgreSQL schema and migrations are generated from the SQLite ones, which stay the source
 * of truth (docs/decisions/0018-postgresql-engine.md). Prisma allows one provider per schema, so
 * the PostgreSQL schema is the same models under another datasource and client folder.
 */
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

export const sqliteSchemaPath = path.join("prisma", "schema.prisma");
export const sqliteMigrationsDir = path.join("prisma", "migrations");
export const postgresDir = path.join("prisma", "postgresql");
export const postgresSchemaPath = path.join(postgresDir, "schema.prisma");
export const postgresMigrationsDir = path.join(postgresDir, "migrations");
export const snapshotName = "schema.prisma";

const header = `// Generated from prisma/schema.prisma by \`npm run db:migration\`; do not edit by hand.
// The SQLite schema is the source of truth (docs/decisions/0018-postgresql-engine.md).
`;

/** The PostgreSQL twin of a SQLite schema's text. */
export function postgresSchemaOf(sqliteSchema: string): string {
  const datasource = /datasource db \{[^}]*provider\s*=\s*"sqlite"/;
  const output = /output(\s*)=\s*"\.\.\/app\/generated\/prisma"/;
  if (!datasource.test(sqliteSchema) || !output.test(sqliteSchema)) {
    throw new Error("prisma/schema.prisma no longer has the datasource or output this expects.");
  }
  return (
    header +
    sqliteSchema
      .replace(datasource, (match) => match.replace('"sqlite"', '"postgresql"'))
      // One folder deeper, and its own client: a generated client serves one provider only.
      .replace(output, 'output$1= "../../app/generated/prisma-postgres"')
  );
}

const prismaBin = path.join("node_modules", ".bin", "prisma");

/** `prisma migrate diff` between two schema files (or from empty), as a SQL script. */
export function diffScript(from: string | null, to: string): string {
  const fromArgs = from ? ["--from-schema-datamodel", from] : ["--from-empty"];
  // The CLI opens prisma.config.ts's adapter even for a diff of two files; give it a scratch
  // SQLite file, so a fresh clone (no data/ folder) and a PostgreSQL DATABASE_URL both work.
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), "tsunagu-diff-"));
  try {
    return execFileSync(
      prismaBin,
      ["migrate", "diff", ...fromArgs, "--to-schema-datamodel", to, "--script"],
      {
        encoding: "utf8",
        stdio: ["ignore", "pipe", "inherit"],
        env: { ...process.env, DATABASE_URL: `file:${path.join(scratch, "diff.db")}` },
      },
    );
  } finally {
    fs.rmSync(scratch, { recursive: true, force: true });
  }
}

/** Whether a diff script changes anything (Prisma prints a comment for an empty diff). */
export const changesSomething = (script: string) =>
  /^\s*(CREATE|ALTER|DROP|INSERT|PRAGMA|UPDATE|DELETE)/im.test(script);

/**
 * The PostgreSQL migration for one SQLite migration: the diff between the PostgreSQL twins of the
 * SQLite snapshots before and after it.
 */
export function postgresMigrationFor(previousSnapshot: string | null, snapshot: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "tsunagu-pg-schema-"));
  try {
    const twin = (file: string, name: string) => {
      const target = path.join(dir, name);
      fs.writeFileSync(target, postgresSchemaOf(fs.readFileSync(file, "utf8")));
      return target;
    };
    const to = twin(snapshot, "to.prisma");
    const from = previousSnapshot ? twin(previousSnapshot, "from.prisma") : null;
    return diffScript(from, to);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** The SQLite migration folders, oldest first. */
export function sqliteMigrationNames(): string[] {
  return fs
    .readdirSync(sqliteMigrationsDir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();
}

/**
 * Writes the PostgreSQL schema and every PostgreSQL migration that is missing, one per SQLite
 * migration and under the same name. Returns the names written.
 */
export function syncPostgres(): string[] {
  fs.mkdirSync(postgresMigrationsDir, { recursive: true });
  fs.writeFileSync(postgresSchemaPath, postgresSchemaOf(fs.readFileSync(sqliteSchemaPath, "utf8")));
  const lock = path.join(postgresMigrationsDir, "migration_lock.toml");
  if (!fs.existsSync(lock)) fs.writeFileSync(lock, 'provider = "postgresql"\n');
  const written: string[] = [];
  let previous: string | null = null;
  for (const name of sqliteMigrationNames()) {
    const snapshot = path.join(sqliteMigrationsDir, name, snapshotName);
    const folder = path.join(postgresMigrationsDir, name);
    if (!fs.existsSync(path.join(folder, "migration.sql"))) {
      fs.mkdirSync(folder, { recursive: true });
      fs.writeFileSync(
        path.join(folder, "migration.sql"),
        postgresMigrationFor(previous, snapshot),
      );
      written.push(name);
    }
    previous = snapshot;
  }
  return written;
}
