import { beforeAll, describe, expect, it } from "vitest";
import { deleteAccount, exportUserData } from "~/accounts/accounts.server";
import { startSession } from "~/accounts/sessions.server";
import { db } from "~/db.server";
import { createEvent, topUpAllSeries, updateEvent } from "~/events/events.server";
import { answerGoing, cancelAnswer, myStatus } from "~/events/rsvp.server";
import { addException, placesFromBefore, removeException } from "~/events/women-only.server";
import * as eventRoute from "~/routes/events.$id";
import * as exceptionsRoute from "~/routes/organize.events.$id.exceptions";
import * as queueRoute from "~/routes/organize.reports";
import * as reportRoute from "~/routes/report";
import { ESCALATE_AFTER_MS } from "~/safety/report-codes";
import {
  closeReport,
  createReport,
  escalateReports,
  myReports,
  reportQueue,
  reportsWaiting,
  takeReport,
} from "~/safety/reports.server";
import { recordRule } from "~/safety/keep-apart.server";
import { supportedLocales } from "~/i18n/config";
import { getFixedT } from "~/i18n/i18next.server";
import { reasonHasPassed } from "~/notifications/relevance.server";
import { scheduleReminders } from "~/notifications/reminders.server";
import { renderMessage } from "~/notifications/templates.server";
import { eventInput } from "../support/fixtures";
import { createPerson } from "../support/people";
import { context, formRequest, getRequest, respond } from "../support/requests";
import { postSettings, savedLocation } from "../support/settings";

const now = new Date("2026-12-01T00:00:00Z");
type Who = { id: string; email: string; cookie: string };

async function who(role: "member" | "organizer" | "admin" = "member"): Promise<Who> {
  const user = await createPerson({ role });
  return { id: user.id, email: user.email, cookie: await startSession(user.id) };
}
const args = (request: Request, params: Record<string, string> = {}) => ({
  request,
  params,
  context,
});
const going = (eventId: string, userId: string, extra: { children?: number } = {}) =>
  answerGoing(
    db(),
    { eventId, userId, children: extra.children ?? 0, guests: 0, interpretation: null, note: "" },
    now,
  );
const describe_ = (userId: string, value: boolean | null) =>
  db().user.update({ where: { id: userId }, data: { describesAsWoman: value } });

let organizer: Who;
beforeAll(async () => {
  organizer = await who("organizer");
});

async function womenEvent(overrides: Parameters<typeof eventInput>[0] = {}) {
  const created = await createEvent(
    db(),
    eventInput({ womenOnly: true, date: "2026-12-12", ...overrides }),
    organizer.id,
    now,
  );
  if (!created.ok) throw new Error(JSON.stringify(created.errors));
  return created;
}

