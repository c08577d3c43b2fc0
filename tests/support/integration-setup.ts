import { afterAll } from "vitest";
import { freshTestDatabase } from "./database";

// Runs before each test file: a private copy of the migrated base database, so files never
// share rows and need no clean-up between them.
const database = await freshTestDatabase(`test${process.env.VITEST_POOL_ID ?? "0"}`);
process.env.DATABASE_URL = database.url;
process.env.TSUNAGU_MODE = "development";

const shared = globalThis as { tsunaguDb?: { $disconnect(): Promise<void> } };
shared.tsunaguDb = undefined;

afterAll(async () => {
  await shared.tsunaguDb?.$disconnect();
  shared.tsunaguDb = undefined;
  await database.remove();
});
