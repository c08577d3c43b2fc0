import { describe, expect, it } from "vitest";
import { createAccount } from "~/accounts/accounts.server";
import { db } from "~/db.server";
import { DAY_MS } from "~/mentorship/codes";
import { saveProfile } from "~/mentorship/profiles.server";
import { draftView, myMentoring, organizerOverview } from "~/mentorship/queries.server";
import type { MenteeProfileInput, MentorProfileInput } from "~/mentorship/schemas";
import {
  answerFit,
  answerProposal,
  approveMentor,
  blockPair,
  endMatch,
  expireProposals,
  flagQuietMatches,
  logCheckIn,
  pickDraftMentor,
  publishDraft,
  removeDraftPair,
  requestRematch,
  runMatching,
} from "~/mentorship/workflow.server";
import { menteeInput, mentorInput } from "../support/mentoring";

// Matching looks at the whole pool, so each test starts from empty mentoring tables (this file
// has its own database copy).
const now = new Date("2026-12-01T00:00:00Z");
const later = (days: number) => new Date(now.getTime() + days * DAY_MS);
let counter = 0;

async function person(name: string, role = "member") {
  counter++;
  const created = await createAccount(db(), {
    email: `m${counter}-${crypto.randomUUID()}@example.com`,
    password: "a long passphrase",
    displayName: name,
    locale: "en",
  });
  if (!created.ok) throw new Error("no account");
  if (role !== "member") await db().user.update({ where: { id: created.user.id }, data: { role } });
  return created.user;
}

async function mentee(name: string, overrides: Partial<MenteeProfileInput> = {}) {
  const user = await person(name);
  const saved = await saveProfile(db(), user.id, menteeInput(overrides), "fa");
  if (!saved.ok) throw new Error(saved.error);
  return user;
}

async function mentor(name: string, overrides: Partial<MentorProfileInput> = {}, approve = true) {
  const user = await person(name);
  const saved = await saveProfile(db(), user.id, mentorInput(overrides), "ja");
  if (!saved.ok) throw new Error(saved.error);
  if (approve) await approveMentor(db(), organizer.id, user.id, now);
  return user;
}

let organizer: Awaited<ReturnType<typeof person>>;

async function freshPool() {
  await db().mentoringMatch.deleteMany();
  await db().mentoringBlock.deleteMany();
  await db().mentoringProfile.deleteMany();
  organizer ??= await person("Aiko", "organizer");
}

/** Runs matching and publishes; returns the proposals by mentee id. */
async function proposeAll(at = now) {
  await runMatching(db(), organizer.id);
  const published = await publishDraft(db(), at);
  return published;
}

async function matchOf(menteeId: string) {
  return db().mentoringMatch.findFirstOrThrow({
    where: { menteeId, status: { not: "draft" } },
    orderBy: { createdAt: "desc" },
  });
}

describe("profiles", () => {
  it("keeps the role a person chose", async () => {
    await freshPool();
    const maryam = await mentee("Maryam");
    const outcome = await saveProfile(db(), maryam.id, mentorInput(), "fa");
    expect(outcome).toEqual({ ok: false, error: "errors.mentoringRoleFixed" });
    expect((await db().mentoringProfile.findUnique({ where: { userId: maryam.id } }))!.role).toBe(
      "mentee",
    );
  });
});

