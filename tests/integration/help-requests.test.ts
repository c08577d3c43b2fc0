import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { deleteAccount, exportUserData } from "~/accounts/accounts.server";
import { startSession } from "~/accounts/sessions.server";
import {
  closeRequest,
  createHelpRequest,
  endByMember,
  eraseOldHelpTexts,
  escalateWaitingRequests,
  helpQueue,
  helpViewer,
  openRequestAsOrganizer,
  replyToRequest,
  takeRequest,
  type NewHelpRequest,
} from "~/care/help-requests.server";
import { createDb, db } from "~/db.server";
import { endRule, recordRule } from "~/safety/keep-apart.server";
import * as helpPage from "~/routes/help._index";
import * as requestPage from "~/routes/help.$id";
import * as queuePage from "~/routes/organize.help._index";
import * as organizerPage from "~/routes/organize.help.$id";
import { startWorker, workerReady, type RunningWorker } from "../support/multi-process";
import { createPerson } from "../support/people";
import { context, formRequest, getRequest, respond } from "../support/requests";

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

type Who = { id: string; cookie: string };
async function person(role: "member" | "organizer" | "admin" = "member", women = false) {
  const user = await createPerson({ role, locale: "fa" });
  if (women)
    await db().user.update({ where: { id: user.id }, data: { answersWomenRequests: true } });
  return { id: user.id, cookie: `tsunagu_session=${await sessionId(user.id)}` } satisfies Who;
}
async function sessionId(userId: string) {
  return (await startSession(userId)).split(";")[0]!.split("=")[1]!;
}

const ask = (overrides: Partial<NewHelpRequest> = {}): NewHelpRequest => ({
  topic: "sleep",
  urgency: "today",
  languages: ["fa"],
  wantsWoman: false,
  contact: "here",
  handle: "",
  message: "I have nowhere to sleep tonight",
  locale: "fa",
  ...overrides,
});

async function resource(name: string, data: Record<string, unknown> = {}) {
  return db().resource.create({
    data: {
      name,
      locale: "en",
      topics: ",sleep,",
      languages: ",fa,",
      phone: "03-0000-0000",
      address: "1-1 Example",
      mapUrl: "https://maps.example/1",
      openingHours: JSON.stringify([{ weekday: 1, opens: "09:00", closes: "17:00" }]),
      lastCheckedAt: new Date(),
      ...data,
    },
  });
}

const json = async (response: Response) => (await response.json()) as Record<string, unknown>;
const args = (request: Request, params: Record<string, string> = {}) => ({
  request,
  params,
  context,
});

let member: Who, organizer: Who, womenOrganizer: Who, admin: Who, stranger: Who;

beforeEach(async () => {
  await db().helpRequest.deleteMany();
  await db().outboxMessage.deleteMany();
  await db().resource.deleteMany();
  await db().user.updateMany({ where: { role: { not: "member" } }, data: { role: "member" } });
  member = await person();
  stranger = await person();
  organizer = await person("organizer");
  womenOrganizer = await person("organizer", true);
  admin = await person("admin");
});

describe("asking for help through the form", () => {
  it("keeps what she typed on an error, and takes her to her request page once sent", async () => {
    const missing = await respond(() =>
      helpPage.action(
        args(formRequest("/help", { urgency: "today", message: "please help" }, member.cookie)),
      ),
    );
    expect(missing.status).toBe(400);
    const body = JSON.stringify(await missing.json());
    expect(body).toContain("please help");
    expect(body).toContain("help.errors.chooseTopic");

    const handleMissing = await respond(() =>
      helpPage.action(
        args(
          formRequest(
            "/help",
            { topic: "food", urgency: "week", languages: "fa", contact: "handle" },
            member.cookie,
          ),
        ),
      ),
    );
    expect(JSON.stringify(await handleMissing.json())).toContain("help.errors.handleRequired");

    const sent = await respond(() =>
      helpPage.action(
        args(
          formRequest(
            "/help",
            {
              topic: "sleep",
              urgency: "today",
              languages: "fa",
              wantsWoman: "on",
              contact: "email",
              message: "nowhere tonight",
            },
            member.cookie,
          ),
        ),
      ),
    );
    expect(sent.status).toBe(302);
    const id = sent.headers.get("Location")!.match(/^\/help\/([^?]+)\?sent=1$/)![1]!;
    const saved = await db().helpRequest.findUniqueOrThrow({ where: { id } });
    expect(saved).toMatchObject({
      topic: "sleep",
      wantsWoman: true,
      contact: "email",
      memberId: member.id,
    });
  });

  it("sends anonymous visitors to log in", async () => {
    const page = await respond(() => helpPage.loader(args(getRequest("/help"))));
    expect(page.status).toBe(302);
    expect(page.headers.get("Location")).toBe("/login?redirectTo=%2Fhelp");
  });
});

