import { type Db, writeTransaction } from "~/db.server";

import { enqueueMentoringMessages } from "~/notifications/change-messages.server";
import { encodeList } from "~/utils/comma-list";
import type { Prisma } from "~/generated/prisma/client";
import {
  closedStatuses,
  DAY_MS,
  engineMentee,
  engineMentor,
  openStatuses,
  PROPOSAL_DAYS,
  QUIET_DAYS,
  type FitAnswer,
  type MentoringRole,
} from "./codes";
import type { MentoringChange } from "./changes";
import { infeasibility, matchMentees, scorePair, type Mentee, type Mentor } from "./matching";
import { activeRules } from "~/safety/keep-apart.server";
import { exclusionsFrom } from "~/safety/keep-apart-rules";

type Tx = Prisma.TransactionClient;

// Every change to a mentoring match passes through the functions in this file, each in one
// transaction, and is reported as MentoringChange records (./changes); the emails they cause
// are recorded in the outbox inside that transaction (enqueueMentoringMessages).

/** Refusals carry changes too: an answer to a proposal that has just expired records the expiry. */
export type MentoringOutcome =
  | { ok: true; changes: MentoringChange[] }
  | { ok: false; error: string; changes: MentoringChange[] };

const refuse = (error: string, changes: MentoringChange[] = []): MentoringOutcome => ({
  ok: false,
  error,
  changes,
});

/**
 * Who can be matched now: mentees without a proposed or active match (those waiting longest
 * first), approved mentors with their places left, and per mentee the mentors they must never
 * be proposed again (declined, expired, ended pairs, organizers' blocks and keep-apart rules).
 * Suspended accounts are not in it at all.
 */
async function currentPool(tx: Tx) {
  const [profiles, matches, blocks, rules] = await Promise.all([
    tx.mentoringProfile.findMany({
      where: { user: { suspendedAt: null } },
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    }),
    tx.mentoringMatch.findMany({
      where: { status: { in: [...openStatuses, ...closedStatuses] } },
      select: { menteeId: true, mentorId: true, status: true },
    }),
    tx.mentoringBlock.findMany({ select: { menteeId: true, mentorId: true } }),
    activeRules(tx),
  ]);
  const busyMentees = new Set<string>();
  const load = new Map<string, number>();
  const excluded = new Map<string, string[]>();
  const exclude = (menteeId: string, mentorId: string) =>
    excluded.set(menteeId, [...(excluded.get(menteeId) ?? []), mentorId]);
  for (const m of matches) {
    if ((openStatuses as readonly string[]).includes(m.status)) {
      busyMentees.add(m.menteeId);
      load.set(m.mentorId, (load.get(m.mentorId) ?? 0) + 1);
    } else exclude(m.menteeId, m.mentorId);
  }
  for (const b of blocks) exclude(b.menteeId, b.mentorId);
  for (const [menteeId, others] of exclusionsFrom(rules))
    for (const other of others) exclude(menteeId, other);

  const mentees = profiles
    .filter((p) => p.role === "mentee" && !busyMentees.has(p.userId))
    .map((p) => engineMentee(p, excluded.get(p.userId) ?? []));
  const mentors = profiles
    .filter((p) => p.role === "mentor" && p.approvedAt !== null)
    .map((p) => engineMentor(p, p.capacity - (load.get(p.userId) ?? 0)));
  return {
    mentees,
    mentors,
    menteeById: new Map(mentees.map((m) => [m.id, m])),
    mentorById: new Map(mentors.map((m) => [m.id, m])),
  };
}

/** The pool as it stands, for the draft page's "who is waiting, and why" (read-only). */
export async function matchingPool(db: Db) {
  return writeTransaction(db, (tx) => currentPool(tx));
}

/**
 * "Run matching": replaces the draft with the optimal matching of the current pool (the most
 * mentees matched, then the best total score; see matching.ts). Nothing is proposed yet.
 */
export async function runMatching(
  db: Db,
  organizerId: string,
): Promise<{ drafted: number; unmatched: number }> {
  return writeTransaction(db, async (tx) => {
    await tx.mentoringMatch.deleteMany({ where: { status: "draft" } });
    const { mentees, mentors } = await currentPool(tx);
    const result = matchMentees(mentees, mentors);
    for (const match of result.matches) {
      await tx.mentoringMatch.create({
        data: {
          menteeId: match.menteeId,
          mentorId: match.mentorId,
          status: "draft",
          score: match.score,
          reasons: encodeList(match.reasons),
          createdById: organizerId,
        },
      });
    }
    return { drafted: result.matches.length, unmatched: result.unmatched.length };
  });
}

