import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDb } from "~/db.server";
import { startServer, type RunningServer } from "../support/e2e";
import { daysAhead } from "../support/fixtures";
import { form, formHeaders, isAnswer, loaderData, logIn, send } from "../support/http";
import { projectRoot } from "../support/paths";
import { mailTo, post, seedWorld, waitFor, type World } from "../support/world";

/**
 * Issue #12's proofs for keeping people apart and suspending, against the built server and
 * through its forms: the seeded world's mentee has asked to be kept away from her mentor and an
 * organizer recorded the rule. A rule keeps a pair out of the mentoring draft; both coming to
 * one event raises the dashboard alert and one neutral email per organizer; the mentor's pages,
 * emails and export show nothing of it; a suspended member cannot log in (not even through a
 * reset link), their seat goes to the first person waiting, and their match ends with the
 * usual neutral note to the other person only.
 */
const en = JSON.parse(fs.readFileSync(path.join(projectRoot, "app/i18n/locales/en.json"), "utf8"));
const password = "a long passphrase for tests";

let server: RunningServer;
let world: World;

beforeAll(async () => {
  server = await startServer({ env: { SENDER_INTERVAL_MS: "300" } });
  world = await seedWorld(server);
}, 180_000);

afterAll(async () => {
  await server?.stop();
});

async function withDb<T>(run: (db: ReturnType<typeof createDb>) => Promise<T>): Promise<T> {
  const db = createDb(server.databaseUrl);
  try {
    return await run(db);
  } finally {
    await db.$disconnect();
  }
}

async function page(path: string, cookie: string) {
  const answer = await send(server.url, { method: "GET", path, headers: { Cookie: cookie } });
  if (!isAnswer(answer)) throw new Error(`GET ${path}: ${answer.error}`);
  return answer;
}

async function signUp(displayName: string) {
  const email = `${displayName.toLowerCase().replace(/\W/g, "")}-${crypto.randomUUID().slice(0, 6)}@example.com`;
  await post(server.url, "/signup", [
    ["displayName", displayName],
    ["email", email],
    ["password", password],
  ]);
  const link = await mailTo(server.url, email, (m) => m.text.includes("/signup/confirm?token="));
  const token = link.text.match(/\/signup\/confirm\?token=([\w-]+)/)![1]!;
  await post(server.url, "/signup/confirm", [["token", token]]);
  const cookie = await logIn(server.url, email, password);
  const id = await withDb(async (db) => (await db.user.findUniqueOrThrow({ where: { email } })).id);
  return { email, cookie, id, displayName };
}

async function newEvent(title: string, capacity: number) {
  const created = await post(
    server.url,
    "/organize/events/new",
    [
      ["kind", "cafe"],
      ["title", title],
      ["description", "Tea and conversation."],
      ["locale", "en"],
      ["languages", "ja"],
      ["date", daysAhead(21)],
      ["startTime", "14:00"],
      ["endTime", "16:00"],
      ["timeZone", "Asia/Tokyo"],
      ["venueName", "Sophia University"],
      ["capacity", String(capacity)],
      ["repeat", "none"],
    ],
    world.people.organizer.cookie,
  );
  return created.location!.match(/^\/organize\/events\/([^/]+)\/edit/)![1]!;
}

const rsvp = (eventId: string, cookie: string) =>
  post(
    server.url,
    `/events/${eventId}`,
    [
      ["intent", "going"],
      ["children", "0"],
      ["guests", "0"],
    ],
    cookie,
  );

type DevMail = { to: string; subject: string; text: string };
const mailbox = async () =>
  (await loaderData<{ mails: DevMail[] }>(server.url, "/dev/mailbox", "routes/dev.mailbox")).mails;

/** Every English text of the keep-apart sections, to look for on pages that must show none. */
function textsOf(section: Record<string, unknown>): string[] {
  return Object.values(section).flatMap((v) =>
    typeof v === "string" ? [v.replace(/\{\{\w+\}\}.*$/, "").trim()] : textsOf(v as never),
  );
}
const keepApartTexts = [...textsOf(en.keepApartOrg), ...textsOf(en.safetyMail)].filter(
  (t) => t.length > 8,
);

