import { beforeEach, describe, expect, it } from "vitest";
import { createAccount, exportUserData } from "~/accounts/accounts.server";
import { PrismaSessionAdapter } from "~/accounts/lucia-adapter.server";
import { logIn } from "~/accounts/login.server";
import { createPasswordResetToken } from "~/accounts/password-reset.server";
import * as resetRoute from "~/routes/reset-password";
import { context, formRequest, respond } from "../support/requests";
import { changeRole } from "~/accounts/roles.server";
import { db } from "~/db.server";
import { createEvent } from "~/events/events.server";
import { answerGoing, cancelAnswer } from "~/events/rsvp.server";
import { DAY_MS } from "~/mentorship/codes";
import { saveProfile } from "~/mentorship/profiles.server";
import {
  answerProposal,
  approveMentor,
  matchingPool,
  pickDraftMentor,
  publishDraft,
  runMatching,
} from "~/mentorship/workflow.server";
import { auditPage } from "~/safety/audit-log.server";
import {
  endRule,
  keepApartAlerts,
  keepApartChoices,
  keepApartOverview,
  myKeepApartRequests,
  namelessOnCheckIn,
  raiseKeepApartAlerts,
  recordRule,
  requestKeepApart,
  setHideOnCheckIn,
  setRequestStatus,
} from "~/safety/keep-apart.server";
import { suspendAccount, unsuspendAccount } from "~/safety/suspension.server";
import { deliverOutbox } from "../support/outbox";
import { eventInput } from "../support/fixtures";
import { menteeInput, mentorInput } from "../support/mentoring";

// Matching looks at the whole pool, and alerts at every rule, so each test starts from empty
// mentoring, rule and outbox tables (this file has its own database copy).
const now = new Date();
let counter = 0;

async function person(name: string, role = "member") {
  counter++;
  const created = await createAccount(db(), {
    email: `ka${counter}-${crypto.randomUUID().slice(0, 8)}@example.com`,
    password: "a long passphrase",
    displayName: name,
    locale: "en",
  });
  if (!created.ok) throw new Error("no account");
  await db().user.update({
    where: { id: created.user.id },
    data: { role, emailVerifiedAt: new Date() },
  });
  return created.user;
}

async function mentee(name: string) {
  const user = await person(name);
  const saved = await saveProfile(db(), user.id, menteeInput(), "fa");
  if (!saved.ok) throw new Error(saved.error);
  return user;
}

async function mentor(name: string) {
  const user = await person(name);
  const saved = await saveProfile(db(), user.id, mentorInput(), "ja");
  if (!saved.ok) throw new Error(saved.error);
  await approveMentor(db(), organizer.id, user.id, now);
  return user;
}

async function event(capacity: number | undefined = 10, title = "Refugee Café") {
  const date = new Date(Date.now() + 10 * DAY_MS).toISOString().slice(0, 10);
  const created = await createEvent(db(), eventInput({ date, capacity, title }), organizer.id);
  if (!created.ok) throw new Error("no event");
  return created.eventId;
}

const going = (eventId: string, userId: string, children = 0) =>
  answerGoing(db(), { eventId, userId, children, guests: 0, interpretation: null, note: "" });

let organizer: Awaited<ReturnType<typeof person>>;
let admin: Awaited<ReturnType<typeof person>>;

beforeEach(async () => {
  await db().keepApartRule.deleteMany();
  await db().keepApartRequest.deleteMany();
  await db().mentoringMatch.deleteMany();
  await db().mentoringProfile.deleteMany();
  await db().outboxMessage.deleteMany();
  await db().devMail.deleteMany();
  await db().user.updateMany({ where: { role: { not: "member" } }, data: { role: "member" } });
  organizer = await person("Aiko", "organizer");
  admin = await person("Ren", "admin");
});