/** Why this mentor cannot take this mentee now, or null: the engine's rules and places left. */
function pairProblem(
  mentee: Mentee | undefined,
  mentor: Mentor | undefined,
  placesTaken: number,
): string | null {
  if (!mentee) return "errors.mentoringMenteeTaken";
  if (!mentor) return "errors.mentoringMentorUnavailable";
  const why = infeasibility(mentee, mentor);
  if (why) return `mentoring.why.${why}`;
  if (mentor.capacity - placesTaken <= 0) return "mentoring.why.mentors_full";
  return null;
}

/**
 * Picks `mentorId` for a waiting mentee in the draft: replaces their drafted mentor, or adds
 * the pair. Refused, with a translatable reason, when the engine's rules or the mentor's places
 * do not allow it.
 */
export async function pickDraftMentor(
  db: Db,
  organizerId: string,
  menteeId: string,
  mentorId: string,
): Promise<MentoringOutcome> {
  return writeTransaction(db, async (tx) => {
    const { menteeById, mentorById } = await currentPool(tx);
    const mentee = menteeById.get(menteeId);
    const mentor = mentorById.get(mentorId);
    const otherDrafts = await tx.mentoringMatch.count({
      where: { status: "draft", mentorId, NOT: { menteeId } },
    });
    const problem = pairProblem(mentee, mentor, otherDrafts);
    if (problem) return refuse(problem);
    const { score, reasons } = scorePair(mentee!, mentor!);
    const data = { mentorId, score, reasons: encodeList(reasons), createdById: organizerId };
    const existing = await tx.mentoringMatch.findFirst({ where: { status: "draft", menteeId } });
    if (existing) await tx.mentoringMatch.update({ where: { id: existing.id }, data });
    else await tx.mentoringMatch.create({ data: { ...data, menteeId, status: "draft" } });
    return { ok: true, changes: [] };
  });
}

/** Takes one pair out of the draft; the mentee stays in the pool. */
export async function removeDraftPair(db: Db, draftId: string): Promise<boolean> {
  const { count } = await db.mentoringMatch.deleteMany({ where: { id: draftId, status: "draft" } });
  return count === 1;
}

/**
 * Publishes the draft: each pair still possible becomes a proposal that both must accept
 * within seven days. Pairs the pool no longer allows (someone was matched, a mentor left or
 * is full) are dropped and counted in `skipped`.
 */
export async function publishDraft(
  db: Db,
  now = new Date(),
): Promise<{ ok: true; changes: MentoringChange[]; skipped: number }> {
  return writeTransaction(db, async (tx) => {
    const drafts = await tx.mentoringMatch.findMany({
      where: { status: "draft" },
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    });
    const { menteeById, mentorById } = await currentPool(tx);
    const taken = new Map<string, number>();
    const changes: MentoringChange[] = [];
    let skipped = 0;
    for (const draft of drafts) {
      const problem = pairProblem(
        menteeById.get(draft.menteeId),
        mentorById.get(draft.mentorId),
        taken.get(draft.mentorId) ?? 0,
      );
      if (problem) {
        await tx.mentoringMatch.delete({ where: { id: draft.id } });
        skipped++;
        continue;
      }
      menteeById.delete(draft.menteeId);
      taken.set(draft.mentorId, (taken.get(draft.mentorId) ?? 0) + 1);
      await tx.mentoringMatch.update({
        where: { id: draft.id },
        data: {
          status: "proposed",
          proposedAt: now,
          expiresAt: new Date(now.getTime() + PROPOSAL_DAYS * DAY_MS),
        },
      });
      changes.push({
        kind: "proposed",
        matchId: draft.id,
        userIds: [draft.menteeId, draft.mentorId],
      });
    }
    await enqueueMentoringMessages(tx, changes);
    return { ok: true as const, changes, skipped };
  });
}

async function expireDue(tx: Tx, now: Date): Promise<MentoringChange[]> {
  const due = await tx.mentoringMatch.findMany({
    where: { status: "proposed", expiresAt: { lte: now } },
    select: { id: true, menteeId: true, mentorId: true },
  });
  const changes: MentoringChange[] = [];
  for (const match of due) {
    // The status condition makes an expiry happen once, even if two requests race.
    const { count } = await tx.mentoringMatch.updateMany({
      where: { id: match.id, status: "proposed" },
      data: { status: "expired", endedAt: now },
    });
    if (count === 1)
      changes.push({
        kind: "expired",
        matchId: match.id,
        userIds: [match.menteeId, match.mentorId],
      });
  }
  await enqueueMentoringMessages(tx, changes);
  return changes;
}