describe("gatherings for women: the RSVP rule in the domain", () => {
  it("lets women answer and refuses people who have not said so, on the new-answer path", async () => {
    const { eventId } = await womenEvent();
    const woman = await who();
    const unanswered = await who();
    const notWoman = await who();
    await describe_(woman.id, true);
    await describe_(notWoman.id, false);

    expect(await going(eventId, woman.id)).toMatchObject({ ok: true, status: "going" });
    expect(await going(eventId, unanswered.id)).toEqual({
      ok: false,
      error: "womenOnly.notAnswered",
    });
    expect(await going(eventId, notWoman.id)).toEqual({ ok: false, error: "womenOnly.notForYou" });
    expect(await db().rsvp.count({ where: { eventId } })).toBe(1);
  });

  it("admits a named exception to that one event only, and the exception can be taken back", async () => {
    const { eventId } = await womenEvent();
    const other = await womenEvent();
    const father = await who();
    await describe_(father.id, false);
    const added = await addException(db(), {
      eventId,
      email: ` ${father.email.toUpperCase()} `,
      organizerId: organizer.id,
    });
    expect(added.ok).toBe(true);
    expect(await going(eventId, father.id, { children: 2 })).toMatchObject({ ok: true });
    expect(await going(other.eventId, father.id)).toMatchObject({ ok: false });
    expect(
      await addException(db(), { eventId, email: "nobody@example.com", organizerId: organizer.id }),
    ).toEqual({ ok: false, error: "womenOnly.noSuchPerson" });

    // Taken back: the place stays, but the answer can no longer be changed; cancelling can.
    await removeException(db(), eventId, father.id);
    expect(await going(eventId, father.id, { children: 1 })).toEqual({
      ok: false,
      error: "womenOnly.notForYou",
    });
    expect((await myStatus(db(), eventId, father.id)).children).toBe(2);
    expect(await cancelAnswer(db(), { eventId, userId: father.id }, now)).toMatchObject({
      ok: true,
    });
  });

  it("keeps earlier places when an event becomes for women, counts them, and refuses changes", async () => {
    const created = await createEvent(db(), eventInput({ date: "2026-12-13" }), organizer.id, now);
    if (!created.ok) throw new Error("no event");
    const earlier = await who();
    const woman = await who();
    await describe_(woman.id, true);
    await going(created.eventId, earlier.id);
    await going(created.eventId, woman.id);
    const edited = await updateEvent(
      db(),
      created.eventId,
      { ...eventInput({ date: "2026-12-13", womenOnly: true }), scope: "one" },
      now,
    );
    expect(edited.ok).toBe(true);
    expect((await myStatus(db(), created.eventId, earlier.id)).status).toBe("going");
    expect(await placesFromBefore(db(), created.eventId)).toBe(1);
    expect(await going(created.eventId, earlier.id, { children: 1 })).toEqual({
      ok: false,
      error: "womenOnly.notAnswered",
    });
    expect(await going(created.eventId, woman.id, { children: 1 })).toMatchObject({ ok: true });
  });

  it("carries the flag into every occurrence of a series, including later top-ups", async () => {
    const { seriesId } = await womenEvent({ repeat: "weekly", date: "2026-12-05" });
    const first = await db().event.findMany({ where: { seriesId } });
    expect(first.length).toBeGreaterThan(5);
    expect(first.every((e) => e.womenOnly)).toBe(true);
    await topUpAllSeries(db(), new Date(now.getTime() + 60 * 86_400_000));
    const later = await db().event.findMany({ where: { seriesId } });
    expect(later.length).toBeGreaterThan(first.length);
    expect(later.every((e) => e.womenOnly)).toBe(true);
  });
});

describe("gatherings for women through HTTP", () => {
  it("shows a member who has not answered the explanation, refuses her POST, and lets her answer after the settings question", async () => {
    const { eventId } = await womenEvent({ date: "2027-01-09" });
    const member = await who();
    const page = await respond(() =>
      eventRoute.loader(
        args(getRequest(`/events/${eventId}`, { Cookie: member.cookie }), { id: eventId }),
      ),
    );
    const data = (await page.json()) as { notForMe: string | null; event: { womenOnly: boolean } };
    expect(data.event.womenOnly).toBe(true);
    expect(data.notForMe).toBe("womenOnly.notAnswered");

    const rsvp = { intent: "going", children: "0", guests: "0", note: "" };
    const refused = await respond(() =>
      eventRoute.action(
        args(formRequest(`/events/${eventId}`, rsvp, member.cookie), { id: eventId }),
      ),
    );
    expect(refused.status).toBe(400);
    expect(((await refused.json()) as { error: string }).error).toBe("womenOnly.notAnswered");

    const saved = await postSettings("women-only", { answer: "yes" }, member.cookie);
    expect(saved.status).toBe(302);
    expect(saved.headers.get("Location")).toBe(savedLocation("women-only"));
    const accepted = await respond(() =>
      eventRoute.action(
        args(formRequest(`/events/${eventId}`, rsvp, member.cookie), { id: eventId }),
      ),
    );
    expect(((await accepted.json()) as { done: string }).done).toBe("going");

    // "I would rather not say" goes back to not answered; a made-up answer is refused.
    await postSettings("women-only", { answer: "unsaid" }, member.cookie);
    expect(
      (await db().user.findUniqueOrThrow({ where: { id: member.id } })).describesAsWoman,
    ).toBeNull();
    const bad = await postSettings("women-only", { answer: "maybe" }, member.cookie);
    expect(bad.status).toBe(400);
  });

  it("lets organizers name an exception by email, shows display names only, and refuses members", async () => {
    const { eventId } = await womenEvent({ date: "2027-01-10" });
    const father = await who();
    const member = await who();
    const path = `/organize/events/${eventId}/exceptions`;
    const wrong = await respond(() =>
      exceptionsRoute.action(
        args(formRequest(path, { intent: "add", email: "nobody@example.com" }, organizer.cookie), {
          id: eventId,
        }),
      ),
    );
    expect(wrong.status).toBe(400);
    const wrongBody = JSON.stringify(await wrong.json());
    expect(wrongBody).toContain("womenOnly.noSuchPerson");
    // What was typed comes back with the error.
    expect(wrongBody).toContain("nobody@example.com");

    const ok = await respond(() =>
      exceptionsRoute.action(
        args(formRequest(path, { intent: "add", email: father.email }, organizer.cookie), {
          id: eventId,
        }),
      ),
    );
    expect(ok.status).toBe(200);
    const list = await respond(() =>
      exceptionsRoute.loader(args(getRequest(path, { Cookie: organizer.cookie }), { id: eventId })),
    );
    const text = await list.text();
    expect(text).toContain(father.id);
    expect(text).not.toContain(father.email);

    const refused = await respond(() =>
      exceptionsRoute.loader(args(getRequest(path, { Cookie: member.cookie }), { id: eventId })),
    );
    expect(refused.status).toBe(403);
  });
});

