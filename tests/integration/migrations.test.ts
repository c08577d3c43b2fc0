import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { describe, expect, it } from "vitest";
import { projectRoot, tmpDir } from "../support/paths";

/**
 * The schema as SQLite understands it: per table its columns (by name: ALTER TABLE appends
 * where a fresh CREATE TABLE would not), indexes with their columns, and foreign keys.
 */
function schemaOf(file: string) {
  const sqlite = new Database(file, { readonly: true });
  try {
    const tables = sqlite
      .prepare(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name != '_prisma_migrations' ORDER BY name",
      )
      .all() as { name: string }[];
    return tables.map(({ name }) => ({
      table: name,
      columns: (sqlite.pragma(`table_info("${name}")`) as { name: string; cid?: number }[])
        .map(({ cid: _position, ...column }) => column)
        .sort((a, b) => a.name.localeCompare(b.name)),
      indexes: (
        sqlite.pragma(`index_list("${name}")`) as { name: string; unique: number; origin: string }[]
      )
        .map((index) => ({
          name: index.name,
          unique: index.unique,
          origin: index.origin,
          columns: (sqlite.pragma(`index_info("${index.name}")`) as { name: string }[]).map(
            (c) => c.name,
          ),
        }))
        .sort((a, b) => a.name.localeCompare(b.name)),
      foreignKeys: sqlite.pragma(`foreign_key_list("${name}")`),
    }));
  } finally {
    sqlite.close();
  }
}

const prisma = path.join(projectRoot, "node_modules", ".bin", "prisma");
const migrationsDir = path.join(projectRoot, "prisma", "migrations");

describe("migrations", () => {
  it("applied to an empty database give exactly the schema of prisma/schema.prisma", () => {
    // This file's database is a copy of the base, built by our migration runner alone.
    const migrated = process.env.DATABASE_URL!.replace(/^file:/, "");
    const expectedSql = execFileSync(
      prisma,
      [
        "migrate",
        "diff",
        "--from-empty",
        "--to-schema-datamodel",
        "prisma/schema.prisma",
        "--script",
      ],
      { cwd: projectRoot, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] },
    );
    const fromSchema = path.join(tmpDir, `from-schema-${crypto.randomUUID()}.db`);
    const sqlite = new Database(fromSchema);
    sqlite.exec(expectedSql);
    sqlite.close();
    try {
      const actual = schemaOf(migrated);
      expect(actual.length).toBeGreaterThan(4);
      expect(actual).toEqual(schemaOf(fromSchema));
    } finally {
      fs.rmSync(fromSchema, { force: true });
    }
  });

  it("has a migration for the current schema (the newest snapshot matches it)", () => {
    const newest = fs
      .readdirSync(migrationsDir, { withFileTypes: true })
      .filter((entry) => entry.isDirectory())
      .map((entry) => entry.name)
      .sort()
      .at(-1)!;
    const snapshot = fs.readFileSync(path.join(migrationsDir, newest, "schema.prisma"), "utf8");
    const current = fs.readFileSync(path.join(projectRoot, "prisma", "schema.prisma"), "utf8");
    expect(current, "prisma/schema.prisma changed: run `npm run db:migration -- <name>`").toBe(
      snapshot,
    );
  });

  it("leaves the database in WAL mode", () => {
    const sqlite = new Database(process.env.DATABASE_URL!.replace(/^file:/, ""), {
      readonly: true,
    });
    expect(sqlite.pragma("journal_mode", { simple: true })).toBe("wal");
    sqlite.close();
  });
});