describe("what she sees at once", () => {
  it("shows the emergency numbers' page and matching entries in her language for a place to sleep today", async () => {
    const shelter = await resource("Night shelter");
    await db().resourceTranslation.create({
      data: { resourceId: shelter.id, locale: "fa", name: "پناهگاه شبانه" },
    });
    await resource("Japanese-only shelter", { languages: ",ja," });
    await resource("Closed shelter", { status: "temporarily_closed" });
    const id = await createHelpRequest(db(), member.id, ask());
    const data = await json(
      await respond(() =>
        requestPage.loader(args(getRequest(`/help/${id}`, { Cookie: member.cookie }), { id })),
      ),
    );
    expect(data.request).toMatchObject({ urgent: true, open: true, seenByTeam: false });
    expect((data.matches as { name: string }[]).map((m) => m.name)).toEqual(["پناهگاه شبانه"]);
  });

  it("is hers alone: another member gets a 404", async () => {
    const id = await createHelpRequest(db(), member.id, ask());
    const other = await respond(() =>
      requestPage.loader(args(getRequest(`/help/${id}`, { Cookie: stranger.cookie }), { id })),
    );
    expect(other.status).toBe(404);
    const post = await respond(() =>
      requestPage.action(
        args(formRequest(`/help/${id}`, { intent: "withdraw" }, stranger.cookie), { id }),
      ),
    );
    expect(post.status).toBe(404);
  });
});