describe("reports of concern", () => {
  it("are sent through HTTP with their context, listed for the sender with their state, and audited without the words", async () => {
    const member = await who();
    const missing = await respond(() =>
      reportRoute.action(
        args(formRequest("/report", { intent: "report", body: "he follows me" }, member.cookie)),
      ),
    );
    expect(missing.status).toBe(400);
    // Nothing typed is lost on an error.
    expect(JSON.stringify(await missing.json())).toContain("he follows me");

    const sent = await respond(() =>
      reportRoute.action(
        args(
          formRequest(
            "/report",
            {
              intent: "report",
              about: "person",
              context: "event:abc123",
              personName: "Tall man, green coat",
              body: "He waits outside after every café.",
            },
            member.cookie,
          ),
        ),
      ),
    );
    expect(sent.status).toBe(302);
    expect(sent.headers.get("Location")).toBe("/report?sent=1");
    const report = await db().report.findFirstOrThrow({ where: { reporterId: member.id } });
    expect(report).toMatchObject({ contextKind: "event", contextId: "abc123", state: "received" });

    const audit = await db().auditEntry.findMany({ where: { targetId: report.id } });
    expect(audit.map((a) => [a.action, a.detail])).toEqual([["report.received", "person"]]);
    expect(JSON.stringify(audit)).not.toContain("waits outside");

    const page = await respond(() =>
      reportRoute.loader(args(getRequest("/report?sent=1", { Cookie: member.cookie }))),
    );
    const data = (await page.json()) as { sent: boolean; reports: { state: string }[] };
    expect(data.sent).toBe(true);
    expect(data.reports.map((r) => r.state)).toEqual(["received"]);
  });

  it("go to organizers oldest first; take happens once; closing records the outcome; members are refused", async () => {
    const a = await who();
    const b = await who();
    const member = await who();
    const first = await createReport(
      db(),
      a.id,
      { about: "happened", personName: "", body: "older" },
      new Date(Date.now() - 3 * 86_400_000),
    );
    const second = await createReport(db(), b.id, {
      about: "event",
      personName: "",
      body: "newer",
    });

    const queue = await respond(() =>
      queueRoute.loader(args(getRequest("/organize/reports", { Cookie: organizer.cookie }))),
    );
    const { open } = (await queue.json()) as { open: { id: string; overdue: boolean }[] };
    const mine = open.filter((r) => r.id === first.id || r.id === second.id);
    expect(mine.map((r) => r.id)).toEqual([first.id, second.id]);
    expect(mine.map((r) => r.overdue)).toEqual([true, false]);

    const take = () =>
      respond(() =>
        queueRoute.action(
          args(
            formRequest(
              "/organize/reports",
              { intent: "take", reportId: first.id },
              organizer.cookie,
            ),
          ),
        ),
      );
    expect(await (await take()).json()).toEqual({ outcome: "taken" });
    expect(await (await take()).json()).toEqual({ outcome: "already" });

    const closed = await respond(() =>
      queueRoute.action(
        args(
          formRequest(
            "/organize/reports",
            { intent: "close", reportId: first.id, outcome: "talked" },
            organizer.cookie,
          ),
        ),
      ),
    );
    expect(await closed.json()).toEqual({ outcome: "closed" });
    const row = await db().report.findUniqueOrThrow({ where: { id: first.id } });
    expect(row).toMatchObject({ state: "closed", outcome: "talked", takenById: organizer.id });
    expect(
      (
        await db().auditEntry.findMany({
          where: { targetId: first.id },
          orderBy: { createdAt: "asc" },
        })
      ).map((e) => `${e.action}:${e.detail}`),
    ).toEqual(["report.received:happened", "report.taken:", "report.closed:talked"]);
    expect((await myReports(db(), a.id))[0]).toMatchObject({ state: "closed", outcome: "talked" });

    for (const route of [
      () => queueRoute.loader(args(getRequest("/organize/reports", { Cookie: member.cookie }))),
      () =>
        queueRoute.action(
          args(
            formRequest(
              "/organize/reports",
              { intent: "take", reportId: second.id },
              member.cookie,
            ),
          ),
        ),
    ]) {
      expect((await respond(route)).status).toBe(403);
    }
    expect(
      (
        await respond(() =>
          queueRoute.action(
            args(
              formRequest(
                "/organize/reports",
                { intent: "close", reportId: second.id, outcome: "nonsense" },
                organizer.cookie,
              ),
            ),
          ),
        )
      ).status,
    ).toBe(400);
    expect(await closeReport(db(), "no-such-report", organizer.id, "acted")).toBe("notFound");
    expect(await takeReport(db(), second.id, organizer.id)).toBe("taken");
  });

  it("escalate once, by email to organizers and admins with a neutral subject, after two days untouched", async () => {
    const reporter = await who();
    const admin = await who("admin");
    const at = new Date("2027-03-01T09:00:00Z");
    const report = await createReport(
      db(),
      reporter.id,
      { about: "person", personName: "Someone", body: "private words" },
      at,
    );
    const staff = await db().user.findMany({
      where: { role: { in: ["organizer", "admin"] } },
      select: { id: true },
    });
    const messages = () =>
      db().outboxMessage.findMany({
        where: { kind: "waiting_reminder", payload: { contains: report.id } },
      });

    // Not yet: a minute short of two days.
    await escalateReports(db(), new Date(at.getTime() + ESCALATE_AFTER_MS - 60_000));
    expect(await messages()).toHaveLength(0);

    // Two days later, from two processes at once: one email per organizer and admin.
    const later = new Date(at.getTime() + ESCALATE_AFTER_MS + 60_000);
    await Promise.all([escalateReports(db(), later), escalateReports(db(), later)]);
    const sent = await messages();
    expect(sent.map((m) => m.userId).sort()).toEqual(staff.map((s) => s.id).sort());
    expect(sent.map((m) => m.userId)).toContain(admin.id);
    expect(sent.map((m) => m.userId)).not.toContain(reporter.id);
    expect(JSON.stringify(sent)).not.toContain("private words");

    // And never again, however long it waits.
    await escalateReports(db(), new Date(later.getTime() + 10 * ESCALATE_AFTER_MS));
    expect(await messages()).toHaveLength(sent.length);
    expect(
      await db().auditEntry.count({ where: { targetId: report.id, action: "report.escalated" } }),
    ).toBe(1);
    // The reminders the round also runs leave it alone.
    await scheduleReminders(db(), later);
    expect(await messages()).toHaveLength(sent.length);
  });

  it("a taken report is never escalated", async () => {
    const reporter = await who();
    const at = new Date("2027-04-01T09:00:00Z");
    const report = await createReport(
      db(),
      reporter.id,
      { about: "event", personName: "", body: "x" },
      at,
    );
    await takeReport(db(), report.id, organizer.id, new Date(at.getTime() + 1000));
    await escalateReports(db(), new Date(at.getTime() + 5 * ESCALATE_AFTER_MS));
    expect(await db().outboxMessage.count({ where: { payload: { contains: report.id } } })).toBe(0);
  });

  it("appear in the sender's data export and never in the export of the person they name", async () => {
    const reporter = await who();
    const named = await who();
    await describe_(reporter.id, true);
    await createReport(db(), reporter.id, {
      about: "person",
      personName: "named person",
      body: "Words only organizers may read.",
    });
    const mine = JSON.stringify(await exportUserData(db(), reporter.id));
    expect(mine).toContain("Words only organizers may read.");
    expect(mine).toContain('"describesSelfAsWoman":true');
    const theirs = JSON.stringify(await exportUserData(db(), named.id));
    expect(theirs).not.toContain("Words only organizers may read.");
    expect(theirs).toContain('"reportsSent":[]');
  });
});

