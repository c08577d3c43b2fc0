import ICAL from "ical.js";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createPasswordResetToken } from "~/accounts/password-reset.server";
import type { Role } from "~/accounts/roles";
import { db } from "~/db.server";
import { cancelEvent, createEvent, updateEvent } from "~/events/events.server";
import { answerGoing, cancelAnswer } from "~/events/rsvp.server";
import type { Locale } from "~/i18n/config";
import { createMailer, type Mailer } from "~/mail/mail.server";
import { deliveryOverview, retryFailedMessage } from "~/notifications/admin.server";
import { enqueueMessages } from "~/notifications/outbox.server";
import { findByMailToken } from "~/notifications/preferences.server";
import {
  backoffMs,
  deliverDue,
  idempotencyKeyFor,
  IN_PROGRESS_RETRY_MS,
  DEFAULT_LEASE_MS as LEASE_MS,
  MAX_ATTEMPTS,
} from "~/notifications/sender.server";
import * as adminMailRoute from "~/routes/admin.mail";
import * as unsubscribeRoute from "~/routes/unsubscribe.$token.$kind";
import { daysAhead, eventInput } from "../support/fixtures";
import { createPerson } from "../support/people";
import { context, getRequest, respond } from "../support/requests";
import { signUpAndConfirm } from "../support/signup";
import { startResendStandIn, type Delivery } from "../support/resend-standin";

const appUrl = "https://tsunagu.example";
let resend: Awaited<ReturnType<typeof startResendStandIn>>;

beforeAll(async () => {
  resend = await startResendStandIn();
  // The real SDK reads this when a client is made, exactly as in production configuration.
  process.env.RESEND_BASE_URL = resend.url;
});
afterAll(async () => {
  delete process.env.RESEND_BASE_URL;
  await resend.close();
});
beforeEach(async () => {
  // Every test starts with an empty outbox, so one test's messages never reach another's sender.
  await db().outboxMessage.deleteMany();
  resend.state.outage = false;
  resend.state.refuseTo.clear();
  resend.state.rateLimitNext = 0;
  resend.state.dropAnswers = false;
  resend.state.dropAnswerOnce.clear();
  resend.state.delayMs = 0;
});

/** A fresh sender, as after a restart: new SDK client, nothing in memory. */
function freshSender(from = "Tsunagu <hello@tsunagu.example>") {
  return createMailer({
    db: db(),
    apiKey: "re_test_key",
    from,
    devMailboxEnabled: false,
    maxPerSecond: 1000,
  });
}

/** A moment safely after `ms` from `t` (the sender's clock also moves on while it works). */
const after = (t: Date, ms: number) => new Date(t.getTime() + ms + 10_000);

function send(at = new Date()) {
  return deliverDue(db(), freshSender(), { appUrl, now: at, limit: 1000 });
}

const person = (locale: Locale = "en", role?: Role) => createPerson({ locale, role });

async function event(overrides: Parameters<typeof eventInput>[0] = {}) {
  const organizer = await person("en", "organizer");
  const created = await createEvent(
    db(),
    eventInput({ date: daysAhead(10), capacity: 1, ...overrides }),
    organizer.id,
  );
  if (!created.ok) throw new Error(JSON.stringify(created.errors));
  return created.eventId;
}

const going = (eventId: string, userId: string) =>
  answerGoing(db(), { eventId, userId, children: 0, guests: 0, interpretation: null, note: "" });

function calendarIn(delivery: Delivery) {
  const attachment = delivery.body.attachments?.[0];
  if (!attachment) throw new Error("no attachment");
  const text = Buffer.from(attachment.content, "base64").toString("utf8");
  const vevent = new ICAL.Component(ICAL.parse(text)).getFirstSubcomponent("vevent")!;
  return { attachment, vevent };
}