describe("a member's request", () => {
  it("reaches organizers with the person picked from their mentoring, and only there", async () => {
    const her = await mentee("Maryam");
    const him = await mentor("Karim");
    const stranger = await person("Stranger");
    await runMatching(db(), organizer.id);
    await publishDraft(db(), now);

    expect(await keepApartChoices(db(), her.id)).toEqual([{ id: him.id, displayName: "Karim" }]);
    // Someone she has never been matched with cannot be picked (the id was not on her list).
    expect(await requestKeepApart(db(), her.id, { namedUserId: stranger.id, details: "" })).toEqual(
      { ok: false, error: "errors.invalidChoice" },
    );
    expect(await requestKeepApart(db(), her.id, { namedUserId: null, details: "  " })).toEqual({
      ok: false,
      error: "keepApart.nameNeeded",
    });
    const sent = await requestKeepApart(db(), her.id, {
      namedUserId: him.id,
      details: "He waits for me after the café",
    });
    expect(sent.ok).toBe(true);

    const mine = await myKeepApartRequests(db(), her.id);
    expect(mine.map((r) => [r.status, r.namedUser?.displayName])).toEqual([["received", "Karim"]]);
    const audit = await db().auditEntry.findMany({ where: { action: "keep_apart.requested" } });
    expect(audit).toHaveLength(1);
    // The audit holds no words of hers.
    expect(audit[0]!.detail).toBe("");

    const seen = await keepApartOverview(db(), organizer.id);
    expect(seen.requests.map((r) => r.details)).toEqual(["He waits for me after the café"]);
    // A typed name reaches organizers too.
    await requestKeepApart(db(), her.id, { namedUserId: null, details: "A man called Reza" });
    expect((await keepApartOverview(db(), organizer.id)).requests.map((r) => r.details)).toEqual([
      "A man called Reza",
      "He waits for me after the café",
    ]);
    await db().keepApartRequest.deleteMany({ where: { namedUserId: null } });
    // An organizer named in a request never sees it.
    await changeRole(db(), { userId: him.id, role: "organizer", changedById: admin.id });
    expect((await keepApartOverview(db(), him.id)).requests).toEqual([]);

    // Nothing of it in his export; all of it in hers.
    const his = JSON.stringify(await exportUserData(db(), him.id));
    expect(his).not.toContain("waits for me");
    expect(his).not.toContain("Maryam");
    const hers = await exportUserData(db(), her.id);
    expect(hers.privacyRequests).toMatchObject([
      { person: "Karim", details: "He waits for me after the café", status: "received" },
    ]);

    expect(await setRequestStatus(db(), organizer.id, sent.ok ? sent.id : "", "closed")).toBe(true);
    expect((await myKeepApartRequests(db(), her.id))[0]!.status).toBe("closed");
  });
});

