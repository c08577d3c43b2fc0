import fs from "node:fs";
import path from "node:path";
import { afterAll } from "vitest";
import { baseDbPath, tmpDir } from "./paths";

// Runs before each test file: a private copy of the migrated base database, so files never
// share rows and need no clean-up between them.
const copy = path.join(
  tmpDir,
  `test-${process.env.VITEST_POOL_ID ?? "0"}-${crypto.randomUUID()}.db`,
);
fs.copyFileSync(baseDbPath, copy);
process.env.DATABASE_URL = `file:${copy}`;
process.env.TSUNAGU_MODE = "development";

const shared = globalThis as { tsunaguDb?: { $disconnect(): Promise<void> } };
shared.tsunaguDb = undefined;

afterAll(async () => {
  await shared.tsunaguDb?.$disconnect();
  shared.tsunaguDb = undefined;
  for (const suffix of ["", "-wal", "-shm"]) fs.rmSync(copy + suffix, { force: true });
});