describe("emails for RSVPs, through the real Resend SDK", () => {
  it("confirms a place in Persian, with a neutral subject, the .ics attached and one-click unsubscribe", async () => {
    const eventId = await event();
    const maryam = await person("fa");
    await going(eventId, maryam.id);

    const queued = await db().outboxMessage.findMany({ where: { userId: maryam.id } });
    expect(queued.map((m) => m.kind)).toEqual(["rsvp_confirmed"]);
    expect(resend.deliveriesTo(maryam.email)).toHaveLength(0); // recorded, not yet sent

    expect((await send()).sent).toBeGreaterThanOrEqual(1);
    const [mail] = resend.deliveriesTo(maryam.email);
    expect(mail).toBeDefined();
    expect(mail!.idempotencyKey).toBe(idempotencyKeyFor(queued[0]!.id));
    // "کافه on <date>" in Persian: the gathering's kind, never its title ("Refugee Café").
    expect(mail!.body.subject).toMatch(/کافه/);
    expect(mail!.body.subject).not.toMatch(/Refugee|پناه/i);
    expect(mail!.body.html).toContain('dir="rtl"');
    expect(mail!.body.html).toContain('lang="fa"');
    expect(mail!.body.text).toContain("Refugee Café"); // the body may name the event
    expect(mail!.body.text).toContain("7-1 Kioicho"); // a confirmed attendee may know the address

    const { attachment, vevent } = calendarIn(mail!);
    expect(attachment.filename).toBe("event.ics");
    expect(attachment.content_type).toMatch(/^text\/calendar/);
    expect(vevent.getFirstPropertyValue("uid")).toBe(`event-${eventId}@tsunagu`);
    expect(String(vevent.getFirstPropertyValue("location"))).toContain("7-1 Kioicho");
    const start = vevent.getFirstProperty("dtstart")!;
    expect(start.getParameter("tzid")).toBe("Asia/Tokyo");

    const unsubscribe = mail!.body.headers?.["List-Unsubscribe"];
    expect(unsubscribe).toMatch(
      /^<https:\/\/tsunagu\.example\/unsubscribe\/[\w-]+\/rsvp_confirmed>$/,
    );
    expect(mail!.body.headers?.["List-Unsubscribe-Post"]).toBe("List-Unsubscribe=One-Click");
    expect(mail!.body.html).toContain(unsubscribe!.slice(1, -1));
  });

  it("tells a waitlisted person their place in line without the address, then sends the seat with the address", async () => {
    const eventId = await event();
    const first = await person("en");
    const second = await person("fr");
    await going(eventId, first.id);
    await going(eventId, second.id);
    await send();
    const [waiting] = resend.deliveriesTo(second.email);
    expect(waiting!.body.subject).toMatch(/^Liste d’attente|attente/);
    expect(waiting!.body.text).not.toContain("7-1 Kioicho");
    expect(waiting!.body.attachments ?? []).toHaveLength(0);

    await cancelAnswer(db(), { eventId, userId: first.id });
    await send();
    const mails = resend.deliveriesTo(second.email);
    expect(mails).toHaveLength(2);
    const promoted = mails[1]!;
    expect(promoted.body.text).toContain("7-1 Kioicho");
    expect(String(calendarIn(promoted).vevent.getFirstPropertyValue("location"))).toContain(
      "7-1 Kioicho",
    );
    // The person who cancelled gets no email about their own cancellation.
    expect(resend.deliveriesTo(first.email)).toHaveLength(1);
  });

  it("tells everyone going or waiting about a new time, not about a reworded description, and about a cancellation", async () => {
    const eventId = await event();
    const a = await person("ja");
    const b = await person("ar");
    await going(eventId, a.id);
    await going(eventId, b.id);
    await db().outboxMessage.deleteMany();

    const input = { ...eventInput({ date: daysAhead(10), capacity: 1 }), scope: "one" as const };
    await updateEvent(db(), eventId, { ...input, description: "New words only." });
    expect(await db().outboxMessage.count()).toBe(0);

    await updateEvent(db(), eventId, { ...input, startTime: "15:00", endTime: "17:00" });
    const changed = await db().outboxMessage.findMany({ where: { kind: "event_changed" } });
    expect(changed.map((m) => m.userId).sort()).toEqual([a.id, b.id].sort());

    await cancelEvent(db(), eventId);
    expect(await db().outboxMessage.count({ where: { kind: "event_cancelled" } })).toBe(2);
    await send();
    const forA = resend.deliveriesTo(a.email);
    expect(forA.map((d) => d.body.subject)).toHaveLength(1); // the change was overtaken by the cancellation
    expect(forA[0]!.body.subject).toMatch(/中止|キャンセル/);
    const forB = resend.deliveriesTo(b.email);
    expect(forB[0]!.body.html).toContain('dir="rtl"');
  });

  it("records nothing when the change is refused", async () => {
    const eventId = await event();
    const late = await person();
    await db().event.update({ where: { id: eventId }, data: { rsvpDeadline: new Date(0) } });
    const result = await going(eventId, late.id);
    expect(result.ok).toBe(false);
    expect(await db().outboxMessage.count({ where: { userId: late.id } })).toBe(0);
  });
});