describe("a keep-apart rule", () => {
  it("stops a proposal in the mentoring draft, whichever side is protected", async () => {
    const her = await mentee("Maryam");
    const him = await mentor("Karim");
    await runMatching(db(), organizer.id);
    expect(await db().mentoringMatch.count({ where: { status: "draft" } })).toBe(1);

    const rule = await recordRule(db(), organizer.id, {
      protectedId: him.id,
      otherId: her.id,
      requestId: null,
    });
    expect(rule.ok).toBe(true);
    // The draft pairing them went at once, and matching again does not bring it back.
    expect(await db().mentoringMatch.count({ where: { status: "draft" } })).toBe(0);
    expect(await runMatching(db(), organizer.id)).toEqual({ drafted: 0, unmatched: 1 });
    expect(await pickDraftMentor(db(), organizer.id, her.id, him.id)).toMatchObject({
      ok: false,
      error: "mentoring.why.excluded",
    });
    const pool = await matchingPool(db());
    expect(pool.menteeById.get(her.id)!.excludedMentorIds).toContain(him.id);

    // A second rule for the same pair, in either order, is refused; so is a person with themselves.
    expect(
      await recordRule(db(), organizer.id, {
        protectedId: her.id,
        otherId: him.id,
        requestId: null,
      }),
    ).toEqual({ ok: false, error: "keepApartOrg.alreadyRule" });
    expect(
      await recordRule(db(), organizer.id, {
        protectedId: her.id,
        otherId: her.id,
        requestId: null,
      }),
    ).toEqual({ ok: false, error: "keepApartOrg.samePerson" });

    // Ended, the pair can be matched again.
    expect(await endRule(db(), organizer.id, rule.ok ? rule.id : "")).toBe(true);
    expect(await runMatching(db(), organizer.id)).toEqual({ drafted: 1, unmatched: 0 });
    const actions = await db().auditEntry.findMany({
      where: { targetId: rule.ok ? rule.id : "" },
      orderBy: { createdAt: "asc" },
    });
    expect(actions.map((a) => a.action)).toEqual(["keep_apart.recorded", "keep_apart.ended"]);
  });

  it("shows the organizer an existing match between the two, and messages nobody", async () => {
    const her = await mentee("Maryam");
    const him = await mentor("Karim");
    await runMatching(db(), organizer.id);
    const { changes } = await publishDraft(db(), now);
    await answerProposal(db(), her.id, changes[0]!.matchId, "accept", now);
    const before = await db().outboxMessage.count();

    await recordRule(db(), organizer.id, { protectedId: her.id, otherId: him.id, requestId: null });
    const { rules } = await keepApartOverview(db(), organizer.id);
    expect(rules[0]!.matches).toEqual([{ id: changes[0]!.matchId, status: "proposed" }]);
    expect(
      await db().mentoringMatch.findUnique({ where: { id: changes[0]!.matchId } }),
    ).toMatchObject({ status: "proposed" });
    expect(await db().outboxMessage.count()).toBe(before);
  });

  it("alerts the event's organizers once when both come, in either order and before or after the rule", async () => {
    const her = await person("Maryam");
    const him = await person("Karim");
    const someoneElse = await person("Yuki");
    const early = await event();
    const later = await event();
    // Both answered before the rule exists.
    await going(early, him.id);
    await going(early, her.id);
    await going(early, someoneElse.id);
    await recordRule(db(), organizer.id, { protectedId: her.id, otherId: him.id, requestId: null });
    // And the protected one answers first here; he ends up on the waiting list, which counts too.
    await db().event.update({ where: { id: later }, data: { capacity: 1 } });
    await going(later, her.id);
    expect((await keepApartAlerts(db(), organizer.id)).map((a) => a.eventId)).toEqual([early]);
    await going(later, him.id);
    expect(
      await db().rsvp.findUnique({
        where: { eventId_userId: { eventId: later, userId: him.id } },
        select: { status: true },
      }),
    ).toEqual({ status: "waitlisted" });

    const alerts = await keepApartAlerts(db(), organizer.id);
    expect(alerts.map((a) => a.eventId).sort()).toEqual([early, later].sort());
    // Organizers and admins each get one email per event; another round records nothing more.
    // Two senders at once (the web server's and `npm run worker`) record each email once.
    const [a, b] = await Promise.all([raiseKeepApartAlerts(db()), raiseKeepApartAlerts(db())]);
    expect(a + b).toBe(4);
    expect(await raiseKeepApartAlerts(db())).toBe(0);
    const mails = await db().outboxMessage.findMany({ where: { kind: "organizer_notice" } });
    expect(mails).toHaveLength(4);
    expect(new Set(mails.map((m) => m.userId))).toEqual(new Set([organizer.id, admin.id]));

    // The email says nothing: no names, no event, no title.
    await deliverOutbox();
    const sent = await db().devMail.findMany({
      where: { subject: "There is something for you on Tsunagu" },
    });
    expect(sent).toHaveLength(4);
    for (const mail of sent) {
      for (const text of [mail.subject, mail.text, mail.html]) {
        expect(text).not.toMatch(/Maryam|Karim|Café|Refugee|keep|apart|safety/i);
      }
    }
    // The two people themselves get nothing about it.
    expect(
      await db().outboxMessage.count({
        where: { kind: "organizer_notice", userId: { in: [her.id, him.id] } },
      }),
    ).toBe(0);
  });

  it("does not send the notice once one of the two has cancelled", async () => {
    const her = await person("Maryam");
    const him = await person("Karim");
    const eventId = await event();
    await going(eventId, her.id);
    await going(eventId, him.id);
    await recordRule(db(), organizer.id, { protectedId: her.id, otherId: him.id, requestId: null });
    expect(await raiseKeepApartAlerts(db())).toBe(2);
    await cancelAnswer(db(), { eventId, userId: him.id });
    await deliverOutbox();
    expect(
      (await db().outboxMessage.findMany({ where: { kind: "organizer_notice" } })).map(
        (m) => m.status,
      ),
    ).toEqual(["skipped", "skipped"]);
    expect(await keepApartAlerts(db(), organizer.id)).toEqual([]);
  });

  it("never alerts or shows an organizer who is one of the two", async () => {
    const her = await person("Maryam");
    const him = await person("Karim", "organizer");
    const eventId = await event();
    await going(eventId, her.id);
    await going(eventId, him.id);
    await recordRule(db(), organizer.id, { protectedId: her.id, otherId: him.id, requestId: null });
    expect(await keepApartAlerts(db(), him.id)).toEqual([]);
    expect((await keepApartOverview(db(), him.id)).rules).toEqual([]);
    await raiseKeepApartAlerts(db());
    expect(
      await db().outboxMessage.count({ where: { kind: "organizer_notice", userId: him.id } }),
    ).toBe(0);
    expect(await db().outboxMessage.count({ where: { kind: "organizer_notice" } })).toBe(2);
  });

  it("hides the protected member's name on check-in only when she asked, and only while protected", async () => {
    const her = await person("Maryam");
    const him = await person("Karim");
    const eventId = await event();
    await going(eventId, her.id);
    await going(eventId, him.id);
    const hers = await db().rsvp.findUniqueOrThrow({
      where: { eventId_userId: { eventId, userId: her.id } },
    });
    await setHideOnCheckIn(db(), her.id, true);
    await setHideOnCheckIn(db(), him.id, true);
    // No rule yet: the choice means nothing.
    expect(await namelessOnCheckIn(db(), eventId)).toEqual(new Set());
    const rule = await recordRule(db(), organizer.id, {
      protectedId: her.id,
      otherId: him.id,
      requestId: null,
    });
    // His own choice does nothing: he is not the protected one.
    expect(await namelessOnCheckIn(db(), eventId)).toEqual(new Set([hers.id]));
    await endRule(db(), organizer.id, rule.ok ? rule.id : "");
    expect(await namelessOnCheckIn(db(), eventId)).toEqual(new Set());
  });
});