describe("what the escalation email says, and what deleting an account takes with it", () => {
  it("says nothing about the report, and is skipped once someone has taken it", async () => {
    const reporter = await who();
    const report = await createReport(db(), reporter.id, {
      about: "person",
      personName: "Kenji",
      body: "He shouted at me.",
    });
    const message = {
      id: "m1",
      kind: "waiting_reminder" as const,
      userId: organizer.id,
      createdAt: new Date(),
      payload: { reportId: report.id },
    };
    expect(await reasonHasPassed(db(), message, new Date())).toBeNull();
    for (const locale of supportedLocales) {
      const out = await renderMessage({
        db: db(),
        kind: "waiting_reminder",
        payload: { reportId: report.id },
        recipient: { id: organizer.id, email: organizer.email, displayName: "Sara" },
        locale,
        t: await getFixedT(locale),
        appUrl: "https://tsunagu.example",
        unsubscribeUrl: "https://tsunagu.example/unsubscribe/x/waiting_reminder",
      });
      if ("skip" in out) throw new Error(out.skip);
      const all = out.mail.subject + out.mail.html + out.mail.text;
      expect(all.match(/.{0,60}(Kenji|shouted|report|concern|person).{0,60}/gi) ?? []).toEqual([]);
      expect(out.mail.html).toContain("https://tsunagu.example/organize");
    }
    await takeReport(db(), report.id, organizer.id);
    expect(await reasonHasPassed(db(), message, new Date())).toMatch(/taken/);
  });

  it("deletes the reports a member sent and their exceptions, and keeps the audit rows without them", async () => {
    const member = await who();
    const { eventId } = await womenEvent({ date: "2027-02-06" });
    await addException(db(), { eventId, email: member.email, organizerId: organizer.id });
    const report = await createReport(db(), member.id, {
      about: "happened",
      personName: "",
      body: "x",
    });
    const deleted = await deleteAccount(db(), member.id, "a long passphrase");
    expect(deleted.ok).toBe(true);
    expect(await db().report.count({ where: { id: report.id } })).toBe(0);
    expect(await db().womenOnlyException.count({ where: { userId: member.id } })).toBe(0);
    const audit = await db().auditEntry.findFirstOrThrow({ where: { targetId: report.id } });
    expect(audit).toMatchObject({ action: "report.received", actorId: null });
  });
});