/**
 * Proposals not accepted by both within seven days expire: both return to the pool and the
 * pair is never proposed again. The background job calls this hourly; pages call it as they
 * load, so nobody ever sees a stale proposal.
 */
export async function expireProposals(db: Db, now = new Date()): Promise<MentoringChange[]> {
  return writeTransaction(db, (tx) => expireDue(tx, now));
}

/** The match if `userId` is one of its two people, with their side. */
async function ownMatch(tx: Tx, userId: string, matchId: string) {
  const match = await tx.mentoringMatch.findFirst({
    where: { id: matchId, OR: [{ menteeId: userId }, { mentorId: userId }] },
  });
  if (!match) return null;
  const side: MentoringRole = match.menteeId === userId ? "mentee" : "mentor";
  return { match, side };
}

/** A mentee or mentor answers a proposal. Both accepting makes the match active. */
export async function answerProposal(
  db: Db,
  userId: string,
  matchId: string,
  answer: "accept" | "decline",
  now = new Date(),
): Promise<MentoringOutcome> {
  return writeTransaction(db, async (tx) => {
    const changes = await expireDue(tx, now);
    const own = await ownMatch(tx, userId, matchId);
    if (!own) return refuse("errors.mentoringNotFound", changes);
    const { match, side } = own;
    if (match.status !== "proposed") return refuse("errors.mentoringNotOpen", changes);
    const both = [match.menteeId, match.mentorId];
    if (answer === "decline") {
      await tx.mentoringMatch.update({
        where: { id: match.id },
        data: { status: "declined", declinedBy: side, endedAt: now },
      });
      const declined: MentoringChange = { kind: "declined", matchId, userIds: both };
      await enqueueMentoringMessages(tx, [declined], userId);
      return { ok: true, changes: [...changes, declined] };
    }
    const mine = side === "mentee" ? { menteeAcceptedAt: now } : { mentorAcceptedAt: now };
    const otherAccepted =
      side === "mentee" ? match.mentorAcceptedAt !== null : match.menteeAcceptedAt !== null;
    await tx.mentoringMatch.update({
      where: { id: match.id },
      data: otherAccepted ? { ...mine, status: "active", activatedAt: now } : mine,
    });
    if (!otherAccepted) return { ok: true, changes };
    const activated: MentoringChange = { kind: "activated", matchId, userIds: both };
    // Both get the introduction, the one who said yes last included.
    await enqueueMentoringMessages(tx, [activated]);
    return { ok: true, changes: [...changes, activated] };
  });
}

/** The mentor notes that they met (or could not meet). The first "met" opens the fit question. */
export async function logCheckIn(
  db: Db,
  mentorId: string,
  matchId: string,
  input: { met: boolean; note: string },
  now = new Date(),
): Promise<MentoringOutcome> {
  return writeTransaction(db, async (tx) => {
    const own = await ownMatch(tx, mentorId, matchId);
    if (!own || own.side !== "mentor") return refuse("errors.mentoringNotFound");
    if (own.match.status !== "active") return refuse("errors.mentoringNotOpen");
    await tx.mentoringCheckIn.create({
      data: { matchId, met: input.met, note: input.note, createdAt: now },
    });
    await tx.mentoringMatch.update({
      where: { id: matchId },
      data: {
        lastCheckInAt: now,
        checkInDueAt: null,
        firstMetAt: own.match.firstMetAt ?? (input.met ? now : null),
      },
    });
    return { ok: true, changes: [] };
  });
}

/** "Is this a good fit?", asked of each after the first meeting; only organizers see answers. */
export async function answerFit(
  db: Db,
  userId: string,
  matchId: string,
  fit: FitAnswer,
): Promise<MentoringOutcome> {
  return writeTransaction(db, async (tx) => {
    const own = await ownMatch(tx, userId, matchId);
    if (!own) return refuse("errors.mentoringNotFound");
    if (own.match.status !== "active" || !own.match.firstMetAt)
      return refuse("errors.mentoringNotOpen");
    await tx.mentoringMatch.update({
      where: { id: matchId },
      data: own.side === "mentee" ? { menteeFit: fit } : { mentorFit: fit },
    });
    return { ok: true, changes: [] };
  });
}

