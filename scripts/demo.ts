/**
 * `npm run demo`: after the build, migrates and seeds a demo database, prints the logins and
 * serves the production build at http://localhost:3000 with the dev mailbox on.
 */
import { createDb } from "~/db.server";
import { prepareDatabase } from "../server/database.js";
import { demoPassword, demoPeople, seedDemo } from "./demo-seed";

process.env.NODE_ENV = "production";
process.env.TSUNAGU_MODE = "demo";
process.env.DATABASE_URL ??= "file:./data/demo.db";
process.env.PORT ??= "3000";
process.env.APP_URL ??= `http://localhost:${process.env.PORT}`;

await prepareDatabase(process.env.DATABASE_URL);
const db = createDb(process.env.DATABASE_URL);
const { created } = await seedDemo(db);
await db.$disconnect();

console.log(
  `\nTsunagu demo (${created} new demo accounts). Every demo account's password: ${demoPassword}`,
);
for (const person of demoPeople) {
  console.log(`  ${person.email.padEnd(26)} ${person.displayName} (${person.note})`);
}
console.log(`Emails are kept in the dev mailbox: ${process.env.APP_URL}/dev/mailbox\n`);

await import("../server.js");
