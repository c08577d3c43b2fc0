import { beforeAll, describe, expect, it } from "vitest";
import { createAccount, exportUserData } from "~/accounts/accounts.server";
import { startSession } from "~/accounts/sessions.server";
import { db } from "~/db.server";
import { saveProfile } from "~/mentorship/profiles.server";
import { approveMentor, publishDraft, runMatching } from "~/mentorship/workflow.server";
import * as mentoringPage from "~/routes/mentoring._index";
import * as profilePage from "~/routes/mentoring.profile";
import * as organizerDashboard from "~/routes/organize.mentoring._index";
import * as draftPage from "~/routes/organize.mentoring.draft";
import * as poolPage from "~/routes/organize.mentoring.pool";
import { menteeInput, mentorInput } from "../support/mentoring";
import { context, formRequest, getRequest, respond } from "../support/requests";

/**
 * Who can read what, through the real loaders and actions, for each role: a member without a
 * profile, a mentee with a proposal, the proposed mentor, another mentor, an organizer.
 */
const secrets = {
  about: "I used to work as a pharmacist in Kabul",
  area: "Kawaguchi",
  handle: "signal: maryam-private",
};

type Who = { id: string; email: string; cookie: string };
let maryam: Who; // mentee, proposed to Ren
let ren: Who; // mentor, proposed to Maryam
let chloe: Who; // another approved mentor, no proposal with Maryam
let kenta: Who; // member without a mentoring profile
let aiko: Who; // organizer
let matchId = "";

async function person(name: string, role = "member"): Promise<Who> {
  const created = await createAccount(db(), {
    email: `${name.toLowerCase()}-${crypto.randomUUID()}@example.com`,
    password: "a long passphrase",
    displayName: name,
    locale: "en",
  });
  if (!created.ok) throw new Error("no account");
  if (role !== "member") await db().user.update({ where: { id: created.user.id }, data: { role } });
  return {
    id: created.user.id,
    email: created.user.email,
    cookie: await startSession(created.user.id),
  };
}

const args = (request: Request) => ({ request, params: {}, context });
const load = async (
  route: { loader: (a: ReturnType<typeof args>) => unknown },
  path: string,
  who: Who,
) => respond(() => route.loader(args(getRequest(path, { Cookie: who.cookie }))));
const post = async (
  route: { action: (a: ReturnType<typeof args>) => unknown },
  path: string,
  fields: Record<string, string>,
  who: Who,
) => respond(() => route.action(args(formRequest(path, fields, who.cookie))));

beforeAll(async () => {
  [maryam, ren, chloe, kenta, aiko] = await Promise.all([
    person("Maryam"),
    person("Ren"),
    person("Chloe"),
    person("Kenta"),
    person("Aiko", "organizer"),
  ]);
  await saveProfile(
    db(),
    maryam.id,
    menteeInput({
      about: secrets.about,
      area: secrets.area,
      shareEmail: true,
      contactHandle: secrets.handle,
    }),
    "fa",
  );
  await saveProfile(db(), ren.id, mentorInput({ contactHandle: "@ren" }), "ja");
  // Chloe speaks only French: she can never be proposed to Maryam.
  await saveProfile(
    db(),
    chloe.id,
    mentorInput({ languages: [{ code: "fr", level: "fluent" }] }),
    "fr",
  );
  await approveMentor(db(), aiko.id, ren.id);
  await approveMentor(db(), aiko.id, chloe.id);
  await runMatching(db(), aiko.id);
  const { changes } = await publishDraft(db());
  matchId = changes[0]!.matchId;
});

function expectNoSecrets(body: string) {
  expect(body).not.toContain(secrets.about);
  expect(body).not.toContain(secrets.area);
  expect(body).not.toContain(secrets.handle);
  expect(body).not.toContain(maryam.email);
}

describe("a member without a mentoring profile", () => {
  it("sees only the welcome, and no organizer page", async () => {
    const response = await load(mentoringPage, "/mentoring", kenta);
    const data = await response.json();
    expect(data.profile).toBeNull();
    expect(data.matches).toEqual([]);
    for (const [route, path] of [
      [organizerDashboard, "/organize/mentoring"],
      [draftPage, "/organize/mentoring/draft"],
      [poolPage, "/organize/mentoring/pool"],
    ] as const) {
      expect((await load(route, path, kenta)).status).toBe(403);
    }
  });

  it("cannot act on someone else's match, nor run organizer actions", async () => {
    const answer = await post(mentoringPage, "/mentoring", { intent: "accept", matchId }, kenta);
    expect(answer.status).toBe(400);
    expect((await answer.json()).error).toBe("errors.mentoringNotFound");
    expect(
      (await post(draftPage, "/organize/mentoring/draft", { intent: "publish" }, kenta)).status,
    ).toBe(403);
    expect(
      (
        await post(
          poolPage,
          "/organize/mentoring/pool",
          { intent: "block", menteeId: maryam.id, mentorId: ren.id },
          kenta,
        )
      ).status,
    ).toBe(403);
    expect(
      (await post(organizerDashboard, "/organize/mentoring", { intent: "end", matchId }, kenta))
        .status,
    ).toBe(403);
  });
});

