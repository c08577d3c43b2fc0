/**
 * Gives an existing account a role:  npm run user:role -- <email> member|organizer|admin
 * Uses DATABASE_URL like the server (default file:./data/tsunagu.db). The change is recorded
 * as made from the command line and shown on /admin/people.
 */
import path from "node:path";
import { pathToFileURL } from "node:url";
import { changeRole } from "~/accounts/roles.server";
import { isRole, roles, type Role } from "~/accounts/roles";
import { createDb } from "~/db.server";
import { env } from "~/env.server";

export async function runRoleCommand(email: string | undefined, role: string | undefined) {
  if (!email || !isRole(role)) {
    console.error(`Usage: npm run user:role -- <email> ${roles.join("|")}`);
    return 1;
  }
  const db = createDb(env().DATABASE_URL);
  try {
    const outcome = await changeRole(db, { email, role: role as Role, changedById: null });
    if (!outcome.ok) {
      console.error(
        outcome.error === "adminPeople.lastAdmin"
          ? `${email} is the only admin. Make someone else an admin first.`
          : `No account uses ${email}. Sign up first, then run this again.`,
      );
      return 1;
    }
    const who = `${outcome.user.displayName} <${outcome.user.email}>`;
    console.log(
      outcome.changed
        ? `${who} is now ${outcome.to} (was ${outcome.from}).`
        : `${who} already is ${outcome.to}; nothing changed.`,
    );
    return 0;
  } finally {
    await db.$disconnect();
  }
}

// Run as a command, not when user-admin.ts imports it.
if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  process.exitCode = await runRoleCommand(process.argv[2], process.argv[3]);
}
