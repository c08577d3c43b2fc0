import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDb } from "~/db.server";
import { createAccount } from "~/accounts/accounts.server";
import { createEvent } from "~/events/events.server";
import { answerGoing } from "~/events/rsvp.server";
import { supportedLocales } from "~/i18n/config";
import { recordRule, requestKeepApart, setHideOnCheckIn } from "~/safety/keep-apart.server";
import { suspendAccount } from "~/safety/suspension.server";
import { expectNoAxeViolations, go, signUp, withJavaScript } from "../support/browser";
import {
  browserAvailability,
  launchBrowser,
  startServer,
  type RunningServer,
} from "../support/e2e";
import { daysAhead, eventInput } from "../support/fixtures";
import { seedDirectory } from "../../scripts/demo-directory";

/**
 * Issue #10, part 6 (WCAG 1.4.10 and 3.1.2): on a 320 px phone no main page scrolls sideways
 * in any of the six languages and axe finds nothing; words in another language than the page
 * carry `lang`; organizer pages write numbers in the reader's digits.
 */
const availability = browserAvailability();
const password = "a long passphrase";
const WIDTH = 320;
/** docs/glossary.md: a mentoring pair is never a "mate" (fa) or a "spouse" or "coupling" (ar). */
const bannedWords: Partial<Record<string, RegExp>> = {
  fa: /جفت/,
  ar: /اقتران|اقترن|مقترن|زوج|أزواج/,
};

let server: RunningServer;
let browser: Browser;
const contexts: BrowserContext[] = [];
let organizer: Page;
let visitor: Page;
let eventId = "";
let resourceId = "";

async function narrowPage(): Promise<Page> {
  const context = await browser.newContext({
    baseURL: server.url,
    viewport: { width: WIDTH, height: 640 },
    locale: "en-US",
  });
  contexts.push(context);
  const page = await context.newPage();
  withJavaScript.add(page);
  return page;
}

beforeAll(async () => {
  if (!availability.run) return;
  [server, browser] = await Promise.all([startServer(), launchBrowser()]);
  [organizer, visitor] = await Promise.all([narrowPage(), narrowPage()]);
  const email = "aiko-narrow@example.com";
  await signUp(organizer, { name: "Aiko", email, password });
  const db = createDb(server.databaseUrl);
  try {
    const aiko = await db.user.update({ where: { email }, data: { role: "organizer" } });
    const created = await createEvent(
      db,
      eventInput({
        title: "四谷のカフェ",
        description: "お茶とお菓子があります。",
        locale: "ja",
        languages: ["ja-x-easy", "en", "fa"],
        date: daysAhead(12),
        capacity: 20,
        hideAddress: false,
      }),
      aiko.id,
    );
    if (!created.ok) throw new Error(JSON.stringify(created.errors));
    eventId = created.eventId;
    await answerGoing(db, {
      eventId,
      userId: aiko.id,
      children: 2,
      guests: 1,
      interpretation: "ja-x-easy",
      note: "",
    });
    // The safety pages with something on them: Aiko asked to be kept from Maryam, an organizer
    // recorded it, both are coming (the alert), Aiko's name is hidden at check-in, and an
    // account is suspended (the audit and the people page).
    const maryam = await createAccount(db, {
      email: "maryam-narrow@example.com",
      password,
      displayName: "مریم",
      locale: "fa",
    });
    if (!maryam.ok) throw new Error("no second account");
    await requestKeepApart(db, aiko.id, {
      namedUserId: null,
      details: "Someone who waits outside the café on Saturdays",
    });
    await recordRule(db, aiko.id, {
      protectedId: aiko.id,
      otherId: maryam.user.id,
      requestId: null,
    });
    await setHideOnCheckIn(db, aiko.id, true);
    await answerGoing(db, {
      eventId,
      userId: maryam.user.id,
      children: 0,
      guests: 0,
      interpretation: null,
      note: "",
    });
    const spam = await createAccount(db, {
      email: "spam-narrow@example.com",
      password,
      displayName: "Spam",
      locale: "en",
    });
    if (!spam.ok) throw new Error("no third account");
    await db.user.update({ where: { id: aiko.id }, data: { role: "admin" } });
    await suspendAccount(db, aiko.id, spam.user.id, "spam");
    // The sample directory: long names, hours and addresses in several scripts.
    await seedDirectory(db, new Date(), aiko.id);
    resourceId = (await db.resource.findFirstOrThrow({ orderBy: { name: "asc" } })).id;
  } finally {
    await db.$disconnect();
  }
});

afterAll(async () => {
  for (const context of contexts) await context.close();
  await browser?.close();
  await server?.stop();
});

