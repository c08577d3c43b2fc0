import { accountIdsMatching } from "~/accounts/account-search.server";
import { type Db, writeTransaction } from "~/db.server";

import type { Prisma } from "~/generated/prisma/client";
import { openStatuses } from "~/mentorship/codes";
import { enqueueMessages } from "~/notifications/outbox.server";
import { recordAudit } from "./audit.server";
import {
  alertKey,
  eventConflicts,
  hiddenOnCheckIn,
  type ApartPair,
  type RequestStatus,
} from "./keep-apart-rules";

type Tx = Prisma.TransactionClient;

/** Accounts no active rule protects from `otherId`: a Prisma condition on User. */
export function notProtectedFrom(otherId: string): Prisma.UserWhereInput {
  return { keepApartProtected: { none: { otherId, endedAt: null } } };
}

/** Accounts no active rule keeps away from `protectedId`: a Prisma condition on User. */
export function notKeptAwayFrom(protectedId: string): Prisma.UserWhereInput {
  return { keepApartOther: { none: { protectedId, endedAt: null } } };
}

/** Rules that hold now, for the pool, the alerts and the check-in screen. */
export async function activeRules(tx: Tx | Db): Promise<ApartPair[]> {
  return tx.keepApartRule.findMany({
    where: { endedAt: null },
    select: { id: true, protectedId: true, otherId: true },
  });
}

/**
 * The people a member may pick from instead of typing a name: everyone they have been
 * proposed to or matched with in mentoring (drafts are organizers' work and were never shown).
 */
export async function keepApartChoices(db: Db, userId: string) {
  const matches = await db.mentoringMatch.findMany({
    where: { status: { not: "draft" }, OR: [{ menteeId: userId }, { mentorId: userId }] },
    select: {
      menteeId: true,
      mentor: { select: { id: true, displayName: true } },
      mentee: { select: { id: true, displayName: true } },
    },
    orderBy: { createdAt: "desc" },
  });
  const people = new Map<string, string>();
  for (const m of matches) {
    const other = m.menteeId === userId ? m.mentor : m.mentee;
    people.set(other.id, other.displayName);
  }
  return [...people].map(([id, displayName]) => ({ id, displayName }));
}

export type KeepApartRequestInput = { namedUserId: string | null; details: string };

/**
 * A member asks, privately, to be kept away from someone. Only organizers read it; the person
 * named is never told, and a pick from the list must be one of the member's own choices.
 */
export async function requestKeepApart(
  db: Db,
  requesterId: string,
  input: KeepApartRequestInput,
): Promise<{ ok: true; id: string } | { ok: false; error: string }> {
  if (input.namedUserId) {
    const choices = await keepApartChoices(db, requesterId);
    if (!choices.some((c) => c.id === input.namedUserId))
      return { ok: false, error: "errors.invalidChoice" };
  } else if (!input.details.trim()) {
    return { ok: false, error: "keepApart.nameNeeded" };
  }
  return writeTransaction(db, async (tx) => {
    const request = await tx.keepApartRequest.create({
      data: { requesterId, namedUserId: input.namedUserId, details: input.details.trim() },
    });
    await recordAudit(tx, {
      action: "keep_apart.requested",
      actorId: requesterId,
      subjectId: requesterId,
      targetId: request.id,
    });
    return { ok: true as const, id: request.id };
  });
}

/** A member's own requests and where each stands; never the rules, which name the other person. */
export async function myKeepApartRequests(db: Db, userId: string) {
  return db.keepApartRequest.findMany({
    where: { requesterId: userId },
    orderBy: { createdAt: "desc" },
    select: {
      id: true,
      details: true,
      status: true,
      createdAt: true,
      namedUser: { select: { displayName: true } },
    },
  });
}

/**
 * Accounts an organizer may name in a rule, by name or email. Organizers already see names and
 * emails of people at their events; the search shows no more than that.
 */
