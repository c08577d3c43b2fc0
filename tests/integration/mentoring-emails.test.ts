import { beforeEach, describe, expect, it } from "vitest";
import { db } from "~/db.server";
import type { Locale } from "~/i18n/config";
import { DAY_MS } from "~/mentorship/codes";
import { saveProfile } from "~/mentorship/profiles.server";
import {
  answerProposal,
  approveMentor,
  endMatch,
  flagQuietMatches,
  logCheckIn,
  publishDraft,
  requestRematch,
  runMatching,
} from "~/mentorship/workflow.server";
import { deliverOutbox } from "../support/outbox";
import { menteeInput, mentorInput } from "../support/mentoring";
import { createPerson } from "../support/people";

/**
 * The emails the mentoring workflow records in the outbox, in the same transaction as each
 * step, and what they may say: names, never contact details or why.
 */
const now = new Date();
const later = (days: number) => new Date(now.getTime() + days * DAY_MS);

let organizer: Awaited<ReturnType<typeof createPerson>>;

beforeEach(async () => {
  await db().outboxMessage.deleteMany();
  await db().devMail.deleteMany();
  await db().mentoringMatch.deleteMany();
  await db().mentoringProfile.deleteMany();
  organizer ??= await createPerson({ role: "organizer" });
});

async function pair(locales: { mentee: Locale; mentor: Locale } = { mentee: "fa", mentor: "ja" }) {
  const mentee = await createPerson({ locale: locales.mentee });
  await db().user.update({ where: { id: mentee.id }, data: { displayName: "Maryam" } });
  const saved = await saveProfile(
    db(),
    mentee.id,
    menteeInput({ about: "I fled alone", shareEmail: true, contactHandle: "@maryam-private" }),
    locales.mentee,
  );
  if (!saved.ok) throw new Error(saved.error);
  const mentor = await createPerson({ locale: locales.mentor });
  await db().user.update({ where: { id: mentor.id }, data: { displayName: "Ren" } });
  const savedMentor = await saveProfile(
    db(),
    mentor.id,
    mentorInput({ shareEmail: true, contactHandle: "@ren-line" }),
    locales.mentor,
  );
  if (!savedMentor.ok) throw new Error(savedMentor.error);
  await approveMentor(db(), organizer.id, mentor.id, now);
  await runMatching(db(), organizer.id);
  await publishDraft(db(), now);
  const match = await db().mentoringMatch.findFirstOrThrow({ where: { menteeId: mentee.id } });
  return { mentee, mentor, match };
}

const queued = async () =>
  (await db().outboxMessage.findMany({ orderBy: { createdAt: "asc" } })).map((m) => ({
    kind: m.kind,
    userId: m.userId,
  }));

const mailTo = (email: string) =>
  db().devMail.findMany({ where: { to: email }, orderBy: { createdAt: "asc" } });