describe("delivery that survives outages, crashes and restarts", () => {
  it("delivers every message exactly once after an outage, with a restart in between and one answer lost", async () => {
    const eventId = await event({ capacity: 20 });
    const people = await Promise.all(Array.from({ length: 6 }, () => person("en")));
    for (const p of people) await going(eventId, p.id);
    const t0 = new Date();

    resend.state.outage = true;
    const first = await send(t0);
    expect(first).toEqual({ sent: 0, skipped: 0, retrying: 6, failed: 0 });
    const waiting = await db().outboxMessage.findMany();
    expect(waiting.every((m) => m.attempts === 1 && m.status === "pending")).toBe(true);
    expect(waiting[0]!.nextAttemptAt.getTime() - t0.getTime()).toBeGreaterThanOrEqual(backoffMs(1));
    expect(waiting[0]!.nextAttemptAt.getTime() - t0.getTime()).toBeLessThan(backoffMs(1) + 5000);
    expect(waiting[0]!.lastError).toMatch(/internal_server_error/);

    // Nothing is due until the back-off has passed.
    expect((await send(new Date(t0.getTime() + 1000))).retrying).toBe(0);

    // "Restart": a new sender, still during the outage; the pause doubles.
    const t1 = after(t0, backoffMs(1));
    expect((await send(t1)).retrying).toBe(6);
    const again = await db().outboxMessage.findFirstOrThrow();
    expect(again.nextAttemptAt.getTime() - t1.getTime()).toBeGreaterThanOrEqual(backoffMs(2));
    expect(again.nextAttemptAt.getTime() - t1.getTime()).toBeLessThan(backoffMs(2) + 5000);

    // Recovery, but the answer for one message is lost after Resend accepted it.
    resend.state.outage = false;
    resend.state.dropAnswerOnce.add(people[2]!.email);
    const t2 = after(t1, backoffMs(2));
    expect(await send(t2)).toEqual({ sent: 5, skipped: 0, retrying: 1, failed: 0 });
    const repeatedBefore = resend.state.repeatedKeys;
    const t3 = after(t2, backoffMs(3));
    expect((await send(t3)).sent).toBe(1);
    expect(resend.state.repeatedKeys).toBe(repeatedBefore + 1); // the retry was recognised by its key

    for (const p of people) expect(resend.deliveriesTo(p.email)).toHaveLength(1);
    const keys = resend.deliveries.map((d) => d.idempotencyKey);
    expect(new Set(keys).size).toBe(keys.length);
    expect(await db().outboxMessage.count({ where: { status: "sent" } })).toBe(6);
  });

  it("takes over a message from a sender that crashed holding it, once its lease runs out", async () => {
    const eventId = await event();
    const p = await person();
    await going(eventId, p.id);
    const now = new Date();
    // What a sender that died mid-send leaves behind: a lease and a counted attempt.
    await db().outboxMessage.updateMany({
      data: { leaseUntil: new Date(now.getTime() + LEASE_MS), attempts: 1 },
    });
    expect((await send(now)).sent).toBe(0);
    expect((await send(after(now, LEASE_MS))).sent).toBe(1);
    expect(resend.deliveriesTo(p.email)).toHaveLength(1);
  });

  it("shows admins a message the service refuses for good, and sends it when retried", async () => {
    const eventId = await event();
    const p = await person();
    resend.state.refuseTo.add(p.email);
    await going(eventId, p.id);
    expect((await send()).failed).toBe(1);
    const overview = await deliveryOverview(db());
    expect(overview.counts.failed).toBe(1);
    expect(overview.failed[0]).toMatchObject({ to: p.email, kind: "rsvp_confirmed", attempts: 1 });
    expect(overview.failed[0]!.lastError).toMatch(/validation_error/);

    resend.state.refuseTo.clear();
    expect(await retryFailedMessage(db(), overview.failed[0]!.id)).toBe(true);
    expect((await send()).sent).toBe(1);
    expect(resend.deliveriesTo(p.email)).toHaveLength(1);
  });

  it("backs off for a moment when Resend says too many requests, without counting it as a try", async () => {
    const eventId = await event({ capacity: 5 });
    const people = await Promise.all([person(), person(), person()]);
    for (const p of people) await going(eventId, p.id);
    resend.state.rateLimitNext = 1;
    const now = new Date();
    expect(await send(now)).toEqual({ sent: 0, skipped: 0, retrying: 1, failed: 0 }); // round ended
    const throttled = await db().outboxMessage.findFirstOrThrow({
      where: { lastError: { contains: "rate_limit_exceeded" } },
    });
    expect(throttled.attempts).toBe(0);
    expect(throttled.nextAttemptAt.getTime()).toBeGreaterThanOrEqual(now.getTime() + 1000);
    expect((await send(new Date(now.getTime() + 1500))).sent).toBe(3);
    for (const p of people) expect(resend.deliveriesTo(p.email)).toHaveLength(1);
  });

  it(`gives up after ${MAX_ATTEMPTS} tries of a long outage`, async () => {
    const eventId = await event();
    const p = await person();
    await going(eventId, p.id);
    resend.state.outage = true;
    let at = new Date();
    for (let i = 1; i <= MAX_ATTEMPTS; i++) {
      await send(at);
      at = after(at, backoffMs(i));
    }
    const message = await db().outboxMessage.findFirstOrThrow();
    expect(message.status).toBe("failed");
    expect(message.attempts).toBe(MAX_ATTEMPTS);
    expect(resend.deliveriesTo(p.email)).toHaveLength(0);
  });
});