/** A mentee quietly asks organizers for a different mentor. The mentor is not told. */
export async function requestRematch(
  db: Db,
  menteeId: string,
  matchId: string,
  note: string,
  now = new Date(),
): Promise<MentoringOutcome> {
  return writeTransaction(db, async (tx) => {
    const own = await ownMatch(tx, menteeId, matchId);
    if (!own || own.side !== "mentee") return refuse("errors.mentoringNotFound");
    if (own.match.status !== "active") return refuse("errors.mentoringNotOpen");
    await tx.mentoringMatch.update({
      where: { id: matchId },
      data: { rematchRequestedAt: own.match.rematchRequestedAt ?? now, rematchNote: note },
    });
    const requested: MentoringChange = { kind: "rematch_requested", matchId, userIds: [menteeId] };
    await enqueueMentoringMessages(tx, [requested]);
    return { ok: true, changes: [requested] };
  });
}

/**
 * Ends a match, by one of its two people (an active match) or an organizer (also a proposal).
 * The pair is never proposed again; the mentee returns to the pool.
 */
export async function endMatch(
  db: Db,
  actor: { userId: string; isOrganizer: boolean },
  matchId: string,
  feedback: string,
  now = new Date(),
): Promise<MentoringOutcome> {
  return writeTransaction(db, async (tx) => {
    const own = await ownMatch(tx, actor.userId, matchId);
    const match =
      own?.match ??
      (actor.isOrganizer ? await tx.mentoringMatch.findUnique({ where: { id: matchId } }) : null);
    if (!match) return refuse("errors.mentoringNotFound");
    const allowed = own ? ["active"] : ["active", "proposed"];
    if (!allowed.includes(match.status)) return refuse("errors.mentoringNotOpen");
    await tx.mentoringMatch.update({
      where: { id: matchId },
      data: {
        status: "ended",
        endedAt: now,
        endedBy: own?.side ?? "organizer",
        endFeedback: feedback,
      },
    });
    const ended: MentoringChange = {
      kind: "ended",
      matchId,
      userIds: [match.menteeId, match.mentorId],
    };
    await enqueueMentoringMessages(tx, [ended], actor.userId);
    return { ok: true, changes: [ended] };
  });
}

/**
 * Marks active matches quiet for 21 days (no check-in since activation or the last one), once
 * per quiet spell, so the mentor can be reminded; a new check-in starts the clock again.
 */
export async function flagQuietMatches(db: Db, now = new Date()): Promise<MentoringChange[]> {
  return writeTransaction(db, async (tx) => {
    const cutoff = new Date(now.getTime() - QUIET_DAYS * DAY_MS);
    const quiet = await tx.mentoringMatch.findMany({
      where: {
        status: "active",
        checkInDueAt: null,
        OR: [
          { lastCheckInAt: { lte: cutoff } },
          { lastCheckInAt: null, activatedAt: { lte: cutoff } },
        ],
      },
      select: { id: true, mentorId: true },
    });
    for (const match of quiet)
      await tx.mentoringMatch.update({ where: { id: match.id }, data: { checkInDueAt: now } });
    const changes = quiet.map((m) => ({
      kind: "checkin_due" as const,
      matchId: m.id,
      userIds: [m.mentorId],
    }));
    await enqueueMentoringMessages(tx, changes);
    return changes;
  });
}

/** After orientation an organizer approves a mentor; only approved mentors are matched. */
export async function approveMentor(
  db: Db,
  organizerId: string,
  mentorId: string,
  now = new Date(),
): Promise<boolean> {
  const { count } = await db.mentoringProfile.updateMany({
    where: { userId: mentorId, role: "mentor", approvedAt: null },
    data: { approvedAt: now, approvedById: organizerId },
  });
  return count === 1;
}

/** Organizers rule a pair out for good (they know each other, or should not meet). */
export async function blockPair(
  db: Db,
  organizerId: string,
  menteeId: string,
  mentorId: string,
): Promise<MentoringOutcome> {
  return writeTransaction(db, async (tx) => {
    const [mentee, mentor] = await Promise.all([
      tx.mentoringProfile.findUnique({ where: { userId: menteeId } }),
      tx.mentoringProfile.findUnique({ where: { userId: mentorId } }),
    ]);
    if (mentee?.role !== "mentee" || mentor?.role !== "mentor")
      return refuse("errors.mentoringNotFound");
    await tx.mentoringBlock.upsert({
      where: { menteeId_mentorId: { menteeId, mentorId } },
      create: { menteeId, mentorId, createdById: organizerId },
      update: {},
    });
    await tx.mentoringMatch.deleteMany({ where: { status: "draft", menteeId, mentorId } });
    return { ok: true, changes: [] };
  });
}