export async function findAccounts(db: Db, query: string) {
  const q = query.trim();
  if (!q) return [];
  return db.user.findMany({
    where: { id: { in: await accountIdsMatching(db, q, 20) } },
    orderBy: [{ displayName: "asc" }, { email: "asc" }],
    take: 20,
    select: { id: true, displayName: true, email: true },
  });
}

const person = { select: { id: true, displayName: true, email: true } } as const;

/**
 * Everything /organize/safety shows: open requests first, the rules that hold (with any
 * mentoring pair between the two, which the organizer decides about), and ended rules.
 * `viewerId` never sees a request or rule that names them as the other person.
 */
export async function keepApartOverview(db: Db, viewerId: string, now = new Date()) {
  const [requests, rules] = await Promise.all([
    db.keepApartRequest.findMany({
      // Spelled out: SQL's NOT (x = ?) would also drop the requests that name nobody (NULL).
      where: { OR: [{ namedUserId: null }, { namedUserId: { not: viewerId } }] },
      orderBy: [{ createdAt: "desc" }],
      take: 50,
      select: {
        id: true,
        details: true,
        status: true,
        createdAt: true,
        requester: person,
        namedUser: person,
      },
    }),
    db.keepApartRule.findMany({
      where: { NOT: { otherId: viewerId } },
      orderBy: [{ endedAt: { sort: "desc", nulls: "first" } }, { createdAt: "desc" }],
      take: 100,
      select: {
        id: true,
        createdAt: true,
        endedAt: true,
        protected: person,
        other: person,
      },
    }),
  ]);
  const active = rules.filter((r) => r.endedAt === null);
  const pairs = active.map((r) => ({
    id: r.id,
    protectedId: r.protected.id,
    otherId: r.other.id,
  }));
  const [matches, alerts] = await Promise.all([
    pairs.length
      ? db.mentoringMatch.findMany({
          where: {
            status: { in: ["draft", ...openStatuses] },
            OR: pairs.flatMap((p) => [
              { menteeId: p.protectedId, mentorId: p.otherId },
              { menteeId: p.otherId, mentorId: p.protectedId },
            ]),
          },
          select: { id: true, menteeId: true, mentorId: true, status: true },
        })
      : [],
    keepApartAlerts(db, viewerId, now),
  ]);
  const statusOrder = { received: 0, acting: 1, closed: 2 } as Record<string, number>;
  return {
    requests: requests.sort((a, b) => (statusOrder[a.status] ?? 3) - (statusOrder[b.status] ?? 3)),
    rules: rules.map((r) => ({
      ...r,
      matches: matches
        .filter(
          (m) =>
            (m.menteeId === r.protected.id && m.mentorId === r.other.id) ||
            (m.menteeId === r.other.id && m.mentorId === r.protected.id),
        )
        .map((m) => ({ id: m.id, status: m.status })),
      events: r.endedAt ? [] : alerts.filter((a) => a.ruleId === r.id),
    })),
  };
}

/**
 * Records a rule between two accounts. Drafts pairing them are dropped at once; proposals and
 * active matches stay for the organizer to decide about (nobody is messaged from here).
 */
