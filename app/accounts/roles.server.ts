import { accountIdsMatching } from "~/accounts/account-search.server";
import { type Db, writeTransaction } from "~/db.server";
import { normalizeEmail } from "./accounts.server";
import { isRole, type Role } from "./roles";

export type RoleChangeOutcome =
  | {
      ok: true;
      changed: boolean;
      user: { id: string; email: string; displayName: string };
      from: Role;
      to: Role;
    }
  | { ok: false; error: "adminPeople.notFound" | "adminPeople.lastAdmin" };

/**
 * Gives someone a role and records who did it. Sessions read the role on every request, so
 * the change applies from the person's next page. The last admin cannot be made anything
 * else: nobody would be left to manage people (the command line could still, but need not).
 */
export async function changeRole(
  db: Db,
  input: ({ userId: string } | { email: string }) & {
    role: Role;
    /** The admin making the change; null for `npm run user:role`. */
    changedById: string | null;
  },
): Promise<RoleChangeOutcome> {
  // Transactions run one at a time on SQLite, so two admins demoting each other at once
  // cannot both pass the last-admin check.
  return writeTransaction(db, async (tx) => {
    const user = await tx.user.findUnique({
      where: "userId" in input ? { id: input.userId } : { email: normalizeEmail(input.email) },
      select: { id: true, email: true, displayName: true, role: true },
    });
    if (!user) return { ok: false, error: "adminPeople.notFound" };
    const from: Role = isRole(user.role) ? user.role : "member";
    const person = { id: user.id, email: user.email, displayName: user.displayName };
    if (from === input.role) return { ok: true, changed: false, user: person, from, to: from };
    if (from === "admin") {
      const otherAdmins = await tx.user.count({ where: { role: "admin", id: { not: user.id } } });
      if (otherAdmins === 0) return { ok: false, error: "adminPeople.lastAdmin" };
    }
    await tx.user.update({ where: { id: user.id }, data: { role: input.role } });
    await tx.roleChange.create({
      data: {
        userId: user.id,
        fromRole: from,
        toRole: input.role,
        changedById: input.changedById,
        byCommandLine: input.changedById === null,
      },
    });
    return { ok: true, changed: true, user: person, from, to: input.role };
  });
}

const SHOWN = 20;

/**
 * People for the admin page: those whose name or email contains the search, or, without one,
 * everyone who has a role beyond member.
 */
export async function findPeople(db: Db, query: string) {
  const q = query.trim();
  const people = await db.user.findMany({
    where: q
      ? { id: { in: await accountIdsMatching(db, q, SHOWN + 1) } }
      : { role: { in: ["organizer", "admin"] } },
    orderBy: [{ displayName: "asc" }, { email: "asc" }],
    take: SHOWN + 1,
    select: {
      id: true,
      displayName: true,
      email: true,
      role: true,
      emailVerifiedAt: true,
      suspendedAt: true,
    },
  });
  return {
    people: people.slice(0, SHOWN).map(({ emailVerifiedAt, suspendedAt, role, ...person }) => ({
      ...person,
      suspended: suspendedAt !== null,
      role: isRole(role) ? role : ("member" as Role),
      confirmed: emailVerifiedAt !== null,
    })),
    more: people.length > SHOWN,
  };
}

/** The newest role changes, with who made them. */
export async function recentRoleChanges(db: Db, take = SHOWN) {
  const rows = await db.roleChange.findMany({
    orderBy: { createdAt: "desc" },
    take,
    select: {
      id: true,
      fromRole: true,
      toRole: true,
      byCommandLine: true,
      createdAt: true,
      user: { select: { displayName: true, email: true } },
      changedBy: { select: { displayName: true } },
    },
  });
  return rows.map((row) => ({
    id: row.id,
    person: row.user.displayName,
    email: row.user.email,
    from: isRole(row.fromRole) ? row.fromRole : ("member" as Role),
    to: isRole(row.toRole) ? row.toRole : ("member" as Role),
    by: row.byCommandLine
      ? ({ kind: "commandLine" } as const)
      : row.changedBy
        ? ({ kind: "admin", name: row.changedBy.displayName } as const)
        : ({ kind: "deleted" } as const),
    at: row.createdAt,
  }));
}
