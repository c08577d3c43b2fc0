import ICAL from "ical.js";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { Role } from "~/accounts/roles";
import { db } from "~/db.server";
import { cancelEvent, createEvent, updateEvent } from "~/events/events.server";
import { answerGoing, cancelAnswer } from "~/events/rsvp.server";
import type { Locale } from "~/i18n/config";
import { createMailer } from "~/mail/mail.server";
import { deliveryOverview, retryFailedMessage } from "~/notifications/admin.server";
import { findByMailToken } from "~/notifications/preferences.server";
import {
  backoffMs,
  deliverDue,
  idempotencyKeyFor,
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
});

/** A fresh sender, as after a restart: new SDK client, nothing in memory. */
function freshSender() {
  return createMailer({
    db: db(),
    apiKey: "re_test_key",
    from: "Tsunagu <hello@tsunagu.example>",
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
