import type { Db } from "~/db.server";
import type { MentoringProfile } from "~/generated/prisma/client";
import { decodeList } from "~/utils/comma-list";
import {
  decodeLanguageLevels,
  isQuiet,
  openStatuses,
  quietSince,
  type MentoringRole,
} from "./codes";
import { matchMentees } from "./matching";
import { partnerView } from "./visibility";
import { matchingPool } from "./workflow.server";

const partnerProfile = {
  languages: true,
  topics: true,
  availability: true,
  affiliation: true,
  mode: true,
  area: true,
  about: true,
  shareEmail: true,
  contactHandle: true,
} as const;
const partnerSelect = {
  displayName: true,
  email: true,
  mentoringProfile: { select: partnerProfile },
} as const;

/** The stored profile with its lists decoded: what its owner and organizers both read. */
function decodedProfile(p: MentoringProfile) {
  return {
    role: p.role as MentoringRole,
    languages: decodeLanguageLevels(p.languages),
    topics: decodeList(p.topics),
    availability: decodeList(p.availability),
    mode: p.mode,
    area: p.area,
    mentorGender: p.mentorGender,
    gender: p.gender,
    affiliation: p.affiliation,
    capacity: p.capacity,
    about: p.about,
    approved: p.approvedAt !== null,
  };
}

/** A person's own profile, as stored, for their form and page. */
export async function ownProfile(db: Db, userId: string) {
  const p = await db.mentoringProfile.findUnique({ where: { userId } });
  if (!p) return null;
  return {
    ...decodedProfile(p),
    gender: p.gender ?? "unsaid",
    shareEmail: p.shareEmail,
    contactHandle: p.contactHandle,
  };
}

/**
 * /mentoring: the person's profile and their proposed or active matches, each showing the
 * other person only as partnerView allows. Takes no id but the viewer's own.
 */
export async function myMentoring(db: Db, userId: string) {
  const [profile, matches] = await Promise.all([
    ownProfile(db, userId),
    db.mentoringMatch.findMany({
      where: {
        status: { in: [...openStatuses] },
        OR: [{ menteeId: userId }, { mentorId: userId }],
      },
      include: { mentee: { select: partnerSelect }, mentor: { select: partnerSelect } },
      orderBy: [{ proposedAt: "asc" }, { id: "asc" }],
    }),
  ]);
  const checkIns = await db.mentoringCheckIn.findMany({
    where: { matchId: { in: matches.filter((m) => m.mentorId === userId).map((m) => m.id) } },
    orderBy: { createdAt: "desc" },
  });
  return {
    profile,
    matches: matches.map((m) => {
      const side: MentoringRole = m.menteeId === userId ? "mentee" : "mentor";
      const other = side === "mentee" ? m.mentor : m.mentee;
      const iAccepted = side === "mentee" ? m.menteeAcceptedAt : m.mentorAcceptedAt;
      const myFit = side === "mentee" ? m.menteeFit : m.mentorFit;
      return {
        id: m.id,
        side,
        status: m.status as "proposed" | "active",
        expiresAt: m.expiresAt?.toISOString() ?? null,
        iAccepted: iAccepted !== null,
        partner: partnerView(side, m.status, {
          displayName: other.displayName,
          email: other.email,
          profile: other.mentoringProfile,
        }),
        askFit: m.status === "active" && m.firstMetAt !== null,
        myFit,
        rematchRequested: side === "mentee" && m.rematchRequestedAt !== null,
        // Check-in notes are the mentor's own record (and the organizers'); never the mentee's.
        checkIns:
          side === "mentor"
            ? checkIns
                .filter((c) => c.matchId === m.id)
                .map((c) => ({ id: c.id, met: c.met, note: c.note, at: c.createdAt.toISOString() }))
            : [],
      };
    }),
  };
}

const names = { displayName: true } as const;

