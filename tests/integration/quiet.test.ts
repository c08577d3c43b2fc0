import { describe, expect, it } from "vitest";
import { exportUserData } from "~/accounts/accounts.server";
import { quietMembers, sendQuietHello } from "~/care/quiet.server";
import { db } from "~/db.server";
import type { Locale } from "~/i18n/config";
import { getFixedT } from "~/i18n/i18next.server";
import {
  mailTokenFor,
  saveMailPreferences,
  setSubscribed,
} from "~/notifications/preferences.server";
import { renderMessage } from "~/notifications/templates.server";
import { createPerson } from "../support/people";

const now = new Date("2026-12-01T12:00:00Z");
const DAY = 86_400_000;
const WEEK8 = 56 * DAY;
const ago = (ms: number) => new Date(now.getTime() - ms);

let eventCount = 0;
/** A past (or future) event with these RSVPs; `checkedIn` people have attendedAt set. */
async function event(
  startsAt: Date,
  rsvps: { userId: string; status?: string; checkedIn?: boolean }[],
  status = "scheduled",
) {
  const created = await db().event.create({
    data: {
      kind: "cafe",
      title: `Café ${++eventCount}`,
      description: "",
      locale: "en",
      startsAt,
      endsAt: new Date(startsAt.getTime() + 2 * 3_600_000),
      status,
      rsvps: {
        create: rsvps.map((r) => ({
          userId: r.userId,
          status: r.status ?? "going",
          attendedAt: r.checkedIn ? startsAt : null,
        })),
      },
    },
  });
  return created.id;
}

async function member(locale: Locale = "en") {
  return createPerson({ locale });
}

async function listed(userId: string, at = now) {
  return (await quietMembers(db(), at)).find((q) => q.id === userId);
}

describe("people we have not seen for a while", () => {
  it("lists someone who came exactly twice in six months and not in the last eight weeks", async () => {
    const twice = await member();
    const once = await member();
    await event(ago(100 * DAY), [
      { userId: twice.id, checkedIn: true },
      { userId: once.id, checkedIn: true },
    ]);
    await event(ago(70 * DAY), [{ userId: twice.id, checkedIn: true }]);
    const found = await listed(twice.id);
    expect(found).toMatchObject({ timesCame: 2, lastCameAt: ago(70 * DAY), canSayHello: true });
    expect(await listed(once.id)).toBeUndefined();
  });

  it("treats an event exactly eight weeks ago as recent, and one a minute earlier as not", async () => {
    const edge = await member();
    const justPast = await member();
    await event(ago(120 * DAY), [
      { userId: edge.id, checkedIn: true },
      { userId: justPast.id, checkedIn: true },
    ]);
    await event(ago(WEEK8), [{ userId: edge.id, checkedIn: true }]);
    await event(ago(WEEK8 + 60_000), [{ userId: justPast.id, checkedIn: true }]);
    expect(await listed(edge.id)).toBeUndefined();
    expect(await listed(justPast.id)).toBeDefined();
  });

  it("counts only the last six months", async () => {
    const person = await member();
    const sixMonthsAgo = new Date(now);
    sixMonthsAgo.setUTCMonth(sixMonthsAgo.getUTCMonth() - 6);
    await event(new Date(sixMonthsAgo.getTime() - 60_000), [
      { userId: person.id, checkedIn: true },
    ]);
    await event(ago(80 * DAY), [{ userId: person.id, checkedIn: true }]);
    expect(await listed(person.id)).toBeUndefined();
    await event(sixMonthsAgo, [{ userId: person.id, checkedIn: true }]);
    expect(await listed(person.id)).toBeDefined();
  });

  it("leaves out people with an upcoming RSVP, going or waiting, but not a cancelled one", async () => {
    const [going, waiting, cancelled] = [await member(), await member(), await member()];
    for (const p of [going, waiting, cancelled]) {
      await event(ago(90 * DAY), [{ userId: p.id, checkedIn: true }]);
      await event(ago(80 * DAY), [{ userId: p.id, checkedIn: true }]);
    }
    await event(new Date(now.getTime() + 7 * DAY), [
      { userId: going.id, status: "going" },
      { userId: waiting.id, status: "waitlisted" },
      { userId: cancelled.id, status: "cancelled" },
    ]);
    expect(await listed(going.id)).toBeUndefined();
    expect(await listed(waiting.id)).toBeUndefined();
    expect(await listed(cancelled.id)).toBeDefined();
  });

  it("counts check-ins where the door used them, confirmed RSVPs where it did not, and no cancelled event", async () => {
    const noShow = await member();
    const unchecked = await member();
    const someoneElse = await member();
    // Check-in was used: going without being checked in is not coming.
    await event(ago(90 * DAY), [
      { userId: noShow.id, status: "going" },
      { userId: someoneElse.id, checkedIn: true },
    ]);
    await event(ago(80 * DAY), [{ userId: noShow.id, checkedIn: true }]);
    expect(await listed(noShow.id)).toBeUndefined();
    // Nobody was checked in: a confirmed RSVP counts; a cancelled event does not.
    await event(ago(95 * DAY), [{ userId: unchecked.id }]);
    await event(ago(85 * DAY), [{ userId: unchecked.id }], "cancelled");
    expect(await listed(unchecked.id)).toBeUndefined();
    await event(ago(75 * DAY), [{ userId: unchecked.id }]);
    expect(await listed(unchecked.id)).toMatchObject({ timesCame: 2 });
  });

  it("is about members, not the organizers who run the events", async () => {
    const organizer = await createPerson({ role: "organizer" });
    await event(ago(90 * DAY), [{ userId: organizer.id, checkedIn: true }]);
    await event(ago(80 * DAY), [{ userId: organizer.id, checkedIn: true }]);
    expect(await listed(organizer.id)).toBeUndefined();
  });
});