describe("choosing emails, and one-click unsubscribe without logging in", () => {
  it("stops a kind of email from the link in the message, and the next one of that kind is not sent", async () => {
    const eventId = await event({ capacity: 5 });
    const p = await person();
    await going(eventId, p.id);
    await send();
    const header = resend.deliveriesTo(p.email)[0]!.body.headers!["List-Unsubscribe"]!;
    const url = new URL(header.slice(1, -1));
    const [, , token, kind] = url.pathname.split("/");

    const page = await respond(() =>
      unsubscribeRoute.loader({
        request: getRequest(url.pathname),
        params: { token, kind },
        context,
      }),
    );
    expect(await page.json()).toEqual({ valid: true, kind: "rsvp_confirmed" });

    // What a mail app's "Unsubscribe" button sends (RFC 8058): no cookie, no intent field.
    const oneClick = new Request(`http://localhost${url.pathname}`, {
      method: "POST",
      headers: { "Content-Type": "application/x-www-form-urlencoded" },
      body: "List-Unsubscribe=One-Click",
    });
    const done = await respond(() =>
      unsubscribeRoute.action({ request: oneClick, params: { token, kind }, context }),
    );
    expect(await done.json()).toEqual({ done: "unsubscribed" });
    expect((await findByMailToken(db(), token!))!.optedOut).toEqual(["rsvp_confirmed"]);

    const other = await event({ capacity: 5 });
    await going(other, p.id);
    expect(await send()).toMatchObject({ sent: 0, skipped: 1 });
    expect(resend.deliveriesTo(p.email)).toHaveLength(1);

    const bad = await respond(() =>
      unsubscribeRoute.loader({
        request: getRequest("/unsubscribe/nope/rsvp_confirmed"),
        params: { token: "nope", kind: "rsvp_confirmed" },
        context,
      }),
    );
    expect(bad.status).toBe(404);
  });
});

describe("the admin delivery page", () => {
  async function sessionAs(role: string) {
    const email = `${role}-${crypto.randomUUID().slice(0, 8)}@example.com`;
    const { cookie } = await signUpAndConfirm({
      displayName: role,
      email,
      password: "a long passphrase",
    });
    await db().user.update({ where: { email }, data: { role } });
    return cookie;
  }

  it("is for admins only: organizers and members get 403", async () => {
    for (const role of ["member", "organizer"]) {
      const cookie = await sessionAs(role);
      const response = await respond(() =>
        adminMailRoute.loader({
          request: getRequest("/admin/mail", { Cookie: cookie }),
          params: {},
          context,
        }),
      );
      expect(response.status).toBe(403);
    }
    const admin = await sessionAs("admin");
    const page = await respond(() =>
      adminMailRoute.loader({
        request: getRequest("/admin/mail", { Cookie: admin }),
        params: {},
        context,
      }),
    );
    expect(page.status).toBe(200);
    expect(Object.keys((await page.json()).counts)).toEqual([
      "pending",
      "sent",
      "skipped",
      "failed",
    ]);
  });
});