describe("the organizers' side", () => {
  it("shows a request asking for a woman only to organizers who answer those, and to admins", async () => {
    const plain = await createHelpRequest(db(), member.id, ask({ topic: "food", urgency: "week" }));
    const woman = await createHelpRequest(db(), member.id, ask({ wantsWoman: true }));
    const ids = async (who: Who) =>
      (await helpQueue(db(), await helpViewer(db(), who.id))).map((r) => r.id);
    expect(await ids(organizer)).toEqual([plain]);
    expect(await ids(womenOrganizer)).toEqual([woman, plain]);
    expect(await ids(admin)).toEqual([woman, plain]);

    const hidden = await respond(() =>
      organizerPage.loader(
        args(getRequest(`/organize/help/${woman}`, { Cookie: organizer.cookie }), { id: woman }),
      ),
    );
    expect(hidden.status).toBe(404);
    const take = await respond(() =>
      organizerPage.action(
        args(formRequest(`/organize/help/${woman}`, { intent: "take" }, organizer.cookie), {
          id: woman,
        }),
      ),
    );
    expect(take.status).toBe(404);
    const reply = await respond(() =>
      organizerPage.action(
        args(
          formRequest(
            `/organize/help/${woman}`,
            { intent: "reply", body: "hello", signAs: "team" },
            organizer.cookie,
          ),
          { id: woman },
        ),
      ),
    );
    expect(reply.status).toBe(404);
    expect(await db().helpMessage.count({ where: { requestId: woman, fromTeam: true } })).toBe(0);
    const forMember = await respond(() =>
      queuePage.loader(args(getRequest("/organize/help", { Cookie: member.cookie }))),
    );
    expect(forMember.status).toBe(403);
  });

  it("records every read, and she learns only that the team has seen it", async () => {
    const id = await createHelpRequest(
      db(),
      member.id,
      ask({ contact: "handle", handle: "tg:@secret" }),
    );
    const viewer = await helpViewer(db(), womenOrganizer.id);
    const seen = await openRequestAsOrganizer(db(), viewer, id);
    expect(seen?.handle).toBe("tg:@secret");
    await openRequestAsOrganizer(db(), await helpViewer(db(), admin.id), id);
    expect(seen?.reads).toBeNull();
    const forAdmin = await openRequestAsOrganizer(db(), await helpViewer(db(), admin.id), id);
    expect(forAdmin?.reads?.map((r) => r.name)).toHaveLength(2);
    const reads = await db().helpRead.findMany({ where: { requestId: id } });
    expect(reads.map((r) => r.readerId).sort()).toEqual(
      [womenOrganizer.id, admin.id, admin.id].sort(),
    );

    const page = await json(
      await respond(() =>
        requestPage.loader(args(getRequest(`/help/${id}`, { Cookie: member.cookie }), { id })),
      ),
    );
    expect((page.request as { seenByTeam: boolean }).seenByTeam).toBe(true);
    const text = JSON.stringify(page);
    expect(text).not.toContain(womenOrganizer.id);
    expect(text).not.toContain(admin.id);
  });

  it("takes, replies with two entries signed as the team or by name, and emails her only if she chose email", async () => {
    const a = await resource("Shelter A");
    const b = await resource("Shelter B");
    const byEmail = await createHelpRequest(db(), member.id, ask({ contact: "email" }));
    const hereOnly = await createHelpRequest(db(), member.id, ask());
    const take = await respond(() =>
      organizerPage.action(
        args(formRequest(`/organize/help/${byEmail}`, { intent: "take" }, organizer.cookie), {
          id: byEmail,
        }),
      ),
    );
    expect(take.status).toBe(200);
    const queue = await helpQueue(db(), await helpViewer(db(), admin.id));
    expect(queue.find((r) => r.id === byEmail)?.takenBy).toMatch(/^Person/);

    const body = new URLSearchParams([
      ["intent", "reply"],
      ["body", "Two places for tonight"],
      ["signAs", "team"],
      ["resourceIds", a.id],
      ["resourceIds", b.id],
    ]);
    const reply = await respond(() =>
      organizerPage.action(
        args(
          new Request(`http://localhost:3000/organize/help/${byEmail}`, {
            method: "POST",
            body,
            headers: {
              "Content-Type": "application/x-www-form-urlencoded",
              Cookie: organizer.cookie,
            },
          }),
          { id: byEmail },
        ),
      ),
    );
    expect(reply.status).toBe(200);
    await replyToRequest(db(), await helpViewer(db(), organizer.id), hereOnly, {
      body: "Signed",
      signWithName: true,
      resourceIds: [],
    });

    const mails = await db().outboxMessage.findMany({ where: { kind: "help_reply" } });
    expect(mails.map((m) => JSON.parse(m.payload).requestId)).toEqual([byEmail]);

    const page = await json(
      await respond(() =>
        requestPage.loader(
          args(getRequest(`/help/${byEmail}`, { Cookie: member.cookie }), { id: byEmail }),
        ),
      ),
    );
    const request = page.request as {
      status: string;
      messages: { signedName: string | null; resourceIds: string[] }[];
    };
    expect(request.status).toBe("answered");
    expect(request.messages.at(-1)).toMatchObject({ signedName: null, resourceIds: [a.id, b.id] });
    expect(Object.keys(page.cards as object).sort()).toEqual([a.id, b.id].sort());
    const named = await db().helpMessage.findFirstOrThrow({
      where: { requestId: hereOnly, fromTeam: true },
    });
    expect(named.signedByName).toBe(true);

    const closed = await respond(() =>
      requestPage.action(
        args(formRequest(`/help/${byEmail}`, { intent: "close" }, member.cookie), { id: byEmail }),
      ),
    );
    expect(closed.status).toBe(200);
    expect(await db().helpRequest.findUniqueOrThrow({ where: { id: byEmail } })).toMatchObject({
      status: "closed",
      outcome: "member_closed",
    });
  });

  it("lets an organizer close with an outcome, and the organizer setting is saved", async () => {
    const id = await createHelpRequest(db(), member.id, ask({ topic: "money", urgency: "week" }));
    expect(await closeRequest(db(), await helpViewer(db(), organizer.id), id, "referred")).toEqual({
      ok: true,
    });
    expect(await endByMember(db(), member.id, id, "withdraw")).toEqual({
      ok: false,
      error: "help.errors.notOpen",
    });
    const saved = await respond(() =>
      queuePage.action(
        args(
          formRequest(
            "/organize/help",
            { intent: "setting", answersWomen: "on" },
            organizer.cookie,
          ),
        ),
      ),
    );
    expect(saved.status).toBe(200);
    expect((await helpViewer(db(), organizer.id)).answersWomenRequests).toBe(true);
  });
});

