import fs from "node:fs";
import path from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDb } from "~/db.server";
import {
  act,
  expectNoAxeViolations,
  go,
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
import { daysAhead } from "../support/fixtures";
import { projectRoot } from "../support/paths";

/**
 * Issue #3's journeys, all without JavaScript on a 360 px phone: an organizer schedules a
 * monthly café series, edits one occurrence and all following, cancels one, and runs a yoga
 * class; a Persian-reading member finds it, asks for a seat with a child and interpretation,
 * waits, and is promoted when someone cancels; the organizer checks people in and exports CSV.
 */
const availability = browserAvailability();
const fa = JSON.parse(fs.readFileSync(path.join(projectRoot, "app/i18n/locales/fa.json"), "utf8"));
const password = "a long passphrase";

let server: RunningServer;
let browser: Browser;

/** A date at least `days` ahead in the first three weeks of its month, so "nth weekday" recurs monthly. */
function earlyInMonthAhead(days: number): string {
  for (let d = days; ; d++) if (Number(daysAhead(d).slice(8)) <= 21) return daysAhead(d);
}

async function fillEvent(page: Page, values: Record<string, string>, languages: string[] = []) {
  for (const [name, value] of Object.entries(values)) {
    const input = page.locator(`form [name="${name}"]`).first();
    const tag = await input.evaluate((el) => el.tagName.toLowerCase());
    if (tag === "select") await input.selectOption(value);
    else await input.fill(value);
  }
  for (const code of languages) await page.check(`input[name=languages][value="${code}"]`);
}

async function eventIdFromUrl(page: Page): Promise<string> {
  const match = new URL(page.url()).pathname.match(/\/organize\/events\/([^/]+)\/edit/);
  if (!match) throw new Error(`Not on an edit page: ${page.url()}`);
  return match[1]!;
}

beforeAll(async () => {
  if (!availability.run) return;
  [server, browser] = await Promise.all([startServer(), launchBrowser()]);
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe.skipIf(!availability.run).each([
  { javaScript: false, label: "without JavaScript" },
  { javaScript: true, label: "with JavaScript" },
])("events on a phone, $label", ({ javaScript }) => {
  let seriesFirst = "";
  let yogaId = "";
  let organizer: Page;
  let mina: Page; // reads Persian
  let kenta: Page;
  const suffix = javaScript ? "scripted" : "plain";

  beforeAll(async () => {
    [organizer, mina, kenta] = await Promise.all([
      newPhonePage(browser, { baseURL: server.url, javaScript }),
      newPhonePage(browser, { baseURL: server.url, javaScript, locale: "fa-IR" }),
      newPhonePage(browser, { baseURL: server.url, javaScript }),
    ]);
    await signUp(organizer, { name: "Aiko", email: `aiko-${suffix}@example.com`, password });
    const db = createDb(server.databaseUrl);
    await db.user.update({
      where: { email: `aiko-${suffix}@example.com` },
      data: { role: "organizer" },
    });
    await db.$disconnect();
    await signUp(mina, { name: "مینا", email: `mina-${suffix}@example.com`, password });
    await signUp(kenta, { name: "Kenta", email: `kenta-${suffix}@example.com`, password });
  });

  it("an organizer creates a monthly café series", async () => {
    await go(organizer, "/organize");
    await go(organizer, "/organize/events/new");
    await fillEvent(
      organizer,
      {
        kind: "cafe",
        title: `Monthly café ${suffix}`,
        description: "Tea and talk.",
        date: earlyInMonthAhead(5),
        startTime: "14:00",
        endTime: "16:00",
        repeat: "monthly-nth",
        venueName: "Community room",
        venueAddress: "1-2-3 Yotsuya, Tokyo",
        capacity: "30",
      },
      ["fa", "ja-x-easy"],
    );
    await submit(organizer, "#event-create");
    seriesFirst = await eventIdFromUrl(organizer);
    await expect
      .poll(() => organizer.getByRole("status").first().textContent(), settle)
      .toContain("saved");
    await go(organizer, "/organize");
    expect(
      await organizer.locator(".organizer-row", { hasText: "Monthly café" }).count(),
    ).toBeGreaterThanOrEqual(3);
  });

  it("edits one occurrence only, then this and all following", async () => {
    const rows = organizer
      .locator(".organizer-row", { hasText: suffix })
      .filter({ hasText: "café" });
    const secondEdit = await rows.nth(1).locator('a[href$="/edit"]').getAttribute("href");
    const thirdEdit = await rows.nth(2).locator('a[href$="/edit"]').getAttribute("href");

    await go(organizer, `/organize/events/${seriesFirst}/edit`);
    await organizer.fill('#event-edit [name="title"]', `Café with live music ${suffix}`);
    await organizer.check('#event-edit input[name=scope][value="one"]');
    await submit(organizer, "#event-edit");
    await go(organizer, "/organize");
    await expect.poll(() => rows.nth(0).textContent(), settle).toContain("Café with live music");
    await expect.poll(() => rows.nth(1).textContent(), settle).toContain(`Monthly café ${suffix}`);

    await go(organizer, secondEdit!);
    await organizer.fill('#event-edit [name="startTime"]', "15:00");
    await organizer.fill('#event-edit [name="endTime"]', "17:00");
    await organizer.check('#event-edit input[name=scope][value="following"]');
    await submit(organizer, "#event-edit");
    await go(organizer, thirdEdit!);
    expect(await organizer.inputValue('#event-edit [name="startTime"]')).toBe("15:00");
    await go(organizer, `/organize/events/${seriesFirst}/edit`);
    expect(await organizer.inputValue('#event-edit [name="startTime"]')).toBe("14:00");
  });

  it("cancels one occurrence and the series goes on", async () => {
    await go(organizer, "/organize");
    const rows = organizer
      .locator(".organizer-row", { hasText: suffix })
      .filter({ hasText: "café" });
    const secondEdit = await rows.nth(1).locator('a[href$="/edit"]').getAttribute("href");
    await go(organizer, secondEdit!);
    await submit(organizer, ".card--danger");
    await go(organizer, "/organize");
    await expect.poll(() => rows.nth(1).locator(".status--cancelled").count(), settle).toBe(1);
    expect(await rows.nth(2).locator(".status--cancelled").count()).toBe(0);
  });

  it("refuses an event that ends before it starts, keeping what was typed", async () => {
    await go(organizer, "/organize/events/new");
    await fillEvent(organizer, {
      kind: "yoga",
      title: `Gentle yoga ${suffix}`,
      date: daysAhead(3),
      startTime: "18:30",
      endTime: "18:00",
      venueName: "Sophia University, room 2-510",
      venueAddress: "7-1 Kioicho, Chiyoda-ku",
      capacity: "2",
    });
    await submit(organizer, "#event-create");
    await expect
      .poll(() => organizer.locator("#event-create").textContent(), settle)
      .toContain("The end must be after the start");
    expect(await organizer.inputValue('[name="title"]')).toBe(`Gentle yoga ${suffix}`);
    await organizer.fill('[name="endTime"]', "19:30");
    await organizer.check('input[name=languages][value="fa"]');
    await submit(organizer, "#event-create");
    yogaId = await eventIdFromUrl(organizer);
  });

  it("a Persian reader finds the yoga class, asks for a seat with a child and interpretation, and waits", async () => {
    // Kenta takes one of the two seats first.
    await go(kenta, `/events/${yogaId}`);
    await submit(kenta, "#rsvp");
    await expect
      .poll(() => kenta.getByRole("status").first().textContent(), settle)
      .toContain("You are going");

    await go(mina, "/events");
    await switchLanguage(mina, "fa");
    await expect.poll(() => mina.locator("html").getAttribute("dir"), settle).toBe("rtl");
    await mina.selectOption("#filter-kind", "yoga");
    await mina.selectOption("#filter-language", "fa");
    await act(mina, () => mina.click(".filters button[type=submit]"));
    const card = mina.locator(".event-card", { hasText: `Gentle yoga ${suffix}` });
    await expect.poll(() => card.count(), settle).toBe(1);
    await expect
      .poll(() => mina.locator(".event-card", { hasText: "café" }).count(), settle)
      .toBe(0);
    await act(mina, () => card.locator("h2 a").click());
    await mina.waitForURL(`**/events/${yogaId}`);

    // The address is private until she is confirmed.
    await expect.poll(() => mina.textContent("main"), settle).toContain(fa.event.addressHidden);
    await mina.fill("#rsvp [name=children]", "1");
    await mina.selectOption("#rsvp [name=interpretation]", "fa");
    await mina.fill("#rsvp [name=note]", "با کالسکه می‌آیم");
    await submit(mina, "#rsvp");
    const waiting = fa.rsvp.waitlistedNotice.replace("{{position}}", "۱");
    await expect.poll(() => mina.locator(".notice--waiting").textContent(), settle).toBe(waiting);
    expect(await mina.locator("#rsvp [name=children]").inputValue()).toBe("1");
  });

  it("is promoted automatically when someone cancels", async () => {
    await go(kenta, `/events/${yogaId}`);
    await submit(kenta, "form:has(input[name=intent][value=cancel])");
    await go(mina, `/events/${yogaId}`);
    await expect
      .poll(() => mina.getByRole("status").first().textContent(), settle)
      .toBe(fa.rsvp.confirmed);
    expect(await mina.textContent("main")).not.toContain(fa.event.addressHidden);
    await go(mina, "/my/events");
    await expect
      .poll(() => mina.locator("#my-going + ul").textContent(), settle)
      .toContain("Gentle yoga");
  });

  it("an organizer adds a Persian title and description, and a Persian member reads them", async () => {
    await go(organizer, `/organize/events/${yogaId}/edit`);
    const translation = "form:has(input[name=intent][value=translation])";
    await organizer.selectOption(`${translation} [name=locale]`, "fa");
    await organizer.fill(`${translation} [name=title]`, `یوگای آرام ${suffix}`);
    await organizer.fill(`${translation} [name=description]`, "حرکات ساده و آرام برای همه.");
    await submit(organizer, translation);
    await expect
      .poll(
        async () =>
          (await organizer.locator("section:has(#translations-title) li").allTextContents()).join(),
        settle,
      )
      .toContain(`یوگای آرام ${suffix}`);

    // The event's own language cannot be "translated"; the organizer is told why.
    await organizer.selectOption(`${translation} [name=locale]`, "en");
    await organizer.fill(`${translation} [name=title]`, "Gentle yoga again");
    await submit(organizer, translation);
    await expect
      .poll(() => organizer.textContent(`${translation}`), settle)
      .toContain("This is the event's own language");

    await go(mina, `/events/${yogaId}`);
    await expect.poll(() => mina.textContent("h1"), settle).toContain(`یوگای آرام ${suffix}`);
    expect(await mina.textContent("main")).toContain("حرکات ساده و آرام برای همه.");
    await go(mina, "/events");
    await expect
      .poll(() => mina.locator(".event-card", { hasText: `یوگای آرام ${suffix}` }).count(), settle)
      .toBe(1);
  });

  it("subscribes to a personal calendar, and a new address kills the old one", async () => {
    await go(mina, "/settings");
    const subscribe = mina.locator('a[href^="webcal://"]');
    const oldUrl = await mina.inputValue("#calendar-url");
    expect(await subscribe.getAttribute("href")).toBe(oldUrl.replace(/^http:/, "webcal:"));
    const feed = await (await fetch(oldUrl)).text();
    expect(feed).toContain(`UID:event-${yogaId}@tsunagu`);
    expect(feed).toContain("STATUS:CONFIRMED");

    await submit(mina, 'form[action="/settings/calendar-link"]');
    await expect.poll(() => mina.inputValue("#calendar-url"), settle).not.toBe(oldUrl);
    expect((await fetch(oldUrl)).status).toBe(404);
    expect((await fetch(await mina.inputValue("#calendar-url"))).status).toBe(200);

    await go(mina, `/events/${yogaId}`);
    const ics = await mina.locator('a[href$="/calendar.ics"]').getAttribute("href");
    const single = await mina.context().request.get(ics!);
    expect(single.headers()["content-type"]).toBe("text/calendar; charset=utf-8");
    expect(await single.text()).toContain("7-1 Kioicho");
  });

  it("the organizer sees what people need, checks them in on a phone, and exports CSV", async () => {
    await go(organizer, `/organize/events/${yogaId}/attendees`);
    const needs = await organizer.locator(".needs").textContent();
    expect(needs).toContain("1 person needs Persian interpretation");
    expect(needs).toContain("Children: 1");

    await go(organizer, `/organize/events/${yogaId}/check-in`);
    const minaButton = organizer.locator(".check-in__person", { hasText: "مینا" });
    expect(await minaButton.getAttribute("aria-pressed")).toBe("false");
    await act(organizer, () => minaButton.click());
    await expect
      .poll(
        () =>
          organizer.locator(".check-in__person", { hasText: "مینا" }).getAttribute("aria-pressed"),
        settle,
      )
      .toBe("true");
    await organizer.fill("#walk-in-name", "Neighbour Sato");
    await submit(organizer, "form:has(#walk-in-name)");
    await expect.poll(() => organizer.textContent("main"), settle).toContain("Neighbour Sato");
    const overflow = await organizer.evaluate(
      () => document.documentElement.scrollWidth - window.innerWidth,
    );
    expect(overflow).toBeLessThanOrEqual(0);

    await go(organizer, `/organize/events/${yogaId}/attendees`);
    const [download] = await Promise.all([
      organizer.waitForEvent("download"),
      organizer.click('a[href$="attendees.csv"]'),
    ]);
    const csv = fs.readFileSync((await download.path())!, "utf8");
    expect(csv.split("\r\n")[0]).toBe(
      "\uFEFFName,Status,Children coming with you,Other guests coming with you,I would like interpretation in,Note,Here",
    );
    expect(csv).toContain("مینا,Going,1,0,Persian,با کالسکه می‌آیم,1");
    expect(csv).not.toContain(`mina-${suffix}@example.com`);
    expect(csv).toContain("Neighbour Sato");
  });

  it("members cannot open organizer pages", async () => {
    const response = await mina.goto(`/organize/events/${yogaId}/attendees`);
    expect(response?.status()).toBe(403);
  });
});

describe.skipIf(!availability.run)(
  "event pages are accessible (axe-core), in English and Persian",
  () => {
    it("has no violations on the list, an event, my events and the organizer pages", async () => {
      const page = await newPhonePage(browser, { baseURL: server.url });
      await page.goto("/login");
      await page.fill("#login input[name=email]", "aiko-plain@example.com");
      await page.fill("#login input[name=password]", password);
      await Promise.all([page.waitForURL("**/"), page.click("#login button[type=submit]")]);
      const eventId = (await page
        .goto("/events")
        .then(() => page.locator(".event-card h2 a").first().getAttribute("href")))!;
      for (const lng of ["en", "fa"]) {
        for (const path of [
          "/events",
          eventId,
          "/my/events",
          "/organize",
          `/organize${eventId}/edit`,
          `/organize${eventId}/attendees`,
          `/organize${eventId}/check-in`,
          "/organize/events/new",
        ]) {
          await go(page, `${path}?lng=${lng}`);
          await expectNoAxeViolations(page);
        }
      }
    });
  },
);