describe("a mentee with a proposal", () => {
  it("sees the mentor's name, affiliation, languages and help, but no contact yet", async () => {
    const data = await (await load(mentoringPage, "/mentoring", maryam)).json();
    expect(data.matches).toHaveLength(1);
    expect(Object.keys(data.matches[0].partner).sort()).toEqual(
      ["affiliation", "displayName", "languages", "topics"].sort(),
    );
    expect(JSON.stringify(data)).not.toContain("@ren");
  });
});

describe("the proposed mentor", () => {
  it("sees the mentee's name, languages, goals and times only", async () => {
    const response = await load(mentoringPage, "/mentoring", ren);
    const body = await response.text();
    expectNoSecrets(body);
    const partner = JSON.parse(body).matches[0].partner;
    expect(Object.keys(partner).sort()).toEqual(
      ["availability", "displayName", "languages", "topics"].sort(),
    );
  });

  it("sees about-me, area and contact only once both accepted", async () => {
    await post(mentoringPage, "/mentoring", { intent: "accept", matchId }, ren);
    expectNoSecrets(await (await load(mentoringPage, "/mentoring", ren)).text());
    const accepted = await post(mentoringPage, "/mentoring", { intent: "accept", matchId }, maryam);
    expect((await accepted.json()).done).toBe("accept");

    const partner = (await (await load(mentoringPage, "/mentoring", ren)).json()).matches[0]
      .partner;
    expect(partner.about).toBe(secrets.about);
    expect(partner.area).toBe(secrets.area);
    expect(partner.contact).toEqual({ email: maryam.email, handle: secrets.handle });
    // Ren did not share his email, only his handle.
    const mine = (await (await load(mentoringPage, "/mentoring", maryam)).json()).matches[0];
    expect(mine.partner.contact).toEqual({ email: null, handle: "@ren" });
  });
});

describe("another mentor", () => {
  it("sees nothing of Maryam, and cannot act on her match", async () => {
    const body = await (await load(mentoringPage, "/mentoring", chloe)).text();
    expectNoSecrets(body);
    expect(body).not.toContain("Maryam");
    const ended = await post(mentoringPage, "/mentoring", { intent: "end", matchId }, chloe);
    expect((await ended.json()).error).toBe("errors.mentoringNotFound");
    const checkIn = await post(
      mentoringPage,
      "/mentoring",
      { intent: "checkin", matchId, met: "yes", note: "" },
      chloe,
    );
    expect((await checkIn.json()).error).toBe("errors.mentoringNotFound");
    expect((await load(poolPage, "/organize/mentoring/pool", chloe)).status).toBe(403);
  });
});

describe("an organizer", () => {
  it("sees every profile in full on the pool page, and the matches on the dashboard", async () => {
    const pool = await (await load(poolPage, "/organize/mentoring/pool", aiko)).text();
    expect(pool).toContain(secrets.about);
    expect(pool).not.toContain(maryam.email);
    const dashboard = await (await load(organizerDashboard, "/organize/mentoring", aiko)).json();
    expect(dashboard.matches.map((m: { id: string }) => m.id)).toContain(matchId);
  });
});

describe("the profile form", () => {
  it("refuses bad input with translated keys and keeps what was typed", async () => {
    const response = await post(
      profilePage,
      "/mentoring/profile",
      {
        intent: "mentor",
        affiliation: "",
        "languages[0].code": "fa",
        "languages[0].level": "fluent",
        "languages[1].code": "fa",
        "languages[1].level": "basic",
        mode: "either",
        capacity: "9",
        contactHandle: "@kenta",
      },
      kenta,
    );
    expect(response.status).toBe(400);
    const { result } = await response.json();
    expect(result.error).toMatchObject({
      affiliation: ["errors.required"],
      languages: ["errors.mentoringLanguageTwice"],
      topics: ["errors.mentoringTopicRequired"],
      availability: ["errors.mentoringSlotRequired"],
      capacity: ["errors.mentoringCapacity"],
    });
    expect(result.initialValue).toMatchObject({ contactHandle: "@kenta", capacity: "9" });
    expect(await db().mentoringProfile.findUnique({ where: { userId: kenta.id } })).toBeNull();
  });

  it("creates a profile in the member's language and sends them to /mentoring", async () => {
    const response = await post(
      profilePage,
      "/mentoring/profile",
      {
        intent: "mentee",
        "languages[0].code": "ar",
        "languages[0].level": "fluent",
        topics: "daily_life",
        availability: "wed-evening",
        mode: "online",
        mentorGender: "female",
      },
      kenta,
    );
    expect(response.status).toBe(302);
    expect(response.headers.get("Location")).toBe("/mentoring?saved=profile");
    const saved = await db().mentoringProfile.findUniqueOrThrow({ where: { userId: kenta.id } });
    expect(saved).toMatchObject({
      role: "mentee",
      languages: ",ar:fluent,",
      availability: ",wed-evening,",
      mentorGender: "female",
      locale: "en",
    });
    // The person's own data export includes it, and only their side of any match.
    const exported = await exportUserData(db(), maryam.id);
    expect(exported.mentoring).toMatchObject({ role: "mentee", about: secrets.about });
    expect(exported.mentoring!.matches).toEqual([
      expect.objectContaining({ as: "mentee", status: "active", myFitAnswer: null }),
    ]);
    expect(JSON.stringify(exported)).not.toContain("@ren");
  });
});