/** The organizers' dashboard: what needs attention, and every open match. */
export async function organizerOverview(db: Db, now: Date) {
  const [pendingMentors, matches, waitingMentees, approvedMentors, drafts] = await Promise.all([
    db.mentoringProfile.findMany({
      where: { role: "mentor", approvedAt: null },
      include: { user: { select: names } },
      orderBy: { createdAt: "asc" },
    }),
    db.mentoringMatch.findMany({
      where: { status: { in: [...openStatuses] } },
      include: { mentee: { select: names }, mentor: { select: names } },
      orderBy: [{ status: "asc" }, { proposedAt: "asc" }, { id: "asc" }],
    }),
    db.mentoringProfile.count({
      where: {
        role: "mentee",
        user: { menteeMatches: { none: { status: { in: [...openStatuses] } } } },
      },
    }),
    db.mentoringProfile.count({ where: { role: "mentor", approvedAt: { not: null } } }),
    db.mentoringMatch.count({ where: { status: "draft" } }),
  ]);
  const rows = matches.map((m) => {
    const since = quietSince(m);
    return {
      id: m.id,
      status: m.status as "proposed" | "active",
      mentee: m.mentee.displayName,
      mentor: m.mentor.displayName,
      score: m.score,
      expiresAt: m.expiresAt?.toISOString() ?? null,
      menteeAccepted: m.menteeAcceptedAt !== null,
      mentorAccepted: m.mentorAcceptedAt !== null,
      activatedAt: m.activatedAt?.toISOString() ?? null,
      lastCheckInAt: m.lastCheckInAt?.toISOString() ?? null,
      quietSince: since?.toISOString() ?? null,
      quiet: m.status === "active" && isQuiet(m, now),
      menteeFit: m.menteeFit,
      mentorFit: m.mentorFit,
      rematchRequestedAt: m.rematchRequestedAt?.toISOString() ?? null,
      rematchNote: m.rematchNote,
    };
  });
  return {
    counts: { waitingMentees, approvedMentors, drafts },
    pendingMentors: pendingMentors.map((p) => ({
      userId: p.userId,
      displayName: p.user.displayName,
      affiliation: p.affiliation,
    })),
    rematchRequests: rows.filter((r) => r.rematchRequestedAt !== null),
    quiet: rows.filter((r) => r.quiet),
    fitConcerns: rows.filter(
      (r) => (r.menteeFit && r.menteeFit !== "yes") || (r.mentorFit && r.mentorFit !== "yes"),
    ),
    matches: rows,
  };
}

/** Every profile in full, for organizers only (the pool page). */
export async function poolView(db: Db) {
  const [profiles, open, blocks] = await Promise.all([
    db.mentoringProfile.findMany({
      include: { user: { select: names } },
      orderBy: [{ role: "asc" }, { createdAt: "asc" }],
    }),
    db.mentoringMatch.findMany({
      where: { status: { in: [...openStatuses] } },
      select: { menteeId: true, mentorId: true },
    }),
    db.mentoringBlock.findMany({
      include: { mentee: { select: names }, mentor: { select: names } },
      orderBy: { createdAt: "asc" },
    }),
  ]);
  const busyMentees = new Set(open.map((m) => m.menteeId));
  const load = new Map<string, number>();
  for (const m of open) load.set(m.mentorId, (load.get(m.mentorId) ?? 0) + 1);
  return {
    profiles: profiles.map((p) => ({
      ...decodedProfile(p),
      userId: p.userId,
      displayName: p.user.displayName,
      taken: load.get(p.userId) ?? 0,
      matched: busyMentees.has(p.userId),
    })),
    blocks: blocks.map((b) => ({
      id: `${b.menteeId}:${b.mentorId}`,
      mentee: b.mentee.displayName,
      mentor: b.mentor.displayName,
    })),
  };
}

/**
 * The draft page: drafted pairs with scores and reason codes, the mentees still waiting with
 * the engine's reason, and the mentors an organizer may pick (approved, with places left).
 */
export async function draftView(db: Db) {
  const [drafts, pool] = await Promise.all([
    db.mentoringMatch.findMany({
      where: { status: "draft" },
      include: { mentee: { select: names }, mentor: { select: names } },
      orderBy: [{ score: "desc" }, { id: "asc" }],
    }),
    matchingPool(db),
  ]);
  const userNames = new Map(
    (
      await db.user.findMany({
        where: { id: { in: [...pool.menteeById.keys(), ...pool.mentorById.keys()] } },
        select: { id: true, displayName: true },
      })
    ).map((u) => [u.id, u.displayName]),
  );
  const drafted = new Set(drafts.map((d) => d.menteeId));
  const draftLoad = new Map<string, number>();
  for (const d of drafts) draftLoad.set(d.mentorId, (draftLoad.get(d.mentorId) ?? 0) + 1);
  return {
    pairs: drafts.map((d) => ({
      id: d.id,
      menteeId: d.menteeId,
      mentorId: d.mentorId,
      mentee: d.mentee.displayName,
      mentor: d.mentor.displayName,
      score: d.score,
      reasons: decodeList(d.reasons),
    })),
    waiting: pool.mentees
      .filter((m) => !drafted.has(m.id))
      .map((m) => ({
        menteeId: m.id,
        displayName: userNames.get(m.id) ?? "",
        // The engine's own explanation: "mentors_full" or the commonest obstacle.
        reason: matchMentees([m], pool.mentors).unmatched[0]?.reason ?? null,
      })),
    mentors: pool.mentors
      .filter((m) => m.capacity > 0)
      .map((m) => ({
        userId: m.id,
        displayName: userNames.get(m.id) ?? "",
        placesLeft: m.capacity - (draftLoad.get(m.id) ?? 0),
      }))
      // Mentors with places left first; the order is otherwise the pool's (stable sort).
      .sort((a, b) => Number(b.placesLeft > 0) - Number(a.placesLeft > 0)),
  };
}