describe("nobody waits unseen (moved clock)", () => {
  const waiting = () =>
    db().outboxMessage.findMany({ where: { kind: "help_waiting" }, orderBy: { userId: "asc" } });

  it("emails the organizers who may see it after its window, then the admins a window later, once each", async () => {
    const t0 = new Date("2030-01-01T00:00:00Z");
    const id = await createHelpRequest(db(), member.id, ask({ wantsWoman: true }), t0);
    const week = await createHelpRequest(
      db(),
      member.id,
      ask({ urgency: "week", topic: "work" }),
      t0,
    );

    expect(await escalateWaitingRequests(db(), new Date(t0.getTime() + 2 * HOUR - 1))).toBe(0);
    expect(await escalateWaitingRequests(db(), new Date(t0.getTime() + 2 * HOUR))).toBe(1);
    expect((await waiting()).map((m) => m.userId)).toEqual([womenOrganizer.id]);
    // Again and again: nothing more.
    expect(await escalateWaitingRequests(db(), new Date(t0.getTime() + 3 * HOUR))).toBe(0);
    expect(await escalateWaitingRequests(db(), new Date(t0.getTime() + 4 * HOUR))).toBe(1);
    expect((await waiting()).map((m) => m.userId).sort()).toEqual(
      [womenOrganizer.id, admin.id].sort(),
    );
    const request = await db().helpRequest.findUniqueOrThrow({ where: { id } });
    expect(request.escalatedAt?.getTime()).toBe(t0.getTime() + 2 * HOUR);
    expect(request.escalatedAdminsAt?.getTime()).toBe(t0.getTime() + 4 * HOUR);

    // The week request: every organizer (it does not ask for a woman) after two days.
    await takeRequest(db(), await helpViewer(db(), admin.id), id);
    await db().outboxMessage.deleteMany();
    expect(await escalateWaitingRequests(db(), new Date(t0.getTime() + 2 * DAY))).toBe(1);
    expect((await waiting()).map((m) => m.userId).sort()).toEqual(
      [organizer.id, womenOrganizer.id].sort(),
    );
    expect((await waiting()).every((m) => JSON.parse(m.payload).requestId === week)).toBe(true);
  });

  it("never escalates a request someone took, and goes straight to admins when no organizer may see it", async () => {
    const t0 = new Date("2030-02-01T00:00:00Z");
    const taken = await createHelpRequest(db(), member.id, ask(), t0);
    await takeRequest(db(), await helpViewer(db(), organizer.id), taken, t0);
    await db().user.update({
      where: { id: womenOrganizer.id },
      data: { answersWomenRequests: false },
    });
    await createHelpRequest(db(), member.id, ask({ wantsWoman: true }), t0);
    expect(await escalateWaitingRequests(db(), new Date(t0.getTime() + 10 * DAY))).toBe(2);
    expect((await waiting()).map((m) => m.userId)).toEqual([admin.id, admin.id]);
  });

  it("sends each step once when two processes run it at the same moment", async () => {
    const t0 = new Date("2030-03-01T00:00:00Z");
    for (let i = 0; i < 5; i++)
      await createHelpRequest(db(), member.id, ask({ topic: "health" }), t0);
    const other = createDb(process.env.DATABASE_URL!);
    try {
      const now = new Date(t0.getTime() + 5 * HOUR);
      const [a, b] = await Promise.all([
        escalateWaitingRequests(db(), now),
        escalateWaitingRequests(other, now),
      ]);
      // Five requests, two steps each (organizers, then admins: both windows have passed).
      expect(a + b).toBe(10);
    } finally {
      await other.$disconnect();
    }
    const rows = await waiting();
    // Each of 5 requests: two organizers, then the admin.
    expect(rows).toHaveLength(15);
    expect(new Set(rows.map((r) => r.dedupeKey)).size).toBe(15);
  });

  it("is done by the sender rounds of two worker processes, once", async () => {
    const past = new Date(Date.now() - 5 * HOUR);
    const id = await createHelpRequest(db(), member.id, ask({ topic: "frightened" }), past);
    const workers: RunningWorker[] = [];
    const databaseUrl = process.env.DATABASE_URL!;
    try {
      workers.push(startWorker(databaseUrl), startWorker(databaseUrl));
      await Promise.all(workers.map((w) => workerReady(w)));
      const deadline = Date.now() + 30_000;
      for (;;) {
        const sent = await db().outboxMessage.count({
          where: { kind: "help_waiting", status: { in: ["sent", "skipped"] } },
        });
        if (sent >= 3) break;
        if (Date.now() > deadline) {
          const rows = await db().outboxMessage.findMany({
            select: { kind: true, status: true, lastError: true },
          });
          throw new Error(JSON.stringify(rows) + workers.map((w) => w.output()).join("\n"));
        }
        await new Promise((r) => setTimeout(r, 200));
      }
      // A few more rounds of both, to be sure nobody adds a second email.
      await new Promise((r) => setTimeout(r, 500));
    } finally {
      for (const w of workers) await w.kill();
    }
    const rows = await waiting();
    expect(rows.map((r) => r.userId).sort()).toEqual(
      [organizer.id, womenOrganizer.id, admin.id].sort(),
    );
    expect(rows.every((r) => JSON.parse(r.payload).requestId === id)).toBe(true);
    const mails = await db().devMail.findMany({ where: { subject: { contains: "Tsunagu" } } });
    const toHelp = mails.filter((m) => m.text.includes("/organize/help"));
    expect(toHelp).toHaveLength(3);
    for (const mail of toHelp) {
      expect(mail.text).not.toMatch(/frighten|sleep|help request/i);
    }
  }, 90_000);
});