describe("retries send what the first try rendered, and only while it still applies", () => {
  const address = "7-1 Kioicho";
  const rowsFor = (userId: string) =>
    db().outboxMessage.findMany({ where: { userId }, orderBy: { createdAt: "asc" } });
  const keyOf = async (userId: string, kind: string) =>
    idempotencyKeyFor((await db().outboxMessage.findFirstOrThrow({ where: { userId, kind } })).id);
  /** No message Resend accepted may be marked failed or be sent again under another key. */
  async function expectNothingDeliveredFailedOrDoubled() {
    const keys = resend.deliveries.map((d) => d.idempotencyKey);
    expect(new Set(keys).size).toBe(keys.length);
    const rows = await db().outboxMessage.findMany();
    for (const row of rows) {
      const delivered = keys.includes(idempotencyKeyFor(row.id));
      if (delivered) expect(row.status, `${row.kind}: ${row.lastError}`).not.toBe("failed");
    }
  }

  it("(a) a lost answer, then the waiting list moves on: the retry is recognised, nothing is failed, one email", async () => {
    const eventId = await event(); // one seat
    const first = await person();
    const second = await person("fr");
    const third = await person();
    for (const p of [first, second, third]) await going(eventId, p.id);
    resend.state.dropAnswerOnce.add(third.email);
    const t0 = new Date();
    expect(await send(t0)).toEqual({ sent: 2, skipped: 0, retrying: 1, failed: 0 });
    expect(resend.deliveriesTo(third.email)[0]!.body.text).toContain("(number 2)");

    // The first cancels: the second gets the seat, and the third is now first in line.
    await cancelAnswer(db(), { eventId, userId: first.id });
    const report = await send(after(t0, backoffMs(1)));
    expect(report.failed).toBe(0);
    expect((await rowsFor(third.id)).map((m) => m.status)).toEqual(["sent"]);
    expect(resend.deliveriesTo(third.email)).toHaveLength(1);
    expect(await db().outboxMessage.count({ where: { status: "failed" } })).toBe(0);
    await expectNothingDeliveredFailedOrDoubled();
  });

  it("(b) a waiting-list notice overtaken by a seat is skipped with its reason, before or after a first try, and never shows the address", async () => {
    const eventId = await event();
    const holder = await person();
    const early = await person(); // promoted before any sender ran
    await going(eventId, holder.id);
    await going(eventId, early.id);
    await cancelAnswer(db(), { eventId, userId: holder.id });
    expect(await send()).toMatchObject({ failed: 0 });
    const [waitlistedEarly] = await db().outboxMessage.findMany({
      where: { userId: early.id, kind: "rsvp_waitlisted" },
    });
    expect(waitlistedEarly!.status).toBe("skipped");
    expect(waitlistedEarly!.lastError).toMatch(/no longer on the waiting list/i);
    const earlyMails = resend.deliveriesTo(early.email);
    expect(earlyMails.map((m) => m.body.subject)).toEqual([expect.stringMatching(/^A place/)]);
    expect(earlyMails[0]!.body.text).toContain(address);

    // Now the notice is tried (and rendered) during an outage, and the seat comes before the retry.
    const other = await event();
    const holder2 = await person();
    const late = await person();
    await going(other, holder2.id);
    await going(other, late.id);
    resend.state.outage = true;
    const t0 = new Date();
    await send(t0);
    resend.state.outage = false;
    await cancelAnswer(db(), { eventId: other, userId: holder2.id });
    expect(await send(after(t0, backoffMs(1)))).toMatchObject({ failed: 0 });
    const waitlistedLate = await db().outboxMessage.findFirstOrThrow({
      where: { userId: late.id, kind: "rsvp_waitlisted" },
    });
    expect(waitlistedLate.status).toBe("skipped");
    expect(waitlistedLate.lastError).toMatch(/no longer on the waiting list/i);
    const promoted = await db().outboxMessage.findFirstOrThrow({
      where: { userId: late.id, kind: "rsvp_promoted" },
    });
    expect(promoted.status).toBe("sent");
    const lateMails = resend.deliveriesTo(late.email);
    expect(lateMails.map((m) => m.idempotencyKey)).toEqual([idempotencyKeyFor(promoted.id)]);
    for (const mail of resend.deliveries.filter((d) => /^Waiting list/.test(d.body.subject))) {
      expect(mail.body.text).not.toContain(address);
      expect(mail.body.html).not.toContain(address);
    }
  });

  it("(c) a message another sender just failed is not tried again before its back-off", async () => {
    const eventId = await event({ capacity: 5 });
    const a = await person();
    const b = await person();
    await going(eventId, a.id);
    await going(eventId, b.id);

    // Sender 1 has listed both messages as due and is busy with a's when sender 2 fails b's.
    let reachedGate!: () => void;
    const atGate = new Promise<void>((resolve) => (reachedGate = resolve));
    let openGate!: () => void;
    const gate = new Promise<void>((resolve) => (openGate = resolve));
    const inner = freshSender();
    const slow: Mailer = {
      minIntervalMs: 0,
      async send(mail, options) {
        reachedGate();
        await gate;
        return inner.send(mail, options);
      },
    };
    const t0 = new Date();
    const sender1 = deliverDue(db(), slow, { appUrl, now: t0, limit: 10 });
    await atGate;
    resend.state.outage = true;
    expect(await send(t0)).toEqual({ sent: 0, skipped: 0, retrying: 1, failed: 0 });
    resend.state.outage = false;
    openGate();
    expect(await sender1).toEqual({ sent: 1, skipped: 0, retrying: 0, failed: 0 });

    const forB = await db().outboxMessage.findFirstOrThrow({ where: { userId: b.id } });
    expect(forB).toMatchObject({ status: "pending", attempts: 1 });
    expect(forB.nextAttemptAt.getTime()).toBeGreaterThanOrEqual(t0.getTime() + backoffMs(1));
    expect(resend.deliveriesTo(b.email)).toHaveLength(0);
    expect((await send(after(t0, backoffMs(1)))).sent).toBe(1);
    expect(resend.deliveriesTo(b.email)).toHaveLength(1);
  });

  it("(d) an outage, then answers lost, while seats and the waiting list change: nothing delivered is failed, nothing doubled", async () => {
    const eventId = await event({ capacity: 2 });
    const people = [];
    for (let i = 0; i < 6; i++) people.push(await person(i % 2 ? "fa" : "en"));
    for (const p of people) await going(eventId, p.id); // two going, four waiting
    const [p1, p2, p3, p4, p5, p6] = people as [
      (typeof people)[0],
      (typeof people)[0],
      (typeof people)[0],
      (typeof people)[0],
      (typeof people)[0],
      (typeof people)[0],
    ];

    const deliveredBefore = resend.deliveries.length;
    const t0 = new Date();
    resend.state.outage = true;
    expect(await send(t0)).toEqual({ sent: 0, skipped: 0, retrying: 6, failed: 0 });
    resend.state.outage = false;
    resend.state.dropAnswers = true; // Resend is back, but no answer reaches us
    const t1 = after(t0, backoffMs(1));
    expect(await send(t1)).toEqual({ sent: 0, skipped: 0, retrying: 6, failed: 0 });
    expect(resend.deliveries.length - deliveredBefore).toBe(6);

    await cancelAnswer(db(), { eventId, userId: p1.id }); // p3 gets the seat
    await cancelAnswer(db(), { eventId, userId: p5.id }); // p4 and p6 move up
    resend.state.dropAnswers = false;
    let at = after(t1, backoffMs(2));
    for (let round = 3; round < 6; round++) {
      await send(at);
      at = after(at, backoffMs(round));
    }

    await expectNothingDeliveredFailedOrDoubled();
    expect(
      await db().outboxMessage.count({ where: { status: { in: ["failed", "pending"] } } }),
    ).toBe(0);
    for (const p of [p1, p2, p4, p5, p6]) expect(resend.deliveriesTo(p.email)).toHaveLength(1);
    const forP3 = resend.deliveriesTo(p3.email);
    expect(forP3.map((m) => m.idempotencyKey)).toEqual([
      await keyOf(p3.id, "rsvp_waitlisted"),
      await keyOf(p3.id, "rsvp_promoted"),
    ]);
    expect(forP3[0]!.body.text).not.toContain(address);
    expect(forP3[1]!.body.text).toContain(address);
    // Those whose news went stale by the retry are recorded as skipped, saying why.
    const waitlistedP3 = await db().outboxMessage.findFirstOrThrow({
      where: { userId: p3.id, kind: "rsvp_waitlisted" },
    });
    expect(waitlistedP3).toMatchObject({ status: "skipped" });
    expect(waitlistedP3.lastError).toMatch(/no longer on the waiting list/i);
    const confirmedP1 = await db().outboxMessage.findFirstOrThrow({ where: { userId: p1.id } });
    expect(confirmedP1).toMatchObject({ status: "skipped" });
    expect(confirmedP1.lastError).toMatch(/no longer going/i);
    for (const p of [p2, p4, p6]) {
      expect((await rowsFor(p.id)).map((m) => m.status)).toEqual(["sent"]);
    }
  });

  it("(e) every retry sends exactly the stored rendering, whatever changed in between", async () => {
    const eventId = await event({ capacity: 5 });
    const p = await person("fa");
    await going(eventId, p.id);
    resend.state.dropAnswerOnce.add(p.email);
    const t0 = new Date();
    expect((await send(t0)).retrying).toBe(1);
    const pending = await db().outboxMessage.findFirstOrThrow({ where: { userId: p.id } });
    const key = idempotencyKeyFor(pending.id);

    // Before the retry: another language and name, reworded event, and a long outage.
    await db().user.update({
      where: { id: p.id },
      data: { locale: "fr", displayName: "Quelqu’un d’autre" },
    });
    await updateEvent(db(), eventId, {
      ...eventInput({ date: daysAhead(10), capacity: 5, title: "Renamed gathering" }),
      scope: "one",
    });
    resend.state.outage = true;
    let at = after(t0, backoffMs(1));
    for (let i = 2; i <= 4; i++) {
      await send(at);
      at = after(at, backoffMs(i));
    }
    resend.state.outage = false;
    expect((await send(at)).sent).toBe(1);

    const tries = resend.requestsWith(key);
    expect(tries).toHaveLength(5);
    for (const t of tries) expect(t.raw).toBe(tries[0]!.raw);
    expect(resend.deliveriesTo(p.email)).toHaveLength(1);

    const stored = JSON.parse(pending.rendered ?? "null") as {
      subject: string;
      html: string;
      text: string;
      headers: Record<string, string>;
      attachments: { filename: string; contentType: string; contentBase64: string }[];
    };
    const body = resend.deliveriesTo(p.email)[0]!.body;
    expect(stored.subject).toBe(body.subject);
    expect(stored.html).toBe(body.html);
    expect(stored.text).toBe(body.text);
    expect(stored.headers).toEqual(body.headers);
    expect(stored.headers["List-Unsubscribe"]).toMatch(
      /^<https:\/\/tsunagu\.example\/unsubscribe\//,
    );
    expect(
      stored.attachments.map((a) => ({
        filename: a.filename,
        content_type: a.contentType,
        content: a.contentBase64,
      })),
    ).toEqual(body.attachments);
    // Delivered: the copy is no longer needed.
    expect(
      (await db().outboxMessage.findUniqueOrThrow({ where: { id: pending.id } })).rendered,
    ).toBeNull();
  });
});