describe("the member's form", () => {
  it("keeps what she typed when it is refused, then shows it received and where it stands", async () => {
    const { member } = world.people;
    const typed = "The tall man who sat by the door in November";
    const refused = await send(server.url, {
      method: "POST",
      path: "/settings/privacy",
      headers: formHeaders(server.url, member.cookie),
      // Someone not on her list (she has no mentoring), as a hand-made form could send.
      body: form([
        ["intent", "request"],
        ["namedUserId", world.people.admin.id],
        ["details", typed],
      ]),
    });
    if (!isAnswer(refused)) throw new Error(refused.error);
    expect(refused.status).toBe(400);
    expect(refused.body).toMatch(new RegExp(`<textarea[^>]*>${typed}</textarea>`));
    expect(refused.body).toMatch(/<title>Tsunagu<\/title>/);

    const sent = await post(
      server.url,
      "/settings/privacy",
      [
        ["intent", "request"],
        ["details", typed],
      ],
      member.cookie,
    );
    expect(sent.body).toContain(en.keepApart.received);
    const mine = await page("/settings/privacy", member.cookie);
    expect(mine.body).toContain(typed);
    expect(mine.body).toContain(en.keepApart.status.received);
    // Reachable from settings and from the mentoring page.
    expect((await page("/settings", member.cookie)).body).toContain('href="/settings/privacy"');
    expect((await page("/mentoring", member.cookie)).body).toContain('href="/settings/privacy"');
  });
});