describe("privacy of texts", () => {
  it("erases the texts 90 days after closing, and keeps topic, urgency and timings", async () => {
    const t0 = new Date("2030-04-01T00:00:00Z");
    const id = await createHelpRequest(
      db(),
      member.id,
      ask({ contact: "handle", handle: "line:me" }),
      t0,
    );
    await replyToRequest(
      db(),
      await helpViewer(db(), organizer.id),
      id,
      {
        body: "Our answer",
        signWithName: false,
        resourceIds: [],
      },
      t0,
    );
    await endByMember(db(), member.id, id, "close", new Date(t0.getTime() + DAY));
    expect(await eraseOldHelpTexts(db(), new Date(t0.getTime() + 90 * DAY))).toBe(0);
    expect(await eraseOldHelpTexts(db(), new Date(t0.getTime() + 91 * DAY))).toBe(1);
    expect(await eraseOldHelpTexts(db(), new Date(t0.getTime() + 92 * DAY))).toBe(0);
    const kept = await db().helpRequest.findUniqueOrThrow({
      where: { id },
      include: { messages: true },
    });
    expect(kept).toMatchObject({ topic: "sleep", urgency: "today", handle: "", status: "closed" });
    expect(kept.createdAt.getTime()).toBe(t0.getTime());
    expect(kept.messages.map((m) => m.body)).toEqual(["", ""]);
  });

  it("exports her requests and threads, signed as she sees them, and deletion leaves anonymous numbers", async () => {
    const id = await createHelpRequest(
      db(),
      member.id,
      ask({ contact: "handle", handle: "wa:123" }),
    );
    await replyToRequest(db(), await helpViewer(db(), organizer.id), id, {
      body: "From the team",
      signWithName: false,
      resourceIds: [],
    });
    const exported = await exportUserData(db(), member.id);
    expect(exported.helpRequests).toHaveLength(1);
    expect(exported.helpRequests[0]).toMatchObject({ topic: "sleep", handle: "wa:123" });
    expect(exported.helpRequests[0]!.thread.map((m) => m.from)).toEqual([
      "you",
      "the Tsunagu team",
    ]);
    expect(JSON.stringify(exported)).not.toContain(organizer.id);

    const removed = await deleteAccount(db(), member.id, "a long passphrase");
    expect(removed).toEqual({ ok: true });
    const left = await db().helpRequest.findUniqueOrThrow({
      where: { id },
      include: { messages: true },
    });
    expect(left).toMatchObject({ memberId: null, topic: "sleep", handle: "", status: "withdrawn" });
    expect(left.messages.every((m) => m.body === "")).toBe(true);
  });
});

afterAll(async () => {
  await db().$disconnect();
});

describe("a keep-apart rule around the member who asks", () => {
  it("hides her requests from the organizer kept away from her, and does not email him", async () => {
    await db().keepApartRule.deleteMany();
    const rule = await recordRule(db(), admin.id, {
      protectedId: member.id,
      otherId: organizer.id,
      requestId: null,
    });
    if (!rule.ok) throw new Error(rule.error);
    const t0 = new Date("2026-12-01T09:00:00Z");
    const id = await createHelpRequest(db(), member.id, ask(), t0);

    const kept = await helpViewer(db(), organizer.id);
    expect((await helpQueue(db(), kept)).map((r) => r.id)).not.toContain(id);
    expect(await openRequestAsOrganizer(db(), kept, id, t0)).toBeNull();
    expect((await takeRequest(db(), kept, id, t0)).ok).toBe(false);
    // Another organizer still sees and may answer it.
    const other = await helpViewer(db(), womenOrganizer.id);
    expect((await helpQueue(db(), other)).map((r) => r.id)).toContain(id);

    await escalateWaitingRequests(db(), new Date(t0.getTime() + 3 * HOUR));
    const told = await db().outboxMessage.findMany({
      where: { kind: "help_waiting" },
      select: { userId: true },
    });
    expect(told.map((m) => m.userId)).toContain(womenOrganizer.id);
    expect(told.map((m) => m.userId)).not.toContain(organizer.id);

    await endRule(db(), admin.id, rule.id);
    expect((await helpQueue(db(), kept)).map((r) => r.id)).toContain(id);
  });
});
