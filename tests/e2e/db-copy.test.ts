import { afterAll, describe, expect, it } from "vitest";
import { createDb } from "~/db.server";
import { demoPassword, demoPeople, seedDemo } from "../../scripts/demo-seed";
import { freshTestDatabase, testEngine, type TestDatabase } from "../support/database";
import { startServer, type RunningServer } from "../support/e2e";
import { emptyDatabaseBeside, freshSqliteDatabase } from "../support/empty-database";
import { logIn } from "../support/http";
import { runScript } from "../support/scripts";
import { post } from "../support/world";

// The built server on a database made by `npm run db:copy` from a group's SQLite file (on
// PostgreSQL in `npm run test:postgres`): README "Moving from SQLite to PostgreSQL", step 5.

const databases: TestDatabase[] = [];
let server: RunningServer | undefined;
afterAll(async () => {
  await server?.stop();
  for (const database of databases.reverse()) await database.remove();
});

describe(`the app on a database copied from SQLite to ${testEngine}`, () => {
  it("logs a demo person in and takes her RSVP", async () => {
    const source = await freshSqliteDatabase("copy-source");
    databases.push(source);
    const sourceDb = createDb(source.url);
    await seedDemo(sourceDb);
    await sourceDb.$disconnect();
    const beside = await freshTestDatabase("copy");
    const target = emptyDatabaseBeside(beside.url);
    databases.push(beside, target);

    const copy = await runScript("db-copy.ts", [source.url, target.url]);
    expect(copy.output).toContain("every table's row count and checksum match");

    server = await startServer({ databaseUrl: target.url });
    const member = demoPeople.find((person) => person.role === "member")!;
    const cookie = await logIn(server.url, member.email, demoPassword);

    const db = createDb(target.url);
    try {
      const user = await db.user.findUniqueOrThrow({ where: { email: member.email } });
      const event = await db.event.findFirstOrThrow({
        where: {
          status: "scheduled",
          womenOnly: false,
          startsAt: { gt: new Date() },
          rsvps: { none: { userId: user.id } },
        },
      });
      await post(
        server.url,
        `/events/${event.id}`,
        [
          ["intent", "going"],
          ["children", "0"],
          ["guests", "0"],
        ],
        cookie,
      );
      const rsvp = await db.rsvp.findUniqueOrThrow({
        where: { eventId_userId: { eventId: event.id, userId: user.id } },
      });
      expect(["going", "waitlisted"]).toContain(rsvp.status);
    } finally {
      await db.$disconnect();
    }
  }, 180_000);
});