describe("a report from a member protected by a keep-apart rule", () => {
  it("never reaches the person kept away from her, even as an organizer", async () => {
    const member = await who();
    const keptAway = await who("organizer");
    const colleague = await who("organizer");
    const rule = await recordRule(db(), colleague.id, {
      protectedId: member.id,
      otherId: keptAway.id,
      requestId: null,
    });
    if (!rule.ok) throw new Error(rule.error);
    const at = new Date("2026-12-05T00:00:00Z");
    const { id } = await createReport(
      db(),
      member.id,
      { about: "happened", personName: "", body: "It happened again." },
      at,
    );
    const ids = async (viewerId: string) => {
      const queue = await reportQueue(db(), viewerId, at);
      return [...queue.open, ...queue.closed].map((r) => r.id);
    };
    expect(await ids(keptAway.id)).not.toContain(id);
    expect(await ids(colleague.id)).toContain(id);
    expect(await reportsWaiting(db(), colleague.id)).toBeGreaterThan(
      await reportsWaiting(db(), keptAway.id),
    );
    expect(await takeReport(db(), id, keptAway.id, at)).toBe("notFound");
    expect(await closeReport(db(), id, keptAway.id, "acted", at)).toBe("notFound");

    await escalateReports(db(), new Date(at.getTime() + ESCALATE_AFTER_MS + 1000));
    const told = await db().outboxMessage.findMany({
      where: { kind: "waiting_reminder", payload: { contains: id } },
      select: { userId: true },
    });
    expect(told.map((m) => m.userId)).toContain(colleague.id);
    expect(told.map((m) => m.userId)).not.toContain(keptAway.id);
  });
});
