import fs from "node:fs";
import path from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDb } from "~/db.server";
import {
  expectNoAxeViolations,
  go,
  mailFor,
  settle,
  signUp,
  submit,
  switchLanguage,
} from "../support/browser";
import {
  browserAvailability,
  launchBrowser,
  newPhonePage,
  startServer,
  type RunningServer,
} from "../support/e2e";
import { projectRoot } from "../support/paths";

/**
 * Issue #5's workflow on a 360 px phone: a Persian-reading mentee and a Persian-speaking mentor
 * sign up and fill in their profiles, an organizer approves the mentor, runs matching and
 * publishes, both accept, and only then do contact details appear. Once without JavaScript,
 * once with. Then: a mentee who asked for a woman is never proposed a man, a quiet match shows
 * on the dashboard, and axe-core finds nothing on the new pages in English and Persian.
 */
const availability = browserAvailability();
const fa = JSON.parse(fs.readFileSync(path.join(projectRoot, "app/i18n/locales/fa.json"), "utf8"));
const en = JSON.parse(fs.readFileSync(path.join(projectRoot, "app/i18n/locales/en.json"), "utf8"));
const password = "a long passphrase";

let server: RunningServer;
let browser: Browser;

beforeAll(async () => {
  if (!availability.run) return;
  [server, browser] = await Promise.all([startServer(), launchBrowser()]);
});