describe("Resend's answers to a repeated idempotency key", () => {
  async function oneConfirmation() {
    const eventId = await event({ capacity: 5 });
    const p = await person();
    await going(eventId, p.id);
    const row = await db().outboxMessage.findFirstOrThrow({ where: { userId: p.id } });
    return { p, id: row.id, key: idempotencyKeyFor(row.id) };
  }

  it("counts 'key already used with another body' as delivered by the earlier try", async () => {
    const { p, id, key } = await oneConfirmation();
    resend.state.dropAnswerOnce.add(p.email);
    const t0 = new Date();
    expect((await send(t0)).retrying).toBe(1);
    // Restarted with another sender address, so the retry's request is not the first one.
    const other = freshSender("Tsunagu <news@tsunagu.example>");
    const report = await deliverDue(db(), other, { appUrl, now: after(t0, backoffMs(1)) });
    expect(report).toEqual({ sent: 1, skipped: 0, retrying: 0, failed: 0 });
    expect(resend.requestsWith(key).map((r) => r.status)).toEqual(["dropped", 409]);
    const row = await db().outboxMessage.findUniqueOrThrow({ where: { id } });
    expect(row.status).toBe("sent");
    expect(row.lastError).toMatch(/earlier try/);
    expect(resend.deliveriesTo(p.email)).toHaveLength(1);
  });

  it("waits, without counting a try, while Resend is still busy with an earlier request under the key", async () => {
    const { p, id, key } = await oneConfirmation();
    resend.state.delayMs = 1500; // the first request is slow...
    const first = deliverDue(db(), freshSender(), { appUrl, leaseMs: 100 });
    while (resend.requestsWith(key).length === 0) await new Promise((r) => setTimeout(r, 10));
    resend.state.delayMs = 0;
    // ...and its lease has run out when a second sender takes the message over.
    const takeover = new Date(Date.now() + 1000);
    expect(await send(takeover)).toEqual({ sent: 0, skipped: 0, retrying: 1, failed: 0 });
    const waiting = await db().outboxMessage.findUniqueOrThrow({ where: { id } });
    expect(waiting).toMatchObject({ status: "pending", attempts: 1 });
    expect(waiting.lastError).toMatch(/concurrent_idempotent_requests/);
    expect(waiting.nextAttemptAt.getTime()).toBeGreaterThanOrEqual(
      takeover.getTime() + IN_PROGRESS_RETRY_MS,
    );

    expect(await first).toEqual({ sent: 1, skipped: 0, retrying: 0, failed: 0 });
    expect((await db().outboxMessage.findUniqueOrThrow({ where: { id } })).status).toBe("sent");
    expect(resend.requestsWith(key).map((r) => r.status)).toEqual([200, 409]);
    expect(resend.deliveriesTo(p.email)).toHaveLength(1);
  });
});