describe("suspension", () => {
  it("closes the log-in and every session, gives the seats to the waiting list in order, and ends the match with a neutral note", async () => {
    const him = await mentor("Karim");
    const her = await mentee("Maryam");
    await runMatching(db(), organizer.id);
    const { changes } = await publishDraft(db(), now);
    const matchId = changes[0]!.matchId;
    await answerProposal(db(), her.id, matchId, "accept", now);
    await answerProposal(db(), him.id, matchId, "accept", now);

    const eventId = await event(2);
    const first = await person("First in line");
    const second = await person("Second in line");
    await going(eventId, him.id, 1); // he and a child take both seats
    await going(eventId, first.id);
    await going(eventId, second.id);
    const session = await db().session.create({
      data: { id: "suspended-session", userId: him.id, expiresAt: new Date(Date.now() + DAY_MS) },
    });
    await db().outboxMessage.deleteMany();

    const outcome = await suspendAccount(db(), admin.id, him.id, "conduct");
    expect(outcome.ok).toBe(true);
    expect(await db().session.count({ where: { userId: him.id } })).toBe(0);

    const statuses = await db().rsvp.findMany({
      where: { eventId },
      orderBy: { queueSeq: "asc" },
      select: { userId: true, status: true },
    });
    expect(statuses).toEqual([
      { userId: him.id, status: "cancelled" },
      { userId: first.id, status: "going" },
      { userId: second.id, status: "going" },
    ]);
    const mail = await db().outboxMessage.findMany({ orderBy: { createdAt: "asc" } });
    expect(mail.filter((m) => m.kind === "rsvp_promoted").map((m) => m.userId)).toEqual([
      first.id,
      second.id,
    ]);
    // The match ended; only she is told, with the usual "has ended" note and no reason.
    expect(await db().mentoringMatch.findUnique({ where: { id: matchId } })).toMatchObject({
      status: "ended",
      endedBy: "organizer",
      endFeedback: "",
    });
    expect(mail.filter((m) => m.kind === "mentoring_ended").map((m) => m.userId)).toEqual([her.id]);
    await deliverOutbox();
    const note = await db().devMail.findFirstOrThrow({
      where: { subject: "Mentoring: your match has ended" },
    });
    expect(note.text).not.toMatch(/suspend|conduct|reason/i);

    // Log-in: the right password gets a neutral refusal, a wrong one the usual one.
    const email = (await db().user.findUniqueOrThrow({ where: { id: him.id } })).email;
    expect(await logIn(db(), { email, password: "a long passphrase", ip: "203.0.113.9" })).toEqual({
      ok: false,
      reason: "unavailable",
    });
    expect(await logIn(db(), { email, password: "wrong passphrase", ip: "203.0.113.9" })).toEqual({
      ok: false,
      reason: "invalid",
    });
    // A reset link saves the new password but says, as log-in does, that she cannot sign in.
    const reset = await createPasswordResetToken(db(), email, "en");
    if (!reset) throw new Error("no reset token");
    const afterReset = await respond(() =>
      resetRoute.action({
        request: formRequest("/reset-password", {
          token: reset.token,
          password: "a long passphrase",
        }),
        params: {},
        context,
      }),
    );
    expect(afterReset.status).toBe(302);
    expect(afterReset.headers.get("Location")).toBe("/login?unavailable=1");
    expect(afterReset.headers.get("Set-Cookie")).toBeNull();
    // A session made any other way (a reset or sign-up link) is not valid either.
    await db().session.create({
      data: { id: session.id, userId: him.id, expiresAt: new Date(Date.now() + DAY_MS) },
    });
    const adapter = new PrismaSessionAdapter(db());
    expect(await adapter.getSessionAndUser(session.id)).toEqual([null, null]);

    // Never proposed again.
    const pool = await matchingPool(db());
    expect(pool.mentorById.has(him.id)).toBe(false);

    // Lifting it restores the log-in only.
    expect(await unsuspendAccount(db(), admin.id, him.id)).toBe(true);
    expect((await adapter.getSessionAndUser(session.id))[0]?.id).toBe(session.id);
    expect(await logIn(db(), { email, password: "a long passphrase", ip: "203.0.113.9" })).toEqual({
      ok: true,
      userId: him.id,
    });
    expect(
      await db().rsvp.findUnique({ where: { eventId_userId: { eventId, userId: him.id } } }),
    ).toMatchObject({ status: "cancelled" });
    expect(await db().mentoringMatch.findUnique({ where: { id: matchId } })).toMatchObject({
      status: "ended",
    });

    const audit = await db().auditEntry.findMany({
      where: { subjectId: him.id, action: { startsWith: "account." } },
      orderBy: { createdAt: "asc" },
    });
    expect(audit.map((a) => [a.action, a.detail, a.actorId])).toEqual([
      ["account.suspended", "conduct", admin.id],
      ["account.unsuspended", "", admin.id],
    ]);
  });

  it("refuses to suspend yourself, twice, or nobody", async () => {
    const her = await person("Maryam");
    expect(await suspendAccount(db(), admin.id, admin.id, "other")).toEqual({
      ok: false,
      error: "suspend.notYourself",
    });
    expect(await suspendAccount(db(), admin.id, "nobody", "other")).toEqual({
      ok: false,
      error: "suspend.notFound",
    });
    expect((await suspendAccount(db(), admin.id, her.id, "spam")).ok).toBe(true);
    expect(await suspendAccount(db(), admin.id, her.id, "spam")).toEqual({
      ok: false,
      error: "suspend.already",
    });
    expect(await unsuspendAccount(db(), admin.id, organizer.id)).toBe(false);
  });
});