describe("drafting and publishing", () => {
  it("drafts only approved mentors, with scores and reasons, and publishes proposals for 7 days", async () => {
    await freshPool();
    const maryam = await mentee("Maryam", { topics: ["job_search"] });
    const ren = await mentor("Ren", { topics: ["job_search", "friendship"] });
    await mentor("Not yet approved", {}, false);

    const run = await runMatching(db(), organizer.id);
    expect(run).toEqual({ drafted: 1, unmatched: 0 });
    const draft = await draftView(db());
    expect(draft.pairs).toHaveLength(1);
    expect(draft.pairs[0]).toMatchObject({ mentee: "Maryam", mentor: "Ren" });
    expect(draft.pairs[0]!.reasons).toEqual(
      expect.arrayContaining(["goal:job_search", "language:fa", "slot:sat-afternoon"]),
    );
    expect(draft.pairs[0]!.score).toBeGreaterThan(500);
    expect(draft.mentors.map((m) => m.displayName)).toEqual(["Ren"]);

    // A draft proposes nothing: nobody sees it.
    expect((await myMentoring(db(), maryam.id)).matches).toEqual([]);

    const published = await publishDraft(db(), now);
    expect(published.skipped).toBe(0);
    expect(published.changes).toEqual([
      { kind: "proposed", matchId: draft.pairs[0]!.id, userIds: [maryam.id, ren.id] },
    ]);
    const match = await matchOf(maryam.id);
    expect(match.status).toBe("proposed");
    expect(match.expiresAt!.getTime() - now.getTime()).toBe(7 * DAY_MS);
  });

  it("never proposes a male mentor to a mentee who asked for a female one", async () => {
    await freshPool();
    const amal = await mentee("Amal", {
      mentorGender: "female",
      languages: [{ code: "ar", level: "fluent" }],
    });
    const omar = await mentor("Omar", {
      gender: "male",
      languages: [{ code: "ar", level: "fluent" }],
      capacity: 3,
    });
    await runMatching(db(), organizer.id);
    expect((await draftView(db())).pairs).toEqual([]);
    expect((await draftView(db())).waiting).toEqual([
      { menteeId: amal.id, displayName: "Amal", reason: "gender" },
    ]);
    // Picking him by hand is refused with the engine's reason.
    const picked = await pickDraftMentor(db(), organizer.id, amal.id, omar.id);
    expect(picked).toMatchObject({ ok: false, error: "mentoring.why.gender" });

    const layla = await mentor("Layla", {
      gender: "female",
      languages: [{ code: "ar", level: "fluent" }],
    });
    await proposeAll();
    expect((await matchOf(amal.id)).mentorId).toBe(layla.id);
  });

  it("lets an organizer remove a pair and pick another mentor, within the rules and places", async () => {
    await freshPool();
    const a = await mentee("A");
    const b = await mentee("B");
    const one = await mentor("One", { capacity: 1 });
    const two = await mentor("Two", { capacity: 1 });
    const french = await mentor("French only", { languages: [{ code: "fr", level: "fluent" }] });
    await runMatching(db(), organizer.id);
    let draft = await draftView(db());
    expect(draft.pairs).toHaveLength(2);

    const pairOfA = draft.pairs.find((p) => p.menteeId === a.id)!;
    const otherMentor = pairOfA.mentorId === one.id ? two.id : one.id;
    // The other mentor's only place is drafted for B.
    expect(await pickDraftMentor(db(), organizer.id, a.id, otherMentor)).toMatchObject({
      ok: false,
      error: "mentoring.why.mentors_full",
    });
    expect(await pickDraftMentor(db(), organizer.id, a.id, french.id)).toMatchObject({
      ok: false,
      error: "mentoring.why.no_shared_language",
    });

    expect(await removeDraftPair(db(), draft.pairs.find((p) => p.menteeId === b.id)!.id)).toBe(
      true,
    );
    draft = await draftView(db());
    expect(draft.waiting.map((w) => w.menteeId)).toEqual([b.id]);
    expect(await pickDraftMentor(db(), organizer.id, a.id, otherMentor)).toEqual({
      ok: true,
      changes: [],
    });
    const published = await publishDraft(db(), now);
    expect(published.changes).toHaveLength(1);
    expect((await matchOf(a.id)).mentorId).toBe(otherMentor);
    await expect(matchOf(b.id)).rejects.toThrow();
  });

  it("drops pairs that are no longer possible when publishing", async () => {
    await freshPool();
    const a = await mentee("A");
    const ren = await mentor("Ren");
    await runMatching(db(), organizer.id);
    await blockPair(db(), organizer.id, a.id, ren.id);
    expect((await draftView(db())).pairs).toEqual([]);
    await runMatching(db(), organizer.id);
    expect((await publishDraft(db(), now)).changes).toEqual([]);
  });
});