/** How far the page scrolls sideways, and the widest things that stick out, to say why. */
async function sidewaysOverflow(page: Page) {
  return page.evaluate(() => {
    const root = document.documentElement;
    const overflow = root.scrollWidth - root.clientWidth;
    const culprits: string[] = [];
    if (overflow > 0) {
      for (const el of document.body.querySelectorAll<HTMLElement>("*")) {
        const box = el.getBoundingClientRect();
        if (box.right > root.clientWidth + 1 || box.left < -1) {
          if (el.closest(".table-scroll") && !el.classList.contains("table-scroll")) continue;
          const name = `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ""}${
            el.className && typeof el.className === "string" ? `.${el.className.split(" ")[0]}` : ""
          }`;
          culprits.push(`${name} (${Math.round(box.left)}–${Math.round(box.right)})`);
        }
      }
    }
    return { overflow, culprits: culprits.slice(0, 8) };
  });
}

const withLng = (path: string, lng: string) => `${path}${path.includes("?") ? "&" : "?"}lng=${lng}`;

describe.skipIf(!availability.run)("a 320 px phone in every language", () => {
  const visitorPages = [
    "/",
    "/login",
    "/signup",
    "/forgot-password",
    "/events",
    "/event",
    "/resources",
    "/resources/print",
  ];
  const organizerPages = [
    "/my/events",
    "/settings",
    "/mentoring",
    "/mentoring/profile?role=mentee",
    "/organize",
    "/organize/events/new",
    "/attendees",
    "/check-in",
    "/organize/mentoring",
    "/organize/mentoring/pool",
    "/organize/mentoring/draft",
    "/settings/privacy",
    "/organize/safety",
    "/organize/safety?q=narrow&q2=narrow",
    "/admin/audit",
    "/admin/people?q=narrow",
    "/organize/resources",
    "/organize/resources/new",
    "/resource",
    "/organize/resources/import",
    "/help",
    "/organize/help",
  ];
  const resolve = (path: string) =>
    path === "/event"
      ? `/events/${eventId}`
      : path === "/resource"
        ? `/organize/resources/${resourceId}`
        : path === "/attendees" || path === "/check-in"
          ? `/organize/events/${eventId}${path}`
          : path;

  it.each(supportedLocales)(
    "%s: no page scrolls sideways, and axe finds nothing",
    async (lng) => {
      const problems: string[] = [];
      for (const [page, paths] of [
        [visitor, visitorPages],
        [organizer, organizerPages],
      ] as const) {
        for (const path of paths) {
          await go(page, withLng(resolve(path), lng));
          expect(await page.getAttribute("html", "lang")).toBe(lng);
          const { overflow, culprits } = await sidewaysOverflow(page);
          if (overflow > 0) problems.push(`${path}: ${overflow}px wider; ${culprits.join(", ")}`);
          const banned = bannedWords[lng];
          if (banned && banned.test(await page.locator("body").innerText()))
            problems.push(`${path}: uses a word the glossary bans`);
          await expectNoAxeViolations(page);
        }
      }
      expect(problems).toEqual([]);
    },
    180_000,
  );

  it("marks words in another language with lang", async () => {
    await go(organizer, withLng("/organize", "en"));
    await expect(
      organizer.locator(`a[href="/events/${eventId}"]`).first().getAttribute("lang"),
    ).resolves.toBe("ja");
    for (const path of [
      `/organize/events/${eventId}/attendees`,
      `/organize/events/${eventId}/check-in`,
    ]) {
      await go(organizer, withLng(path, "fr"));
      await expect(
        organizer.locator('main [lang="ja"]', { hasText: "四谷のカフェ" }).count(),
      ).resolves.toBeGreaterThan(0);
    }
    await go(visitor, withLng(`/events/${eventId}`, "en"));
    await expect(visitor.locator("h1").getAttribute("lang")).resolves.toBe("ja");
    // "Languages spoken: Japanese (easy), English and Persian": the Easy Japanese name is Japanese.
    await expect(
      visitor.locator('main [lang="ja"]', { hasText: "やさしい にほんご" }).count(),
    ).resolves.toBeGreaterThan(0);
    await go(visitor, withLng(`/events/${eventId}`, "ja"));
    await expect(
      visitor.locator('main [lang="ja"]', { hasText: "やさしい にほんご" }).count(),
    ).resolves.toBe(0);
  });

  it("writes numbers on attendees and check-in in Persian and Arabic digits", async () => {
    await go(organizer, withLng(`/organize/events/${eventId}/attendees`, "fa"));
    await expect(organizer.locator("main table tbody").textContent()).resolves.toContain("۲ / ۱");
    await go(organizer, withLng(`/organize/events/${eventId}/check-in`, "ar"));
    const list = (await organizer.locator("main .check-in").textContent()) ?? "";
    expect(list).toContain("+٣");
    expect(list).not.toMatch(/[0-9]/);
    await go(organizer, withLng("/organize", "fa"));
    expect((await organizer.locator("main .event-list").textContent()) ?? "").not.toMatch(/[0-9]/);
  });
});