describe("messages whose reason has passed", () => {
  it("skips a seat notice, and the waiting-list notice, for someone who cancelled since", async () => {
    const eventId = await event();
    const a = await person();
    const b = await person();
    await going(eventId, a.id);
    await going(eventId, b.id);
    await cancelAnswer(db(), { eventId, userId: a.id }); // b gets the seat
    await cancelAnswer(db(), { eventId, userId: b.id }); // and gives it up
    await send();
    const forB = await db().outboxMessage.findMany({
      where: { userId: b.id },
      orderBy: { createdAt: "asc" },
    });
    expect(forB.map((m) => [m.kind, m.status, m.lastError])).toEqual([
      ["rsvp_waitlisted", "skipped", "The person is no longer on the waiting list (cancelled)."],
      ["rsvp_promoted", "skipped", "The person is no longer going (cancelled)."],
    ]);
    expect(resend.deliveriesTo(b.email)).toHaveLength(0);
  });

  it("skips a change notice overtaken by a newer one while it waited to be retried", async () => {
    const eventId = await event({ capacity: 5 });
    const c = await person();
    await going(eventId, c.id);
    await send();
    const input = { ...eventInput({ date: daysAhead(10), capacity: 5 }), scope: "one" as const };
    resend.state.outage = true;
    await updateEvent(db(), eventId, { ...input, startTime: "15:00", endTime: "17:00" });
    const t0 = new Date();
    await send(t0);
    resend.state.outage = false;
    await updateEvent(db(), eventId, { ...input, startTime: "16:00", endTime: "18:00" });
    await send(after(t0, backoffMs(1)));
    const changes = await db().outboxMessage.findMany({
      where: { userId: c.id, kind: "event_changed" },
      orderBy: { createdAt: "asc" },
    });
    expect(changes.map((m) => m.status)).toEqual(["skipped", "sent"]);
    expect(changes[0]!.lastError).toMatch(/newer email/);
    const mails = resend.deliveriesTo(c.email);
    expect(mails).toHaveLength(2); // the confirmation and the latest change
    expect(mails[1]!.body.text).toMatch(/When: .*4:00\s?PM/);
  });

  it("skips a change notice already rendered when the event is cancelled before its retry", async () => {
    const eventId = await event({ capacity: 5 });
    const d = await person();
    await going(eventId, d.id);
    await send();
    const input = { ...eventInput({ date: daysAhead(10), capacity: 5 }), scope: "one" as const };
    await updateEvent(db(), eventId, { ...input, startTime: "15:00", endTime: "17:00" });
    resend.state.outage = true;
    const t0 = new Date();
    await send(t0);
    resend.state.outage = false;
    await cancelEvent(db(), eventId);
    await send(after(t0, backoffMs(1)));
    const rows = await db().outboxMessage.findMany({
      where: { userId: d.id, kind: { in: ["event_changed", "event_cancelled"] } },
      orderBy: { createdAt: "asc" },
    });
    expect(rows.map((m) => [m.kind, m.status])).toEqual([
      ["event_changed", "skipped"],
      ["event_cancelled", "sent"],
    ]);
    expect(rows[0]!.lastError).toMatch(/cancelled/);
    expect(rows[0]!.rendered).toBeNull();
    expect(resend.deliveriesTo(d.email).map((m) => m.body.subject)).toEqual([
      expect.stringMatching(/^Café/),
      expect.stringMatching(/^Cancelled/),
    ]);
  });
});

