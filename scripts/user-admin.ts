/**
 * Promotes an existing account to admin:  npm run user:admin -- <email>
 * Uses DATABASE_URL like the server (default file:./data/tsunagu.db).
 */
import { setRole } from "~/accounts/accounts.server";
import { createDb } from "~/db.server";
import { env } from "~/env.server";

const email = process.argv[2];
if (!email) {
  console.error("Usage: npm run user:admin -- <email>");
  process.exit(1);
}
const db = createDb(env().DATABASE_URL);
try {
  const user = await setRole(db, email, "admin");
  if (!user) {
    console.error(`No account uses ${email}. Sign up first, then run this again.`);
    process.exitCode = 1;
  } else {
    console.log(`${user.displayName} <${user.email}> is now an admin.`);
  }
} finally {
  await db.$disconnect();
}