export async function recordRule(
  db: Db,
  organizerId: string,
  input: { protectedId: string; otherId: string; requestId: string | null },
): Promise<{ ok: true; id: string } | { ok: false; error: string }> {
  if (input.protectedId === input.otherId) return { ok: false, error: "keepApartOrg.samePerson" };
  return writeTransaction(db, async (tx) => {
    const found = await tx.user.count({
      where: { id: { in: [input.protectedId, input.otherId] } },
    });
    if (found !== 2) return { ok: false as const, error: "keepApartOrg.notFound" };
    if (input.requestId) {
      const request = await tx.keepApartRequest.findUnique({ where: { id: input.requestId } });
      if (!request) return { ok: false as const, error: "keepApartOrg.notFound" };
    }
    const existing = await activeRules(tx);
    const same = existing.find(
      (r) =>
        (r.protectedId === input.protectedId && r.otherId === input.otherId) ||
        (r.protectedId === input.otherId && r.otherId === input.protectedId),
    );
    if (same) return { ok: false as const, error: "keepApartOrg.alreadyRule" };
    const rule = await tx.keepApartRule.create({
      data: { ...input, createdById: organizerId },
    });
    await tx.mentoringMatch.deleteMany({
      where: {
        status: "draft",
        OR: [
          { menteeId: input.protectedId, mentorId: input.otherId },
          { menteeId: input.otherId, mentorId: input.protectedId },
        ],
      },
    });
    if (input.requestId)
      await tx.keepApartRequest.updateMany({
        where: { id: input.requestId, status: "received" },
        data: { status: "acting" },
      });
    await recordAudit(tx, {
      action: "keep_apart.recorded",
      actorId: organizerId,
      subjectId: input.protectedId,
      targetId: rule.id,
    });
    return { ok: true as const, id: rule.id };
  });
}

export async function endRule(
  db: Db,
  organizerId: string,
  ruleId: string,
  now = new Date(),
): Promise<boolean> {
  return writeTransaction(db, async (tx) => {
    const { count } = await tx.keepApartRule.updateMany({
      where: { id: ruleId, endedAt: null },
      data: { endedAt: now, endedById: organizerId },
    });
    if (count !== 1) return false;
    const rule = await tx.keepApartRule.findUniqueOrThrow({ where: { id: ruleId } });
    await recordAudit(tx, {
      action: "keep_apart.ended",
      actorId: organizerId,
      subjectId: rule.protectedId,
      targetId: ruleId,
    });
    return true;
  });
}

/** Organizers move a request on (the member sees the state, nothing else). */
export async function setRequestStatus(
  db: Db,
  organizerId: string,
  requestId: string,
  status: RequestStatus,
): Promise<boolean> {
  return writeTransaction(db, async (tx) => {
    const request = await tx.keepApartRequest.findUnique({ where: { id: requestId } });
    if (!request) return false;
    if (request.status === status) return true;
    await tx.keepApartRequest.update({ where: { id: requestId }, data: { status } });
    await recordAudit(tx, {
      action: "keep_apart.status",
      actorId: organizerId,
      subjectId: request.requesterId,
      targetId: requestId,
      detail: status,
    });
    return true;
  });
}

/**
 * Upcoming events where both people of a rule have a seat or a waiting-list place. Computed
 * from the rules and RSVPs as they are, so it holds whoever answered first and whenever the
 * rule was recorded, and it disappears once one of them cancels. The viewer never sees an
 * alert about themselves.
 */
export async function keepApartAlerts(db: Db | Tx, viewerId: string | null, now = new Date()) {
  const rules = await activeRules(db);
  if (rules.length === 0) return [];
  const people = [...new Set(rules.flatMap((r) => [r.protectedId, r.otherId]))];
  const rsvps = await db.rsvp.findMany({
    where: {
      userId: { in: people },
      status: { in: ["going", "waitlisted"] },
      event: { status: "scheduled", endsAt: { gt: now } },
    },
    select: { eventId: true, userId: true, status: true },
  });
  const conflicts = eventConflicts(rules, rsvps).filter(
    (c) => c.protectedId !== viewerId && c.otherId !== viewerId,
  );
  if (conflicts.length === 0) return [];
  const events = await db.event.findMany({
    where: { id: { in: [...new Set(conflicts.map((c) => c.eventId))] } },
    select: { id: true, title: true, locale: true, startsAt: true, timeZone: true },
  });
  const byId = new Map(events.map((e) => [e.id, e]));
  return conflicts
    .map((c) => ({ ...c, event: byId.get(c.eventId)! }))
    .sort((a, b) => a.event.startsAt.getTime() - b.event.startsAt.getTime());
}

