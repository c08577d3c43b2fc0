import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import {
  postgresMigrationFor,
  postgresMigrationsDir,
  postgresSchemaOf,
  postgresSchemaPath,
  snapshotName,
  sqliteMigrationNames,
  sqliteMigrationsDir,
  sqliteSchemaPath,
} from "../../scripts/lib/postgres-schema";
import { projectRoot } from "../support/paths";

/**
 * The PostgreSQL schema and migrations are generated from the SQLite ones (`npm run
 * db:migration`); a hand edit on either side, or a SQLite migration committed without running the
 * command, fails here without a PostgreSQL server.
 */
const read = (file: string) => fs.readFileSync(path.join(projectRoot, file), "utf8");
const folders = (dir: string) =>
  fs
    .readdirSync(path.join(projectRoot, dir), { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();

describe("the PostgreSQL schema and migrations", () => {
  it("are the generated twin of prisma/schema.prisma", () => {
    expect(read(postgresSchemaPath)).toBe(postgresSchemaOf(read(sqliteSchemaPath)));
  });

  it("have one migration per SQLite migration, of the same name, and no other", () => {
    const sqlite = folders(sqliteMigrationsDir);
    expect(sqlite.length).toBeGreaterThan(0);
    expect(folders(postgresMigrationsDir)).toEqual(sqlite);
    for (const name of sqlite) {
      expect(
        fs.existsSync(path.join(projectRoot, postgresMigrationsDir, name, "migration.sql")),
      ).toBe(true);
    }
  });

  it("end with the migration generated from the two newest SQLite snapshots", () => {
    const names = sqliteMigrationNames();
    const snapshot = (name: string) => path.join(sqliteMigrationsDir, name, snapshotName);
    const newest = names.at(-1)!;
    const previous = names.length > 1 ? snapshot(names.at(-2)!) : null;
    const committed = read(path.join(postgresMigrationsDir, newest, "migration.sql"));
    expect(committed).toBe(postgresMigrationFor(previous, snapshot(newest)));
  }, 60_000);
});