afterAll(async () => {
  await browser?.close();
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

async function makeOrganizer(page: Page, name: string, email: string) {
  await signUp(page, { name, email, password });
  await withDb((db) => db.user.update({ where: { email }, data: { role: "organizer" } }));
}

type Profile = {
  languages: [string, string][];
  topics: string[];
  slots: string[];
  mode: string;
  mentorGender?: string;
  gender?: string;
  affiliation?: string;
  about?: string;
  shareEmail?: boolean;
  handle?: string;
};

async function fillProfile(page: Page, role: "mentee" | "mentor", profile: Profile) {
  await go(page, `/mentoring/profile?role=${role}`);
  const form = `#mentoring-${role}`;
  if (profile.affiliation) await page.fill(`${form} [name=affiliation]`, profile.affiliation);
  for (const [index, [code, level]] of profile.languages.entries()) {
    await page.selectOption(`${form} [name="languages[${index}].code"]`, code);
    await page.selectOption(`${form} [name="languages[${index}].level"]`, level);
  }
  for (const topic of profile.topics) await page.check(`${form} [name=topics][value=${topic}]`);
  for (const slot of profile.slots) await page.check(`${form} [name=availability][value=${slot}]`);
  await page.check(`${form} [name=mode][value=${profile.mode}]`);
  if (profile.mentorGender)
    await page.check(`${form} [name=mentorGender][value=${profile.mentorGender}]`);
  if (profile.gender) await page.check(`${form} [name=gender][value=${profile.gender}]`);
  if (profile.about) await page.fill(`${form} [name=about]`, profile.about);
  if (profile.shareEmail) await page.check(`${form} [name=shareEmail]`);
  if (profile.handle) await page.fill(`${form} [name=contactHandle]`, profile.handle);
  await submit(page, form);
}

const mainText = (page: Page) => page.locator("main").textContent();

describe.skipIf(!availability.run).each([
  { javaScript: false, label: "without JavaScript" },
  { javaScript: true, label: "with JavaScript" },
])("a Persian mentee and mentor are matched, $label", ({ javaScript }) => {
  const suffix = javaScript ? "scripted" : "plain";
  const mina = { name: `مینا ${suffix}`, email: `mina-m-${suffix}@example.com` };
  const omid = { name: `Omid ${suffix}`, email: `omid-m-${suffix}@example.com` };
  const secrets = {
    about: `در ایران معلم ریاضی بودم ${suffix}`,
    handle: `telegram-mina-${suffix}`,
    mentorHandle: `line-omid-${suffix}`,
  };
  let menteePage: Page;
  let mentorPage: Page;
  let organizer: Page;

  beforeAll(async () => {
    [menteePage, mentorPage, organizer] = await Promise.all([
      newPhonePage(browser, { baseURL: server.url, javaScript, locale: "fa-IR" }),
      newPhonePage(browser, { baseURL: server.url, javaScript, locale: "fa-IR" }),
      newPhonePage(browser, { baseURL: server.url, javaScript }),
    ]);
    await makeOrganizer(organizer, "Aiko", `aiko-m-${suffix}@example.com`);
  });

  it("the mentee signs up, reads Persian, and is told what is wrong without losing what she typed", async () => {
    await signUp(menteePage, { ...mina, password });
    await switchLanguage(menteePage, "fa");
    await go(menteePage, "/mentoring");
    expect(await menteePage.locator("html").getAttribute("dir")).toBe("rtl");
    await expect.poll(() => mainText(menteePage), settle).toContain(fa.mentoring.becomeMentee);

    // Forgot to tick a time: the error is in Persian, and her words are still there.
    await go(menteePage, "/mentoring/profile?role=mentee");
    await menteePage.selectOption('#mentoring-mentee [name="languages[0].code"]', "fa");
    await menteePage.fill("#mentoring-mentee [name=about]", secrets.about);
    await menteePage.check("#mentoring-mentee [name=topics][value=job_search]");
    await menteePage.check("#mentoring-mentee [name=mode][value=either]");
    // With JavaScript the same zod schema answers in the browser, before anything is sent.
    if (javaScript) await menteePage.click("#mentoring-mentee button[type=submit]");
    else await submit(menteePage, "#mentoring-mentee");
    await expect
      .poll(() => menteePage.locator("#mentoring-mentee").textContent(), settle)
      .toContain(fa.errors.mentoringSlotRequired);
    expect(await menteePage.inputValue("#mentoring-mentee [name=about]")).toBe(secrets.about);
    const overflow = await menteePage.evaluate(
      () => document.documentElement.scrollWidth - window.innerWidth,
    );
    expect(overflow).toBeLessThanOrEqual(0);

    await fillProfile(menteePage, "mentee", {
      languages: [
        ["fa", "fluent"],
        ["ja", "basic"],
      ],
      topics: ["job_search", "japanese_practice"],
      slots: ["sat-afternoon", "wed-evening"],
      mode: "either",
      mentorGender: "any",
      about: secrets.about,
      shareEmail: true,
      handle: secrets.handle,
    });
    await expect.poll(() => mainText(menteePage), settle).toContain(fa.mentoring.profileSaved);
    expect(await mainText(menteePage)).toContain(fa.mentoring.waiting);
  });

  it("the mentor signs up and waits for approval", async () => {
    await signUp(mentorPage, { ...omid, password });
    await switchLanguage(mentorPage, "fa");
    await fillProfile(mentorPage, "mentor", {
      affiliation: "Sophia University",
      languages: [
        ["fa", "fluent"],
        ["ja", "fluent"],
      ],
      topics: ["job_search", "interviews"],
      slots: ["sat-afternoon"],
      mode: "either",
      gender: "male",
      handle: secrets.mentorHandle,
    });
    await expect.poll(() => mainText(mentorPage), settle).toContain(fa.mentoring.awaitingApproval);
  });

  it("the organizer approves the mentor, runs matching and publishes", async () => {
    await go(organizer, "/organize");
    await go(organizer, "/organize/mentoring");
    await submit(organizer, `#pending-mentors li:has-text("${omid.name}") form`);
    await expect.poll(() => mainText(organizer), settle).toContain(en.mentoringOrg.done.approved);

    await go(organizer, "/organize/mentoring/draft");
    await submit(organizer, ".run-form");
    const pair = organizer.locator(".draft-pair", { hasText: mina.name });
    await expect.poll(() => pair.textContent(), settle).toContain(omid.name);
    expect(await pair.textContent()).toContain("Shares a language: Persian");
    expect(await pair.textContent()).toContain("Both free: Saturday afternoon");
    await submit(organizer, ".publish-form");
    await expect
      .poll(() => mainText(organizer), settle)
      .toContain("1 pair suggested. Both people have been asked.");
  });

  it("both accept, and contact details appear only then", async () => {
    await go(mentorPage, "/mentoring");
    const proposal = mentorPage.locator(".match-card", { hasText: mina.name });
    await expect.poll(() => proposal.count(), settle).toBe(1);
    // Before: the mentor sees her name, languages, goals and times, nothing else.
    let text = (await mainText(mentorPage))!;
    expect(text).not.toContain(secrets.about);
    expect(text).not.toContain(secrets.handle);
    expect(text).not.toContain(mina.email);
    await submit(mentorPage, ".answer-accept");
    await expect.poll(() => mainText(mentorPage), settle).toContain(fa.mentoring.youAccepted);
    expect(await mainText(mentorPage)).not.toContain(secrets.handle);

    await go(menteePage, "/mentoring");
    text = (await mainText(menteePage))!;
    expect(text).toContain(omid.name);
    expect(text).toContain("Sophia University");
    expect(text).not.toContain(secrets.mentorHandle);
    await submit(menteePage, ".answer-accept");
    await expect.poll(() => mainText(menteePage), settle).toContain(secrets.mentorHandle);

    await go(mentorPage, "/mentoring");
    text = (await mainText(mentorPage))!;
    expect(text).toContain(secrets.handle);
    expect(text).toContain(mina.email);
    expect(text).toContain(secrets.about);

    // docs/glossary.md: a Persian pair is a همراهی in the programme برنامهٔ راهنما, never a "mate".
    expect(await mainText(menteePage)).toContain(
      fa.mentoring.activeTitle.replace("{{name}}", omid.name),
    );
    for (const page of [menteePage, mentorPage]) expect(await mainText(page)).not.toMatch(/جفت/);
    const mailbox = await newPhonePage(browser, { baseURL: server.url, javaScript: false });
    // The introduction, which the sender may deliver a moment after the page answered.
    const introduction = fa.mail.subject.mentoring_introduction;
    const mail = (await (await mailFor(mailbox, mina.email, introduction)).textContent()) ?? "";
    expect(mail).toContain(fa.nav.mentoring);
    expect(mail).not.toMatch(/جفت/);
    await mailbox.context().close();
  });

  it("the mentor logs a first meeting, and the mentee is asked privately about the fit", async () => {
    await mentorPage.fill(".checkin-form [name=note]", "Met at the café");
    await submit(mentorPage, ".checkin-form");
    await expect.poll(() => mainText(mentorPage), settle).toContain(fa.mentoring.done.checkin);
    await go(menteePage, "/mentoring");
    expect(await mainText(menteePage)).not.toContain("Met at the café");
    await menteePage.check(".fit-form [name=fit][value=unsure]");
    await submit(menteePage, ".fit-form");
    await expect.poll(() => mainText(menteePage), settle).toContain(fa.mentoring.done.fit);
    await go(organizer, "/organize/mentoring");
    await expect
      .poll(() => organizer.locator("#fit-concerns").textContent(), settle)
      .toContain(mina.name);
  });
});

describe.skipIf(!availability.run)("matching rules and the dashboard, with JavaScript", () => {
  let organizer: Page;

  beforeAll(async () => {
    organizer = await newPhonePage(browser, { baseURL: server.url });
    await makeOrganizer(organizer, "Sara", "sara-m@example.com");
  });

  it("never proposes a male mentor to a mentee who asked for a woman", async () => {
    const [leila, karim] = await Promise.all([
      newPhonePage(browser, { baseURL: server.url }),
      newPhonePage(browser, { baseURL: server.url }),
    ]);
    await signUp(leila, { name: "Leila", email: "leila-m@example.com", password });
    await fillProfile(leila, "mentee", {
      languages: [["tr", "fluent"]],
      topics: ["daily_life"],
      slots: ["mon-morning"],
      mode: "online",
      mentorGender: "female",
    });
    await signUp(karim, { name: "Karim", email: "karim-m@example.com", password });
    await fillProfile(karim, "mentor", {
      affiliation: "Keio University",
      languages: [["tr", "fluent"]],
      topics: ["daily_life"],
      slots: ["mon-morning"],
      mode: "online",
      gender: "male",
    });
    await go(organizer, "/organize/mentoring");
    await submit(organizer, '#pending-mentors li:has-text("Karim") form');

    await go(organizer, "/organize/mentoring/draft");
    await submit(organizer, ".run-form");
    await expect
      .poll(() => organizer.locator(".draft-pair", { hasText: "Leila" }).count(), settle)
      .toBe(0);
    const waiting = organizer.locator(".waiting-mentee", { hasText: "Leila" });
    await expect.poll(() => waiting.textContent(), settle).toContain(en.mentoring.why.gender);
    // Choosing him by hand is refused, with the reason.
    const karimOption = waiting.locator("select[name=mentorId] option", { hasText: "Karim" });
    await waiting
      .locator("select[name=mentorId]")
      .selectOption((await karimOption.getAttribute("value"))!);
    await submit(organizer, '.waiting-mentee:has-text("Leila") .pick-form');
    await expect
      .poll(() => organizer.locator(".waiting-mentee", { hasText: "Leila" }).textContent(), settle)
      .toContain(en.mentoring.why.gender);
    await go(leila, "/mentoring");
    expect(await mainText(leila)).not.toContain("Karim");
  });

  it("lists a match with no check-in for 21 days on the dashboard", async () => {
    const quiet = await withDb(async (db) => {
      const match = await db.mentoringMatch.findFirstOrThrow({
        where: { status: "active", mentee: { email: "mina-m-plain@example.com" } },
      });
      const longAgo = new Date(Date.now() - 30 * 86_400_000);
      await db.mentoringMatch.update({
        where: { id: match.id },
        data: { activatedAt: longAgo, lastCheckInAt: longAgo },
      });
      return match;
    });
    await go(organizer, "/organize/mentoring");
    const list = organizer.locator("#quiet-matches");
    await expect.poll(() => list.textContent(), settle).toContain("مینا plain");
    expect(await list.textContent()).not.toContain("مینا scripted");
    expect(quiet.status).toBe("active");
  });

  it("has no axe violations on the mentoring pages, in English and Persian", async () => {
    const member = await newPhonePage(browser, { baseURL: server.url });
    await signUp(member, { name: "Newcomer", email: "newcomer-m@example.com", password });
    const mentee = await newPhonePage(browser, { baseURL: server.url });
    await mentee.goto("/login");
    await mentee.fill("#login input[name=email]", "mina-m-scripted@example.com");
    await mentee.fill("#login input[name=password]", password);
    await Promise.all([mentee.waitForURL("**/"), mentee.click("#login button[type=submit]")]);
    for (const lng of ["en", "fa"]) {
      for (const [page, paths] of [
        [
          member,
          ["/mentoring", "/mentoring/profile?role=mentee", "/mentoring/profile?role=mentor"],
        ],
        [mentee, ["/mentoring", "/mentoring/profile"]],
        [
          organizer,
          ["/organize/mentoring", "/organize/mentoring/draft", "/organize/mentoring/pool"],
        ],
      ] as const) {
        for (const path of paths) {
          await go(page, `${path}${path.includes("?") ? "&" : "?"}lng=${lng}`);
          await expectNoAxeViolations(page);
        }
      }
    }
  });
});