/**
 * Emails organizers and admins once per pair, event and person, with a subject and body that
 * say nothing (safetyMail): run by every sender round, so it is idempotent through the outbox's
 * unique key and keeps nothing in memory. Organizers who are one of the pair are not told.
 */
export async function raiseKeepApartAlerts(db: Db, now = new Date()): Promise<number> {
  const alerts = await keepApartAlerts(db, null, now);
  if (alerts.length === 0) return 0;
  const staff = await db.user.findMany({
    where: { role: { in: ["organizer", "admin"] }, suspendedAt: null },
    select: { id: true },
  });
  const wanted = alerts.flatMap((a) =>
    staff
      .filter((s) => s.id !== a.protectedId && s.id !== a.otherId)
      .map((s) => ({
        userId: s.id,
        key: alertKey(a.eventId, a.protectedId, a.otherId, s.id),
        payload: { eventId: a.eventId, protectedId: a.protectedId, otherId: a.otherId },
      })),
  );
  if (wanted.length === 0) return 0;
  const existing = await db.outboxMessage.findMany({
    where: { dedupeKey: { in: wanted.map((w) => w.key) } },
    select: { dedupeKey: true },
  });
  // Most rounds find every alert recorded already, and then write nothing.
  const done = new Set(existing.map((row) => row.dedupeKey));
  return enqueueMessages(
    db,
    wanted
      .filter((w) => !done.has(w.key))
      .map((w) => ({
        kind: "organizer_notice",
        userId: w.userId,
        // Only for the relevance check before sending; the email itself shows none of it.
        payload: w.payload,
        // Another sender may record the same alert a moment earlier: the key keeps it single.
        dedupeKey: w.key,
      })),
  );
}

/** The protected members among these people (for the check-in screen's nameless rows). */
export async function protectedAmong(db: Db, userIds: string[]): Promise<Set<string>> {
  if (userIds.length === 0) return new Set();
  const rules = await db.keepApartRule.findMany({
    where: { endedAt: null, protectedId: { in: userIds } },
    select: { protectedId: true },
  });
  return new Set(rules.map((r) => r.protectedId));
}

/** Whether this member is protected by a rule now (settings then offer the check-in choice). */
export async function isProtected(db: Db, userId: string): Promise<boolean> {
  return (await db.keepApartRule.count({ where: { endedAt: null, protectedId: userId } })) > 0;
}

export async function setHideOnCheckIn(db: Db, userId: string, hide: boolean): Promise<void> {
  await db.user.update({ where: { id: userId }, data: { hideOnCheckIn: hide } });
}

/**
 * The answers at this event that check-in screens show without a name: people protected by a
 * rule who asked for it. Check-in screens are often on a shared phone or a projector.
 */
export async function namelessOnCheckIn(db: Db, eventId: string): Promise<Set<string>> {
  const rsvps = await db.rsvp.findMany({
    where: { eventId, user: { hideOnCheckIn: true } },
    select: { id: true, userId: true },
  });
  const shielded = await protectedAmong(
    db,
    rsvps.map((r) => r.userId),
  );
  return new Set(
    rsvps
      .filter((r) => hiddenOnCheckIn({ userId: r.userId, hideOnCheckIn: true }, shielded))
      .map((r) => r.id),
  );
}

/**
 * Why an organizer's notice no longer needs sending (one of the two cancelled, the rule ended,
 * the event is over), or null. Checked before every try, like every other email.
 */
export async function organizerNoticeReason(
  db: Db,
  payload: Record<string, string>,
  now: Date,
): Promise<string | null> {
  const alerts = await keepApartAlerts(db, null, now);
  const still = alerts.some(
    (a) =>
      a.eventId === payload.eventId &&
      a.protectedId === payload.protectedId &&
      a.otherId === payload.otherId,
  );
  return still ? null : "The two are no longer both coming, or the rule has ended.";
}
