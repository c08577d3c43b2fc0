import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { describe, expect, it } from "vitest";
import { authenticate, createAccount } from "~/accounts/accounts.server";
import { createDb } from "~/db.server";
import { projectRoot, tmpDir } from "../support/paths";

const migrationsDir = path.join(projectRoot, "prisma", "migrations");
const migrations = fs
  .readdirSync(migrationsDir, { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name)
  .sort();
const confirmation = migrations.findIndex((name) => name.endsWith("_signup_confirmation"));

describe("the sign-up confirmation migration", () => {
  it("keeps every existing account able to log in", async () => {
    expect(confirmation).toBeGreaterThan(0);
    const file = path.join(tmpDir, `before-confirmation-${crypto.randomUUID()}.db`);
    const sqlite = new Database(file);
    const apply = (name: string) =>
      sqlite.exec(fs.readFileSync(path.join(migrationsDir, name, "migration.sql"), "utf8"));
    try {
      migrations.slice(0, confirmation).forEach(apply);
    } finally {
      sqlite.close();
    }

    // An account made by the app as it was before this migration.
    const before = createDb(`file:${file}`);
    try {
      await before.$executeRawUnsafe(
        `INSERT INTO "User" ("id", "email", "displayName", "passwordHash", "createdAt", "updatedAt")
         VALUES ('old-1', 'old@example.com', 'Old', 'x', '2026-11-25 10:00:00', '2026-11-25 10:00:00')`,
      );
    } finally {
      await before.$disconnect();
    }
    const reopened = new Database(file);
    try {
      migrations
        .slice(confirmation)
        .forEach((name) =>
          reopened.exec(fs.readFileSync(path.join(migrationsDir, name, "migration.sql"), "utf8")),
        );
    } finally {
      reopened.close();
    }

    const after = createDb(`file:${file}`);
    try {
      const old = await after.user.findUniqueOrThrow({ where: { id: "old-1" } });
      expect(old.emailVerifiedAt).toEqual(old.createdAt);
      // And through the real log-in check, with a real password.
      const made = await createAccount(after, {
        email: "made@example.com",
        password: "a long passphrase",
        displayName: "Made",
        locale: "en",
      });
      if (!made.ok) throw new Error("could not create");
      const hash = (await after.user.findUniqueOrThrow({ where: { id: made.user.id } }))
        .passwordHash;
      await after.user.update({ where: { id: "old-1" }, data: { passwordHash: hash } });
      expect(await authenticate(after, "old@example.com", "a long passphrase")).toMatchObject({
        id: "old-1",
        confirmed: true,
      });
    } finally {
      await after.$disconnect();
      for (const suffix of ["", "-wal", "-shm"]) fs.rmSync(file + suffix, { force: true });
    }
  });
});
