import { type Db, writeTransaction } from "~/db.server";
import type { RsvpChange } from "~/events/changes";
import { cancelInTransaction } from "~/events/rsvp.server";
import { openStatuses } from "~/mentorship/codes";
import type { MentoringChange } from "~/mentorship/changes";
import { enqueueMentoringMessages } from "~/notifications/change-messages.server";
import { recordAudit } from "./audit.server";

import type { SuspensionReason } from "./suspension-reasons";

export type SuspendOutcome =
  | { ok: true; rsvps: RsvpChange[]; matches: MentoringChange[] }
  | { ok: false; error: "suspend.notFound" | "suspend.notYourself" | "suspend.already" };

/**
 * Suspends an account in one transaction: it can no longer log in (the session lookup ignores
 * suspended accounts, so every way in is closed, including reset and sign-up links), its
 * sessions end, its upcoming answers are cancelled through the normal path (the waiting list
 * moves up in order, with its emails), and its mentoring proposals and matches end with the
 * usual "this match has ended" email to the other person only; the pool leaves it out from now.
 */
export async function suspendAccount(
  db: Db,
  adminId: string,
  userId: string,
  reason: SuspensionReason,
  now = new Date(),
): Promise<SuspendOutcome> {
  if (adminId === userId) return { ok: false, error: "suspend.notYourself" };
  return writeTransaction(db, async (tx) => {
    const user = await tx.user.findUnique({
      where: { id: userId },
      select: { id: true, suspendedAt: true },
    });
    if (!user) return { ok: false as const, error: "suspend.notFound" as const };
    if (user.suspendedAt) return { ok: false as const, error: "suspend.already" as const };
    await tx.user.update({
      where: { id: userId },
      data: { suspendedAt: now, suspendedReason: reason },
    });
    await tx.session.deleteMany({ where: { userId } });

    const upcoming = await tx.rsvp.findMany({
      where: {
        userId,
        status: { in: ["going", "waitlisted"] },
        event: { status: "scheduled", startsAt: { gt: now } },
      },
      select: { eventId: true },
    });
    const rsvps: RsvpChange[] = [];
    for (const { eventId } of upcoming) {
      const outcome = await cancelInTransaction(tx, { eventId, userId }, now);
      if (outcome.ok) rsvps.push(...outcome.changes);
    }

    await tx.mentoringMatch.deleteMany({
      where: { status: "draft", OR: [{ menteeId: userId }, { mentorId: userId }] },
    });
    const open = await tx.mentoringMatch.findMany({
      where: {
        status: { in: [...openStatuses] },
        OR: [{ menteeId: userId }, { mentorId: userId }],
      },
      select: { id: true, menteeId: true, mentorId: true },
    });
    const matches: MentoringChange[] = [];
    for (const match of open) {
      const { count } = await tx.mentoringMatch.updateMany({
        where: { id: match.id, status: { in: [...openStatuses] } },
        data: { status: "ended", endedAt: now, endedBy: "organizer" },
      });
      if (count === 1)
        matches.push({
          kind: "ended",
          matchId: match.id,
          userIds: [match.menteeId, match.mentorId],
        });
    }
    // The suspended person is left out of the emails, as an actor would be.
    await enqueueMentoringMessages(tx, matches, userId);
    await recordAudit(tx, {
      action: "account.suspended",
      actorId: adminId,
      subjectId: userId,
      detail: reason,
    });
    return { ok: true as const, rsvps, matches };
  });
}

/** Restores the log-in only: cancelled seats and ended matches stay as they are. */
export async function unsuspendAccount(db: Db, adminId: string, userId: string): Promise<boolean> {
  return writeTransaction(db, async (tx) => {
    const { count } = await tx.user.updateMany({
      where: { id: userId, suspendedAt: { not: null } },
      data: { suspendedAt: null, suspendedReason: "" },
    });
    if (count !== 1) return false;
    await recordAudit(tx, { action: "account.unsuspended", actorId: adminId, subjectId: userId });
    return true;
  });
}

/** Whether this account may log in (checked after the password, so only its owner learns it). */
export async function isSuspended(db: Db, userId: string): Promise<boolean> {
  const user = await db.user.findUnique({ where: { id: userId }, select: { suspendedAt: true } });
  return user?.suspendedAt != null;
}