describe("the audit page", () => {
  it("reads audit entries and role changes together, newest first, a page at a time", async () => {
    await db().auditEntry.deleteMany();
    await db().roleChange.deleteMany();
    const her = await person("Maryam");
    await changeRole(db(), { userId: her.id, role: "organizer", changedById: admin.id });
    await suspendAccount(db(), admin.id, her.id, "safety");
    for (let i = 0; i < 30; i++) await unsuspendAccount(db(), admin.id, her.id); // no-ops
    await unsuspendAccount(db(), admin.id, her.id);
    const first = await auditPage(db(), 1);
    expect(first.lines.map((l) => l.action)).toEqual([
      "account.unsuspended",
      "account.suspended",
      "role.changed",
    ]);
    expect(first.lines[2]).toMatchObject({
      about: "Maryam",
      by: { kind: "person", name: "Ren" },
      detail: "member→organizer",
    });
    expect(first.pageCount).toBe(1);

    for (let i = 0; i < 40; i++) {
      await suspendAccount(db(), admin.id, her.id, "other");
      await unsuspendAccount(db(), admin.id, her.id);
    }
    const page1 = await auditPage(db(), 1);
    const page2 = await auditPage(db(), 2);
    const page3 = await auditPage(db(), 3);
    expect(page1.pageCount).toBe(3);
    expect([...page1.lines, ...page2.lines, ...page3.lines]).toHaveLength(83);
    expect(page3.lines.at(-1)!.action).toBe("role.changed");
    const times = [...page1.lines, ...page2.lines].map((l) => l.at.getTime());
    expect(times).toEqual([...times].sort((a, b) => b - a));
  });
});
