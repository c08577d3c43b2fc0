import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { engineOf } from "../../server/database.js";
import { prepareDatabase } from "../../server/database.js";
import { dropPostgresDatabase, freshTestDatabase, type TestDatabase } from "./database";
import { tmpDir } from "./paths";

/**
 * A database with no tables at all, of the same engine and on the same server as `beside` (a
 * test database): what db:restore and db:copy are given. A PostgreSQL one is only named here
 * (restore and copy create it); its name extends the test database's, so the run's clean-up
 * finds it too.
 */
export function emptyDatabaseBeside(beside: string): TestDatabase {
  const id = crypto.randomUUID().slice(0, 6);
  if (engineOf(beside) === "sqlite") {
    const file = beside.replace(/^file:/, "").replace(/\.db$/, `-empty${id}.db`);
    return {
      url: `file:${file}`,
      remove: async () => {
        for (const suffix of ["", "-wal", "-shm", ".partial"])
          fs.rmSync(file + suffix, { force: true });
      },
    };
  }
  const url = new URL(beside);
  const name = `${url.pathname.slice(1)}_e${id}`.slice(0, 63);
  url.pathname = `/${name}`;
  return { url: url.toString(), remove: () => dropPostgresDatabase(name) };
}

/** A migrated SQLite database whatever engine the run tests: db:copy's usual source. */
export async function freshSqliteDatabase(label: string): Promise<TestDatabase> {
  fs.mkdirSync(tmpDir, { recursive: true });
  const file = path.join(tmpDir, `${label}-${crypto.randomUUID().slice(0, 12)}.db`);
  await prepareDatabase(`file:${file}`);
  return {
    url: `file:${file}`,
    remove: async () => {
      for (const suffix of ["", "-wal", "-shm"]) fs.rmSync(file + suffix, { force: true });
    },
  };
}

export { freshTestDatabase };