describe("the hello", () => {
  async function quietPerson(locale: Locale = "en") {
    const person = await member(locale);
    await event(ago(150 * DAY), [{ userId: person.id, checkedIn: true }]);
    await event(ago(90 * DAY), [{ userId: person.id, checkedIn: true }]);
    return person;
  }

  it("goes at most once in 60 days, recorded and through the outbox, and the list says so", async () => {
    const organizer = await createPerson({ role: "organizer" });
    // Visits 100 and 60 days ago keep the person quiet for the whole test (until day 60).
    const person = await member();
    await event(ago(100 * DAY), [{ userId: person.id, checkedIn: true }]);
    await event(ago(60 * DAY), [{ userId: person.id, checkedIn: true }]);
    const first = await sendQuietHello(db(), { userId: person.id, actorId: organizer.id, now });
    expect(first.ok).toBe(true);
    const queued = await db().outboxMessage.findMany({ where: { userId: person.id } });
    expect(queued.map((m) => m.kind)).toEqual(["quiet_hello"]);

    const day59 = new Date(now.getTime() + 59 * DAY);
    expect(
      await sendQuietHello(db(), { userId: person.id, actorId: organizer.id, now: day59 }),
    ).toEqual({
      ok: false,
      reason: "tooSoon",
    });
    expect(await listed(person.id, day59)).toMatchObject({ canSayHello: false, lastHelloAt: now });

    const day60 = new Date(now.getTime() + 60 * DAY);
    expect((await listed(person.id, day60))?.canSayHello).toBe(true);
    expect(
      (await sendQuietHello(db(), { userId: person.id, actorId: organizer.id, now: day60 })).ok,
    ).toBe(true);
    expect(await db().quietHello.count({ where: { userId: person.id } })).toBe(2);
    expect(
      await db().outboxMessage.count({ where: { userId: person.id, kind: "quiet_hello" } }),
    ).toBe(2);

    // The member sees the hellos in their data export, not who sent them.
    const exported = await exportUserData(db(), person.id);
    expect(exported.quietHellos).toEqual([
      { sentAt: now.toISOString() },
      { sentAt: day60.toISOString() },
    ]);
  });

  it("goes with the member's account, and forgets which organizer sent it when theirs goes", async () => {
    const organizer = await createPerson({ role: "organizer" });
    const person = await member();
    await event(ago(100 * DAY), [{ userId: person.id, checkedIn: true }]);
    await event(ago(60 * DAY), [{ userId: person.id, checkedIn: true }]);
    const sent = await sendQuietHello(db(), { userId: person.id, actorId: organizer.id, now });
    if (!sent.ok) throw new Error(sent.reason);
    await db().user.delete({ where: { id: organizer.id } });
    expect(await db().quietHello.findUnique({ where: { id: sent.helloId } })).toMatchObject({
      sentById: null,
    });
    await db().user.delete({ where: { id: person.id } });
    expect(await db().quietHello.count({ where: { id: sent.helloId } })).toBe(0);
  });

  it("never goes to someone who is not on the list", async () => {
    const organizer = await createPerson({ role: "organizer" });
    const regular = await member();
    await event(ago(10 * DAY), [{ userId: regular.id, checkedIn: true }]);
    await event(ago(3 * DAY), [{ userId: regular.id, checkedIn: true }]);
    expect(await sendQuietHello(db(), { userId: regular.id, actorId: organizer.id, now })).toEqual({
      ok: false,
      reason: "notQuiet",
    });
    expect(await db().quietHello.count({ where: { userId: regular.id } })).toBe(0);
  });

  it("never goes to people who opted out, in settings or with the one-click link", async () => {
    const organizer = await createPerson({ role: "organizer" });
    const inSettings = await quietPerson();
    const byLink = await quietPerson();
    await saveMailPreferences(db(), inSettings.id, {
      optedOut: ["quiet_hello"],
      reminderLead: "1d",
    });
    expect(
      await setSubscribed(db(), await mailTokenFor(db(), byLink.id), "quiet_hello", false),
    ).toBe(true);
    for (const person of [inSettings, byLink]) {
      expect(await listed(person.id)).toMatchObject({ optedOut: true, canSayHello: false });
      expect(await sendQuietHello(db(), { userId: person.id, actorId: organizer.id, now })).toEqual(
        {
          ok: false,
          reason: "optedOut",
        },
      );
    }
    expect(
      await db().outboxMessage.count({
        where: { kind: "quiet_hello", userId: { in: [inSettings.id, byLink.id] } },
      }),
    ).toBe(0);
  });

  it("says hello in the person's language, right to left for Persian, with the next events and /help", async () => {
    const organizer = await createPerson({ role: "organizer" });
    const person = await quietPerson("fa");
    const soon = new Date(Date.now() + 5 * DAY);
    await db().event.create({
      data: {
        kind: "cafe",
        title: "Refugee Café",
        description: "",
        locale: "en",
        startsAt: soon,
        endsAt: new Date(soon.getTime() + 3_600_000),
        translations: { create: { locale: "fa", title: "کافهٔ دوستی", description: "" } },
      },
    });
    const sent = await sendQuietHello(db(), { userId: person.id, actorId: organizer.id, now });
    if (!sent.ok) throw new Error(sent.reason);
    const t = await getFixedT("fa");
    const out = await renderMessage({
      db: db(),
      kind: "quiet_hello",
      payload: { helloId: sent.helloId },
      recipient: person,
      locale: "fa",
      t,
      appUrl: "https://tsunagu.example",
      unsubscribeUrl: "https://tsunagu.example/unsubscribe/x/quiet_hello",
    });
    if ("skip" in out) throw new Error(out.skip);
    expect(out.mail.subject).toBe(t("mail.subject.quiet_hello"));
    expect(out.mail.html).toContain('dir="rtl"');
    expect(out.mail.text).toContain("کافهٔ دوستی");
    expect(out.mail.text).toContain("https://tsunagu.example/help");
    expect(out.mail.text).toContain(t("quietMail.body"));
  });
});
