import type { Db } from "~/db.server";

const SHOWN_FAILURES = 50;

/** What admins need to see about delivery: how many emails are in each state, and what gave up. */
export async function deliveryOverview(db: Db) {
  const [groups, failed] = await Promise.all([
    db.outboxMessage.groupBy({ by: ["status"], _count: true }),
    db.outboxMessage.findMany({
      where: { status: "failed" },
      orderBy: { updatedAt: "desc" },
      take: SHOWN_FAILURES,
      select: {
        id: true,
        kind: true,
        attempts: true,
        lastError: true,
        createdAt: true,
        user: { select: { email: true } },
      },
    }),
  ]);
  const counts = { pending: 0, sent: 0, skipped: 0, failed: 0 };
  for (const group of groups) {
    if (group.status in counts) counts[group.status as keyof typeof counts] = group._count;
  }
  return {
    counts,
    failed: failed.map((m) => ({
      id: m.id,
      kind: m.kind,
      to: m.user.email,
      attempts: m.attempts,
      lastError: m.lastError,
      createdAt: m.createdAt,
    })),
  };
}

/** Gives a failed message a fresh set of tries, e.g. after the mail settings were fixed. */
export async function retryFailedMessage(db: Db, id: string, now = new Date()): Promise<boolean> {
  const { count } = await db.outboxMessage.updateMany({
    where: { id, status: "failed" },
    data: { status: "pending", attempts: 0, nextAttemptAt: now, leaseUntil: null },
  });
  return count === 1;
}