describe("consent and contact", () => {
  it("activates only when both accept, and shows contact details only then", async () => {
    await freshPool();
    const maryam = await mentee("Maryam", {
      about: "I was a nurse; I would like to work in a hospital again.",
      area: "Shinjuku",
      shareEmail: true,
      contactHandle: "LINE: maryam-t",
    });
    const ren = await mentor("Ren", {
      shareEmail: false,
      contactHandle: "@ren_s",
      affiliation: "Sophia University",
    });
    await proposeAll();
    const match = await matchOf(maryam.id);

    const mentorSees = (await myMentoring(db(), ren.id)).matches[0]!;
    expect(mentorSees.partner).toEqual({
      displayName: "Maryam",
      languages: [
        { code: "fa", level: "fluent" },
        { code: "ja", level: "basic" },
      ],
      topics: ["japanese_practice", "job_search"],
      availability: ["sat-afternoon", "sun-morning"],
    });
    const menteeSees = (await myMentoring(db(), maryam.id)).matches[0]!;
    expect(menteeSees.partner).toEqual({
      displayName: "Ren",
      affiliation: "Sophia University",
      languages: [
        { code: "fa", level: "conversational" },
        { code: "ja", level: "fluent" },
      ],
      topics: ["japanese_practice", "job_search", "friendship"],
    });

    const first = await answerProposal(db(), maryam.id, match.id, "accept", later(1));
    expect(first).toEqual({ ok: true, changes: [] });
    expect((await myMentoring(db(), ren.id)).matches[0]!.partner.contact).toBeUndefined();

    const second = await answerProposal(db(), ren.id, match.id, "accept", later(2));
    expect(second).toEqual({
      ok: true,
      changes: [{ kind: "activated", matchId: match.id, userIds: [maryam.id, ren.id] }],
    });
    const active = (await myMentoring(db(), ren.id)).matches[0]!;
    expect(active.status).toBe("active");
    expect(active.partner.contact).toEqual({ email: maryam.email, handle: "LINE: maryam-t" });
    expect(active.partner.about).toContain("nurse");
    expect(active.partner.area).toBe("Shinjuku");
    expect((await myMentoring(db(), maryam.id)).matches[0]!.partner.contact).toEqual({
      email: null,
      handle: "@ren_s",
    });
  });

  it("a decline returns both to the pool and the pair is never proposed again", async () => {
    await freshPool();
    const a = await mentee("A");
    const ren = await mentor("Ren", { capacity: 1 });
    await proposeAll();
    const match = await matchOf(a.id);
    const declined = await answerProposal(db(), ren.id, match.id, "decline", later(1));
    expect(declined).toEqual({
      ok: true,
      changes: [{ kind: "declined", matchId: match.id, userIds: [a.id, ren.id] }],
    });
    expect((await myMentoring(db(), a.id)).matches).toEqual([]);
    expect(await runMatching(db(), organizer.id)).toEqual({ drafted: 0, unmatched: 1 });
    expect((await draftView(db())).waiting[0]).toMatchObject({
      menteeId: a.id,
      reason: "excluded",
    });
  });

  it("expires after 7 days without both answers: both back in the pool, the pair excluded", async () => {
    await freshPool();
    const a = await mentee("A");
    const ren = await mentor("Ren", { capacity: 1 });
    await proposeAll();
    const match = await matchOf(a.id);
    await answerProposal(db(), a.id, match.id, "accept", later(1));

    expect(await expireProposals(db(), later(6.9))).toEqual([]);
    expect(await expireProposals(db(), later(7))).toEqual([
      { kind: "expired", matchId: match.id, userIds: [a.id, ren.id] },
    ]);
    expect(await expireProposals(db(), later(8))).toEqual([]);
    expect((await db().mentoringMatch.findUniqueOrThrow({ where: { id: match.id } })).status).toBe(
      "expired",
    );
    // Too late to accept now.
    expect(await answerProposal(db(), ren.id, match.id, "accept", later(8))).toMatchObject({
      ok: false,
      error: "errors.mentoringNotOpen",
    });

    // Both are back: a new mentee can have Ren's place, and A waits for someone else.
    const b = await mentee("B");
    await runMatching(db(), organizer.id);
    const draft = await draftView(db());
    expect(draft.pairs.map((p) => [p.menteeId, p.mentorId])).toEqual([[b.id, ren.id]]);
    expect(draft.waiting).toEqual([{ menteeId: a.id, displayName: "A", reason: "excluded" }]);
  });

  it("expires lazily when someone answers late, recording the expiry", async () => {
    await freshPool();
    const a = await mentee("A");
    const ren = await mentor("Ren");
    await proposeAll();
    const match = await matchOf(a.id);
    const late = await answerProposal(db(), ren.id, match.id, "accept", later(10));
    expect(late).toEqual({
      ok: false,
      error: "errors.mentoringNotOpen",
      changes: [{ kind: "expired", matchId: match.id, userIds: [a.id, ren.id] }],
    });
  });

  it("refuses answers from anyone but the two people", async () => {
    await freshPool();
    const a = await mentee("A");
    await mentor("Ren");
    const stranger = await mentor("Stranger", { languages: [{ code: "tr", level: "fluent" }] });
    await proposeAll();
    const match = await matchOf(a.id);
    expect(await answerProposal(db(), stranger.id, match.id, "accept", later(1))).toMatchObject({
      ok: false,
      error: "errors.mentoringNotFound",
    });
    expect(await answerProposal(db(), organizer.id, match.id, "decline", later(1))).toMatchObject({
      ok: false,
    });
  });
});