describe("a keep-apart rule", () => {
  it("keeps the pair out of the mentoring draft until it ends", async () => {
    const organizer = world.people.organizer.cookie;
    const newcomer = await signUp("Leila");
    await post(
      server.url,
      "/mentoring/profile",
      [
        ["intent", "mentee"],
        ["languages[0].code", "fa"],
        ["languages[0].level", "fluent"],
        ["topics", "japanese_practice"],
        ["availability", "sat-afternoon"],
        ["mode", "either"],
      ],
      newcomer.cookie,
    );
    await post(
      server.url,
      "/organize/safety",
      [
        ["intent", "record"],
        ["protectedId", newcomer.id],
        ["otherId", world.people.mentor.id],
      ],
      organizer,
    );
    const drafts = () =>
      withDb((db) =>
        db.mentoringMatch.findMany({
          where: { status: "draft" },
          select: { menteeId: true, mentorId: true },
        }),
      );
    await post(server.url, "/organize/mentoring/draft", [["intent", "run"]], organizer);
    // The only approved mentor with a place left is the one she is kept from.
    expect(await drafts()).toEqual([]);

    const { rules } = await loaderData<{
      rules: { id: string; other: { id: string }; protected: { id: string } }[];
    }>(server.url, "/organize/safety", "routes/organize.safety", organizer);
    const hers = rules.find((r) => r.protected.id === newcomer.id)!;
    await post(
      server.url,
      "/organize/safety",
      [
        ["intent", "end"],
        ["ruleId", hers.id],
      ],
      organizer,
    );
    await post(server.url, "/organize/mentoring/draft", [["intent", "run"]], organizer);
    expect(await drafts()).toEqual([{ menteeId: newcomer.id, mentorId: world.people.mentor.id }]);
    await post(
      server.url,
      "/organize/mentoring/draft",
      [
        ["intent", "remove"],
        [
          "draftId",
          (await withDb((db) => db.mentoringMatch.findFirstOrThrow({ where: { status: "draft" } })))
            .id,
        ],
      ],
      organizer,
    );
  });

  it("shows the organizer the pair's active match and, once both RSVP, the alert and one neutral email each", async () => {
    const { organizer, admin, mentee, mentor } = world.people;
    const safety = await page("/organize/safety", organizer.cookie);
    expect(safety.body).toContain(en.keepApartOrg.match.active);
    expect(safety.body).toContain(world.secrets.keepApartNote);
    expect(safety.body).toMatch(/<title>Tsunagu<\/title>/);

    const eventId = await newEvent("Autumn café", 10);
    expect((await page("/organize", organizer.cookie)).body).not.toContain(
      'data-testid="keep-apart-alerts"',
    );
    await rsvp(eventId, mentor.cookie);
    await rsvp(eventId, mentee.cookie);
    const dashboard = await page("/organize", organizer.cookie);
    expect(dashboard.body).toContain('data-testid="keep-apart-alerts"');
    // The dashboard names nobody.
    const alerts = dashboard.body.match(/data-testid="keep-apart-alerts"[\s\S]*?<\/section>/)![0];
    expect(alerts).not.toContain(mentee.displayName);
    expect(alerts).not.toContain(mentor.displayName);

    for (const person of [organizer, admin]) {
      await waitFor(`the alert to ${person.email}`, async () => {
        const mails = (await mailbox()).filter(
          (m) => m.to === person.email && m.subject === en.safetyMail.subject,
        );
        return mails.length ? mails : undefined;
      });
    }
    // Several sender rounds later there is still one each.
    await new Promise((r) => setTimeout(r, 1500));
    const alertMails = (await mailbox()).filter((m) => m.subject === en.safetyMail.subject);
    expect(alertMails.map((m) => m.to).sort()).toEqual([organizer.email, admin.email].sort());
    for (const mail of alertMails) {
      expect(mail.text).not.toContain(mentee.displayName);
      expect(mail.text).not.toContain(mentor.displayName);
      expect(mail.text).not.toContain("Autumn");
    }
  });

  it("shows the protected member without her name on check-in once she asks, and keeps her on the attendee list", async () => {
    const { organizer, mentee } = world.people;
    await post(
      server.url,
      "/settings/privacy",
      [
        ["intent", "check-in"],
        ["hide", "yes"],
      ],
      mentee.cookie,
    );
    const eventId = await withDb(
      async (db) => (await db.event.findFirstOrThrow({ where: { title: "Autumn café" } })).id,
    );
    const checkIn = await page(`/organize/events/${eventId}/check-in`, organizer.cookie);
    expect(checkIn.body).toContain(en.keepApartOrg.checkInNameless);
    expect(checkIn.body).not.toContain(mentee.displayName);
    const attendees = await page(`/organize/events/${eventId}/attendees`, organizer.cookie);
    expect(attendees.body).toContain(mentee.displayName);
  });

  it("shows the other person nothing of it: pages, emails and data export", async () => {
    const { mentor } = world.people;
    const eventId = await withDb(
      async (db) => (await db.event.findFirstOrThrow({ where: { title: "Autumn café" } })).id,
    );
    const paths = [
      "/",
      "/events",
      `/events/${eventId}`,
      "/my/events",
      "/mentoring",
      "/settings",
      "/settings/privacy",
      "/settings/data",
    ];
    for (const p of paths) {
      const answer = await page(p, mentor.cookie);
      expect(answer.status, p).toBe(200);
      expect(answer.body, p).not.toContain(world.secrets.keepApartNote);
      for (const text of keepApartTexts) expect(answer.body, `${p}: ${text}`).not.toContain(text);
    }
    const exported = (await page("/settings/data", mentor.cookie)).body;
    expect(JSON.parse(exported).privacyRequests).toEqual([]);
    // He is not protected, so he is never offered the check-in choice.
    expect((await page("/settings/privacy", mentor.cookie)).body).not.toContain(
      en.keepApart.checkInTitle,
    );
    const his = (await mailbox()).filter((m) => m.to === mentor.email);
    expect(his.length).toBeGreaterThan(0);
    for (const mail of his) {
      expect(mail.subject).not.toBe(en.safetyMail.subject);
      expect(mail.text).not.toContain(world.secrets.keepApartNote);
      for (const text of keepApartTexts) expect(mail.text).not.toContain(text);
    }
    // And the organizer-only pages stay closed to him.
    expect((await page("/organize/safety", mentor.cookie)).status).toBe(403);
  });
});

