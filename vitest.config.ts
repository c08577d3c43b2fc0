import path from "node:path";
import { configDefaults, defineConfig } from "vitest/config";

const alias = { "~": path.resolve(import.meta.dirname, "app") };

// `npm run test:postgres` sets TEST_DATABASE=postgresql (tests/support/database.ts) and runs the
// integration and e2e projects on a PostgreSQL server. Files about SQLite itself do not run
// there; PostgreSQL has its own migration tests instead, which need a server and run only there.
const onPostgres = process.env.TEST_DATABASE === "postgresql";
const sqliteOnly = [
  // WAL mode and the SQLite migration runner.
  "tests/integration/migrations.test.ts",
  // Upgrades SQLite files written before a migration.
  "tests/integration/migration-existing-accounts.test.ts",
];
const postgresOnly = ["tests/integration/postgres-migrations.test.ts"];

export default defineConfig({
  resolve: { alias },
  test: {
    globals: true,
    reporters: ["default", "./tests/support/summary-reporter.ts"],
    projects: [
      {
        resolve: { alias },
        test: {
          name: "unit",
          include: ["tests/unit/**/*.test.ts"],
          environment: "node",
          // Some unit tests lint every component or walk thousands of inputs; on a busy machine
          // they take longer than Vitest's 5 s default without anything being wrong.
          testTimeout: 30_000,
        },
      },
      {
        resolve: { alias },
        test: {
          name: "integration",
          include: ["tests/integration/**/*.test.ts"],
          // Per project: a project does not inherit the root's exclude.
          exclude: [...configDefaults.exclude, ...(onPostgres ? sqliteOnly : postgresOnly)],
          environment: "node",
          globalSetup: ["tests/support/integration-global-setup.ts"],
          setupFiles: ["tests/support/integration-setup.ts"],
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
      {
        resolve: { alias },
        test: {
          name: "e2e",
          include: ["tests/e2e/**/*.test.ts"],
          environment: "node",
          // One browser and one server per file; files run one after another.
          fileParallelism: false,
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
    ],
  },
});