describe("keeping in touch", () => {
  async function activeMatch() {
    await freshPool();
    const a = await mentee("A");
    const ren = await mentor("Ren", { capacity: 2 });
    await proposeAll();
    const match = await matchOf(a.id);
    await answerProposal(db(), a.id, match.id, "accept", now);
    await answerProposal(db(), ren.id, match.id, "accept", now);
    return { a, ren, matchId: match.id };
  }

  it("asks about fit after the first meeting; answers reach only organizers", async () => {
    const { a, ren, matchId } = await activeMatch();
    expect(await answerFit(db(), a.id, matchId, "yes")).toMatchObject({ ok: false });
    expect(await logCheckIn(db(), a.id, matchId, { met: true, note: "" }, later(1))).toMatchObject({
      ok: false,
      error: "errors.mentoringNotFound",
    });
    await logCheckIn(db(), ren.id, matchId, { met: false, note: "She was ill" }, later(2));
    expect((await myMentoring(db(), a.id)).matches[0]!.askFit).toBe(false);
    await logCheckIn(db(), ren.id, matchId, { met: true, note: "Coffee, CV" }, later(5));
    expect((await myMentoring(db(), a.id)).matches[0]!.askFit).toBe(true);
    expect((await myMentoring(db(), a.id)).matches[0]!.checkIns).toEqual([]);
    expect((await myMentoring(db(), ren.id)).matches[0]!.checkIns.map((c) => c.note)).toEqual([
      "Coffee, CV",
      "She was ill",
    ]);

    await answerFit(db(), a.id, matchId, "unsure");
    await answerFit(db(), ren.id, matchId, "yes");
    const overview = await organizerOverview(db(), later(6));
    expect(overview.fitConcerns.map((m) => [m.id, m.menteeFit, m.mentorFit])).toEqual([
      [matchId, "unsure", "yes"],
    ]);
    // The mentor sees only their own answer.
    expect((await myMentoring(db(), ren.id)).matches[0]!.myFit).toBe("yes");
    expect(JSON.stringify(await myMentoring(db(), ren.id))).not.toContain("unsure");
  });

  it("lists matches quiet for 21 days and flags each quiet spell once", async () => {
    const { ren, matchId } = await activeMatch();
    expect((await organizerOverview(db(), later(20))).quiet).toEqual([]);
    expect((await organizerOverview(db(), later(21))).quiet.map((m) => m.id)).toEqual([matchId]);
    expect(await flagQuietMatches(db(), later(21))).toEqual([
      { kind: "checkin_due", matchId, userIds: [ren.id] },
    ]);
    expect(await flagQuietMatches(db(), later(22))).toEqual([]);

    await logCheckIn(db(), ren.id, matchId, { met: true, note: "" }, later(23));
    expect((await organizerOverview(db(), later(30))).quiet).toEqual([]);
    expect(await flagQuietMatches(db(), later(43))).toHaveLength(0);
    expect(await flagQuietMatches(db(), later(44))).toEqual([
      { kind: "checkin_due", matchId, userIds: [ren.id] },
    ]);
  });

  it("a mentee asks quietly for another mentor; organizers see it, the mentor does not", async () => {
    const { a, ren, matchId } = await activeMatch();
    expect(await requestRematch(db(), ren.id, matchId, "", later(1))).toMatchObject({ ok: false });
    const asked = await requestRematch(db(), a.id, matchId, "We do not get along", later(1));
    expect(asked).toEqual({
      ok: true,
      changes: [{ kind: "rematch_requested", matchId, userIds: [a.id] }],
    });
    expect((await myMentoring(db(), a.id)).matches[0]!.rematchRequested).toBe(true);
    const mentorView = JSON.stringify(await myMentoring(db(), ren.id));
    expect(mentorView).not.toContain("get along");
    expect(mentorView).not.toContain('rematchRequested":true');
    const overview = await organizerOverview(db(), later(2));
    expect(overview.rematchRequests.map((r) => [r.id, r.rematchNote])).toEqual([
      [matchId, "We do not get along"],
    ]);

    // The organizer ends it; the pair is never proposed again, the mentee is back in the pool.
    const ended = await endMatch(
      db(),
      { userId: organizer.id, isOrganizer: true },
      matchId,
      "Rematch asked for",
      later(2),
    );
    expect(ended).toEqual({
      ok: true,
      changes: [{ kind: "ended", matchId, userIds: [a.id, ren.id] }],
    });
    expect(await runMatching(db(), organizer.id)).toEqual({ drafted: 0, unmatched: 1 });
  });

  it("either person can end an active match; a stranger cannot; ended pairs stay apart", async () => {
    const { a, ren, matchId } = await activeMatch();
    const stranger = await person("Stranger");
    expect(
      await endMatch(db(), { userId: stranger.id, isOrganizer: false }, matchId, "", later(1)),
    ).toMatchObject({ ok: false, error: "errors.mentoringNotFound" });
    expect(
      await endMatch(
        db(),
        { userId: ren.id, isOrganizer: false },
        matchId,
        "Moving away",
        later(1),
      ),
    ).toMatchObject({ ok: true });
    const row = await db().mentoringMatch.findUniqueOrThrow({ where: { id: matchId } });
    expect(row).toMatchObject({ status: "ended", endedBy: "mentor", endFeedback: "Moving away" });
    expect((await myMentoring(db(), a.id)).matches).toEqual([]);
    await runMatching(db(), organizer.id);
    expect((await draftView(db())).pairs).toEqual([]);
    expect(await pickDraftMentor(db(), organizer.id, a.id, ren.id)).toMatchObject({
      ok: false,
      error: "mentoring.why.excluded",
    });
  });
});