describe("mentoring emails", () => {
  it("asks both to answer, in their own languages, with names but no private details", async () => {
    const { mentee, mentor } = await pair();
    expect(await queued()).toEqual([
      { kind: "mentoring_proposed", userId: mentee.id },
      { kind: "mentoring_proposed", userId: mentor.id },
    ]);
    expect((await deliverOutbox()).sent).toBe(2);

    const [toMentor] = await mailTo(mentor.email);
    expect(toMentor!.html).toContain('lang="ja"');
    expect(toMentor!.text).toContain("Maryam");
    for (const secret of ["I fled alone", "@maryam-private", mentee.email]) {
      expect(toMentor!.text).not.toContain(secret);
      expect(toMentor!.html).not.toContain(secret);
    }
    const [toMentee] = await mailTo(mentee.email);
    expect(toMentee!.html).toContain('dir="rtl"');
    expect(toMentee!.text).toContain("Ren");
    expect(toMentee!.text).not.toContain("@ren-line");
    expect(toMentee!.subject).not.toMatch(/refugee|پناه/i);
    expect(toMentee!.subject).toMatch(/[۰-۹]/); // the answer-by date, in Persian digits
    for (const mail of [toMentee!, toMentor!]) {
      expect(mail.subject + mail.text).not.toContain("{{");
    }
    expect(JSON.parse(toMentee!.headers)["List-Unsubscribe"]).toMatch(/mentoring_proposed>$/);
  });

  it("introduces both once the second says yes, and still sends no contact details by email", async () => {
    const { mentee, mentor, match } = await pair();
    await db().outboxMessage.deleteMany();
    await answerProposal(db(), mentee.id, match.id, "accept", later(1));
    expect(await queued()).toEqual([]); // one yes is not a match yet
    await answerProposal(db(), mentor.id, match.id, "accept", later(2));
    expect((await queued()).map((m) => m.kind)).toEqual([
      "mentoring_introduction",
      "mentoring_introduction",
    ]);
    await deliverOutbox();
    const [intro] = await mailTo(mentor.email);
    expect(intro!.text).toContain("Maryam");
    expect(intro!.text).not.toContain("@maryam-private");
    expect(intro!.text).not.toContain(mentee.email);
  });

  it("tells only the other person when someone says no, and both when a proposal expires", async () => {
    const first = await pair();
    await db().outboxMessage.deleteMany();
    await answerProposal(db(), first.mentor.id, first.match.id, "decline", later(1));
    expect(await queued()).toEqual([
      { kind: "mentoring_not_going_ahead", userId: first.mentee.id },
    ]);
    await deliverOutbox();
    const [notice] = await mailTo(first.mentee.email);
    expect(notice!.text).not.toContain("Ren"); // who said no is not named

    await db().mentoringMatch.deleteMany();
    await db().mentoringProfile.deleteMany();
    await db().outboxMessage.deleteMany();
    const second = await pair();
    await db().outboxMessage.deleteMany();
    await answerProposal(db(), second.mentee.id, second.match.id, "accept", later(8)); // too late
    expect((await queued()).map((m) => [m.kind, m.userId])).toEqual([
      ["mentoring_not_going_ahead", second.mentee.id],
      ["mentoring_not_going_ahead", second.mentor.id],
    ]);
  });

  it("nudges a quiet mentor once, and not if they check in before it goes out", async () => {
    const { mentee, mentor, match } = await pair();
    await answerProposal(db(), mentee.id, match.id, "accept", later(1));
    await answerProposal(db(), mentor.id, match.id, "accept", later(1));
    await db().outboxMessage.deleteMany();
    await flagQuietMatches(db(), later(23));
    await flagQuietMatches(db(), later(24)); // once per quiet spell
    expect(await queued()).toEqual([{ kind: "mentoring_checkin", userId: mentor.id }]);
    await logCheckIn(db(), mentor.id, match.id, { met: true, note: "Coffee" }, later(24));
    expect(await deliverOutbox()).toMatchObject({ sent: 0, skipped: 1 });
  });

  it("tells organizers, not the mentor, about a quiet request for another mentor; an ended match tells the other person", async () => {
    const { mentee, mentor, match } = await pair();
    await answerProposal(db(), mentee.id, match.id, "accept", later(1));
    await answerProposal(db(), mentor.id, match.id, "accept", later(1));
    await db().outboxMessage.deleteMany();
    await requestRematch(db(), mentee.id, match.id, "We do not get along", later(3));
    const rematch = await queued();
    expect(rematch.every((m) => m.kind === "mentoring_rematch")).toBe(true);
    expect(rematch.map((m) => m.userId)).toContain(organizer.id);
    expect(rematch.map((m) => m.userId)).not.toContain(mentor.id);
    await deliverOutbox();
    const [toOrganizer] = await mailTo(organizer.email);
    expect(toOrganizer!.text).not.toContain("We do not get along");
    expect(toOrganizer!.text).not.toContain("Maryam");

    await db().outboxMessage.deleteMany();
    await endMatch(db(), { userId: organizer.id, isOrganizer: true }, match.id, "", later(4));
    expect((await queued()).map((m) => m.userId).sort()).toEqual([mentee.id, mentor.id].sort());
  });
});