describe("suspension", () => {
  it("closes every way in, gives the seat to the first person waiting, and ends the match neutrally", async () => {
    const { admin, mentor, mentee, member, resetter } = world.people;
    const eventId = await newEvent("Small yoga", 1);
    await rsvp(eventId, mentor.cookie);
    await rsvp(eventId, member.cookie);
    await rsvp(eventId, resetter.cookie);
    const statuses = () =>
      withDb((db) =>
        db.rsvp.findMany({
          where: { eventId },
          orderBy: { queueSeq: "asc" },
          select: { userId: true, status: true },
        }),
      );
    expect((await statuses()).map((r) => r.status)).toEqual(["going", "waitlisted", "waitlisted"]);

    const answer = await post(
      server.url,
      "/admin/people",
      [
        ["intent", "suspend"],
        ["userId", mentor.id],
        ["reason", "conduct"],
      ],
      admin.cookie,
    );
    expect(answer.status).toBe(200);
    expect(await statuses()).toEqual([
      { userId: mentor.id, status: "cancelled" },
      { userId: member.id, status: "going" },
      { userId: resetter.id, status: "waitlisted" },
    ]);
    await waitFor("the seat email", async () =>
      (await mailbox()).find((m) => m.to === member.email && /place|seat/i.test(m.subject)),
    );

    // His session ended at once; the right password gets a neutral refusal.
    const settings = await send(server.url, {
      method: "GET",
      path: "/settings",
      headers: { Cookie: mentor.cookie },
    });
    expect(isAnswer(settings) && settings.status).toBe(302);
    const refused = await send(server.url, {
      method: "POST",
      path: "/login",
      headers: formHeaders(server.url),
      body: form({ email: mentor.email, password: mentor.password }),
    });
    if (!isAnswer(refused)) throw new Error(refused.error);
    expect(refused.status).toBe(403);
    expect(refused.body).toContain(en.suspend.loginRefused);
    // What the page says (its translations travel with it, so look at the message itself).
    const message = refused.body.match(/role="alert"[^>]*>([\s\S]*?)<\/div>/)![1]!;
    expect(message).toContain(en.suspend.loginRefused);
    expect(message).not.toMatch(/suspend/i);
    expect(refused.headers.getSetCookie().join()).not.toMatch(/tsunagu_session=[^;]/);

    // A reset link does not get around it.
    await post(server.url, "/forgot-password", [["email", mentor.email]]);
    const reset = await mailTo(server.url, mentor.email, (m) =>
      /reset-password\?token=/.test(m.text),
    );
    const token = reset.text.match(/reset-password\?token=([\w-]+)/)![1]!;
    const afterReset = await send(server.url, {
      method: "POST",
      path: "/reset-password",
      headers: formHeaders(server.url),
      body: form({
        token,
        password: "another long passphrase",
        confirm: "another long passphrase",
      }),
    });
    if (!isAnswer(afterReset)) throw new Error(afterReset.error);
    // The reset itself works (it is his password), but hands out no session: he is sent to the
    // log-in page, which says in its neutral words that the account cannot sign in.
    expect(afterReset.status).toBe(302);
    expect(afterReset.headers.get("Location")).toBe("/login?unavailable=1");
    expect(afterReset.headers.getSetCookie().some((c) => c.startsWith("tsunagu_session="))).toBe(
      false,
    );
    const told = await send(server.url, { method: "GET", path: "/login?unavailable=1" });
    if (!isAnswer(told)) throw new Error(told.error);
    expect(told.body).toContain(en.suspend.loginRefused);

    // The match ended; she has the usual note, he has nothing about it.
    expect(
      await withDb((db) => db.mentoringMatch.findUnique({ where: { id: world.matchId } })),
    ).toMatchObject({ status: "ended" });
    const note = await waitFor("the ended note", async () =>
      (await mailbox()).find(
        (m) => m.to === mentee.email && m.subject === en.mail.subject.mentoring_ended,
      ),
    );
    expect(note.text).not.toMatch(/suspend|conduct|reason/i);
    expect(
      (await mailbox()).filter(
        (m) => m.to === mentor.email && m.subject === en.mail.subject.mentoring_ended,
      ),
    ).toEqual([]);

    // The audit shows it to admins, with the reason's code in words and no free text.
    const audit = await page("/admin/audit", admin.cookie);
    expect(audit.body).toContain(en.audit.actions.account.suspended);
    expect(audit.body).toContain(en.suspend.reasons.conduct);
    expect(audit.body).toContain(en.audit.actions.keep_apart.recorded);
    expect(audit.body).not.toContain(world.secrets.keepApartNote);
    expect(audit.body).toMatch(/<title>Tsunagu<\/title>/);

    // Lifting it restores the log-in, not the seat.
    await post(
      server.url,
      "/admin/people",
      [
        ["intent", "unsuspend"],
        ["userId", mentor.id],
      ],
      admin.cookie,
    );
    await logIn(server.url, mentor.email, "another long passphrase");
    expect((await statuses())[0]).toEqual({ userId: mentor.id, status: "cancelled" });
  });
});