describe("a password-reset link is kept no longer than it is needed", () => {
  const resetRow = (userId: string) =>
    db().outboxMessage.findMany({
      where: { userId, kind: "password_reset" },
      orderBy: { createdAt: "asc" },
    });

  it("keeps the link in the stored rendering until delivery, then erases it", async () => {
    const p = await person();
    resend.state.outage = true;
    const { token } = (await createPasswordResetToken(db(), p.email, "en"))!;
    const t0 = new Date();
    await send(t0);
    const [pending] = await resetRow(p.id);
    expect(pending!.rendered).toContain(token);
    resend.state.outage = false;
    expect((await send(after(t0, backoffMs(1)))).sent).toBe(1);
    expect(resend.deliveriesTo(p.email)[0]!.body.text).toContain(token);
    const [sent] = await resetRow(p.id);
    expect(sent!.status).toBe("sent");
    expect(sent!.rendered).toBeNull();
    expect(sent!.payload).not.toContain(token);
  });

  it("skips, and erases, an older link replaced by a newer request", async () => {
    const p = await person();
    resend.state.outage = true;
    const older = (await createPasswordResetToken(db(), p.email, "en"))!;
    const t0 = new Date();
    await send(t0);
    const newer = (await createPasswordResetToken(db(), p.email, "en"))!;
    resend.state.outage = false;
    await send(after(t0, backoffMs(1)));
    const [first, second] = await resetRow(p.id);
    expect(first).toMatchObject({ status: "skipped", rendered: null, payload: "{}" });
    expect(first!.lastError).toMatch(/replaced by a newer one/);
    expect(second!.status).toBe("sent");
    const mails = resend.deliveriesTo(p.email);
    expect(mails).toHaveLength(1);
    expect(mails[0]!.body.text).toContain(newer.token);
    expect(mails[0]!.body.text).not.toContain(older.token);
  });

  it("erases the link of a reset email given up, and 'try again' then skips it", async () => {
    const p = await person();
    resend.state.refuseTo.add(p.email);
    await createPasswordResetToken(db(), p.email, "en");
    expect((await send()).failed).toBe(1);
    const [failed] = await resetRow(p.id);
    expect(failed).toMatchObject({ status: "failed", rendered: null, payload: "{}" });
    resend.state.refuseTo.clear();
    expect(await retryFailedMessage(db(), failed!.id)).toBe(true);
    expect(await send()).toMatchObject({ sent: 0, skipped: 1 });
    const [skipped] = await resetRow(p.id);
    expect(skipped!.lastError).toMatch(/ask for a new one/);
    expect(resend.deliveriesTo(p.email)).toHaveLength(0);
  });
});

describe("recording messages with a dedupe key", () => {
  it("records a key once, however often and in whatever batch it is given again", async () => {
    const someone = await person();
    const key = `dedupe-test-${someone.id}`;
    const message = {
      kind: "organizer_notice" as const,
      userId: someone.id,
      payload: { n: "1" },
      dedupeKey: key,
    };
    expect(await enqueueMessages(db(), [message])).toBe(1);
    // Again, and beside a message without a key, which is always recorded.
    const unkeyed = { kind: "organizer_notice" as const, userId: someone.id, payload: {} };
    expect(await enqueueMessages(db(), [{ ...message, payload: { n: "2" } }, unkeyed])).toBe(1);
    const rows = await db().outboxMessage.findMany({
      where: { userId: someone.id, kind: "organizer_notice" },
      select: { dedupeKey: true, payload: true },
    });
    expect(rows.filter((r) => r.dedupeKey === key)).toEqual([
      { dedupeKey: key, payload: JSON.stringify({ n: "1" }) },
    ]);
    expect(rows.filter((r) => r.dedupeKey === null)).toHaveLength(1);
  });
});
