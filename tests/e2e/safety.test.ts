import http from "node:http";
import type { AddressInfo } from "node:net";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDb } from "~/db.server";
import { createEvent } from "~/events/events.server";
import { expectNoAxeViolations, go, settle, settled, signUp, submit } from "../support/browser";
import {
  browserAvailability,
  launchBrowser,
  newPhonePage,
  startServer,
  type RunningServer,
} from "../support/e2e";
import { daysAhead, eventInput } from "../support/fixtures";
import { localeMessages } from "../support/locales";

/**
 * Issue #12 in a real browser: "Leave quickly" (click and Shift×3 with JavaScript, a plain
 * link without), the pages it adds with no axe findings at 360 px, and a gathering for women
 * refusing, in Persian and without JavaScript, a member who has not said she is a woman.
 */
const availability = browserAvailability();
const password = "a long passphrase";
const fa = localeMessages("fa");

/** The neutral site, a local stand-in that remembers who came and from where. */
let neutral: http.Server;
let neutralUrl = "";
const visits: { path: string; referer: string | null }[] = [];

let server: RunningServer;
let browser: Browser;
let eventId = "";
let organizerEmail = "";

beforeAll(async () => {
  if (!availability.run) return;
  neutral = http.createServer((request, response) => {
    visits.push({ path: request.url ?? "", referer: request.headers.referer ?? null });
    response.writeHead(200, { "Content-Type": "text/html; charset=utf-8" });
    response.end("<!doctype html><title>Weather</title><h1>Sunny, 18°C</h1>");
  });
  await new Promise<void>((resolve) => neutral.listen(0, "127.0.0.1", resolve));
  neutralUrl = `http://127.0.0.1:${(neutral.address() as AddressInfo).port}/weather`;
  [server, browser] = await Promise.all([
    startServer({ env: { QUICK_EXIT_URL: neutralUrl } }),
    launchBrowser(),
  ]);
  const organizer = await newPhonePage(browser, { baseURL: server.url });
  organizerEmail = "sara-safety@example.com";
  await signUp(organizer, { name: "Sara", email: organizerEmail, password });
  await organizer.context().close();
  const db = createDb(server.databaseUrl);
  try {
    const sara = await db.user.update({
      where: { email: organizerEmail },
      data: { role: "organizer" },
    });
    const created = await createEvent(
      db,
      eventInput({
        kind: "other",
        title: "دورهمی چای زنان",
        locale: "fa",
        date: daysAhead(9),
        womenOnly: true,
        hideAddress: true,
      }),
      sara.id,
    );
    if (!created.ok) throw new Error(JSON.stringify(created.errors));
    eventId = created.eventId;
  } finally {
    await db.$disconnect();
  }
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
  await new Promise((resolve) => neutral?.close(resolve));
});

const path = (page: Page) => new URL(page.url()).pathname;

describe.skipIf(!availability.run)("leave quickly", () => {
  it("with JavaScript, the button replaces the page with the neutral site and Back does not return to it", async () => {
    const page = await newPhonePage(browser, { baseURL: server.url });
    await go(page, "/");
    await go(page, "/events");
    const button = page.getByRole("link", { name: "Leave quickly", exact: true });
    await expect.poll(() => button.isVisible(), settle).toBe(true);
    await Promise.all([page.waitForURL(neutralUrl), button.click()]);
    expect(await page.title()).toBe("Weather");
    await page.goBack();
    await page.waitForLoadState("load");
    // The page the person was on is gone from the history: Back skips to the one before.
    expect(page.url()).not.toContain("/events");
    expect(path(page)).toBe("/");
    await page.context().close();
  });

  it("with JavaScript, Shift three times leaves from any page, even while typing in a form", async () => {
    const page = await newPhonePage(browser, { baseURL: server.url });
    await go(page, "/");
    await go(page, "/login");
    await page.focus("#login input[name=email]");
    // Capitals while typing do not count: other keys come between the presses.
    await page.keyboard.type("Mina Tanaka");
    expect(path(page)).toBe("/login");
    await Promise.all([
      page.waitForURL(neutralUrl),
      (async () => {
        for (let i = 0; i < 3; i++) await page.keyboard.press("Shift");
      })(),
    ]);
    await page.goBack();
    await page.waitForLoadState("load");
    expect(path(page)).toBe("/");
    await page.context().close();
  });

  it("without JavaScript, the button is a plain link that arrives with no referrer", async () => {
    const page = await newPhonePage(browser, { baseURL: server.url, javaScript: false });
    await go(page, `/events/${eventId}`);
    const link = page.getByRole("link", { name: "Leave quickly", exact: true });
    expect(await link.getAttribute("href")).toBe(neutralUrl);
    expect(await link.getAttribute("rel")).toBe("noreferrer");
    const before = visits.length;
    await Promise.all([page.waitForURL(neutralUrl), link.click()]);
    // The browser may ask the neutral site for its icon too; that is the neutral site's business.
    expect(visits.slice(before).filter((v) => v.path === "/weather")).toEqual([
      { path: "/weather", referer: null },
    ]);
    await page.context().close();
  });

  it("is the first thing after the skip link for a keyboard, in the reader's language", async () => {
    const page = await newPhonePage(browser, { baseURL: server.url, locale: "fa-IR" });
    await go(page, "/events");
    await page.keyboard.press("Tab");
    await page.keyboard.press("Tab");
    const focused = await page.evaluate(() => document.activeElement?.textContent ?? "");
    expect(focused).toBe(fa.get("quickExit.button"));
    await page.context().close();
  });

  it("the tips page has a neutral title and axe finds nothing at 360 px", async () => {
    const page = await newPhonePage(browser, { baseURL: server.url });
    await go(page, "/tips");
    expect(await page.title()).toBe("Tsunagu");
    await expect
      .poll(() => page.getByRole("heading", { level: 1 }).textContent())
      .toBe("Browsing privately");
    await expectNoAxeViolations(page);
    await page.context().close();
  });
});

describe.skipIf(!availability.run)("a gathering for women, in Persian, without JavaScript", () => {
  it("explains to a member who has not answered, refuses her answer, and takes it once she says she is a woman", async () => {
    const page = await newPhonePage(browser, {
      baseURL: server.url,
      javaScript: false,
      locale: "fa-IR",
    });
    await signUp(page, { name: "Maryam", email: "maryam-safety@example.com", password });
    await go(page, `/events/${eventId}`);
    expect(await page.locator("html").getAttribute("lang")).toBe("fa");
    await expect
      .poll(() => page.locator(".badge--women").first().textContent())
      .toBe(fa.get("womenOnly.badge"));
    const refusal = page.locator("#women-only-refusal");
    expect(await refusal.textContent()).toContain(fa.get("womenOnly.notAnsweredBody"));
    expect(await page.locator("form input[name=intent][value=going]").count()).toBe(0);

    // A form sent anyway (an old page, another tab) is refused by the server, with the same words.
    const posted = await page.request.post(`/events/${eventId}`, {
      form: { intent: "going", children: "0", guests: "0", note: "" },
      headers: { Origin: server.url },
    });
    expect(posted.status()).toBe(400);
    expect(await posted.text()).toContain(fa.get("womenOnly.notAnsweredBody")!);

    await Promise.all([
      page.waitForEvent("load"),
      page.getByRole("link", { name: fa.get("womenOnly.settingsLink") }).click(),
    ]);
    expect(path(page)).toBe("/settings");
    await page.check("#woman-yes");
    await Promise.all([
      page.waitForEvent("load"),
      page.locator("#women-question button[type=submit]").click(),
    ]);
    await settled(page);
    await go(page, `/events/${eventId}`);
    expect(await page.locator("#women-only-refusal").count()).toBe(0);
    await submit(page, 'form:has(input[name="intent"][value="going"])');
    expect(await page.getByRole("status").first().textContent()).toContain(
      fa.get("rsvp.confirmed"),
    );
    await page.context().close();
  });

  it("the event, report and organizer pages have no axe findings at 360 px", async () => {
    const page = await newPhonePage(browser, { baseURL: server.url });
    await go(page, "/login");
    await page.fill("#login input[name=email]", organizerEmail);
    await page.fill("#login input[name=password]", password);
    await submit(page, "#login");
    for (const target of [
      `/events/${eventId}`,
      `/report?about=event:${eventId}`,
      "/organize/reports",
      `/organize/events/${eventId}/exceptions`,
      "/settings",
    ]) {
      await go(page, target);
      await expectNoAxeViolations(page);
    }
    await go(page, `/report?about=event:${eventId}`);
    expect(await page.title()).toBe("Tsunagu");
    await page.context().close();
  });
});

describe.skipIf(!availability.run)("organizers and reports, through the pages", () => {
  it("an organizer makes a weekly series for women in the form, and names an exception who may then answer", async () => {
    const organizer = await newPhonePage(browser, { baseURL: server.url });
    await go(organizer, "/login");
    await organizer.fill("#login input[name=email]", organizerEmail);
    await organizer.fill("#login input[name=password]", password);
    await submit(organizer, "#login");
    await go(organizer, "/organize/events/new");
    for (const [name, value] of [
      ["title", "Women's yoga"],
      ["date", daysAhead(4)],
      ["startTime", "10:00"],
      ["endTime", "11:00"],
      ["venueName", "Hall"],
      ["venueAddress", "1-1 Street"],
      ["capacity", "12"],
    ] as const) {
      await organizer.fill(`#event-create [name="${name}"]`, value);
    }
    await organizer.selectOption('#event-create [name="kind"]', "yoga");
    await organizer.selectOption('#event-create [name="repeat"]', "weekly");
    await organizer.check('#event-create [name="womenOnly"]');
    await submit(organizer, "#event-create");
    const id = new URL(organizer.url()).pathname.match(/\/organize\/events\/([^/]+)\/edit/)?.[1];
    expect(id).toBeTruthy();
    expect(await organizer.isChecked('[name="womenOnly"]')).toBe(true);

    const db = createDb(server.databaseUrl);
    try {
      const first = await db.event.findUniqueOrThrow({ where: { id: id! } });
      const series = await db.event.findMany({ where: { seriesId: first.seriesId } });
      expect(series.length).toBeGreaterThan(3);
      expect(series.every((e) => e.womenOnly)).toBe(true);
    } finally {
      await db.$disconnect();
    }

    const father = await newPhonePage(browser, { baseURL: server.url, javaScript: false });
    await signUp(father, { name: "Jean-Paul", email: "jp-safety@example.com", password });
    await go(father, `/events/${id}`);
    expect(await father.locator("#women-only-refusal").count()).toBe(1);

    await go(organizer, `/organize/events/${id}/exceptions`);
    await organizer.fill("#exception input[name=email]", "jp-safety@example.com");
    await submit(organizer, "#exception");
    await expect
      .poll(() => organizer.getByRole("status").first().textContent(), settle)
      .toContain("Jean-Paul can now answer");

    await go(father, `/events/${id}`);
    expect(await father.locator("#women-only-refusal").count()).toBe(0);
    await father.fill('[name="children"]', "2");
    await submit(father, 'form:has(input[name="intent"][value="going"])');
    expect(await father.getByRole("status").first().textContent()).toContain("You are going");
    await father.context().close();
    await organizer.context().close();
  });

  it("a member's report reaches the queue; an organizer takes and closes it; the member sees where it stands", async () => {
    const member = await newPhonePage(browser, { baseURL: server.url, javaScript: false });
    await signUp(member, { name: "Amal", email: "amal-safety@example.com", password });
    await go(member, `/events/${eventId}`);
    await Promise.all([
      member.waitForURL(/\/report\?about=event/),
      member.getByRole("link", { name: /Tell the organizers/ }).click(),
    ]);
    await settled(member);
    expect(await member.title()).toBe("Tsunagu");
    expect(await member.isChecked("#report-about-event")).toBe(true);
    // Nothing typed is lost when something is missing.
    await member.check("#report-about-person");
    await member.fill("#report input[name=personName]", "The man in the grey coat");
    await submit(member, "#report");
    await expect
      .poll(() => member.locator("#report").textContent(), settle)
      .toContain("Please fill this in.");
    expect(await member.inputValue("#report input[name=personName]")).toBe(
      "The man in the grey coat",
    );
    await member.fill("#report textarea[name=body]", "He waited for me outside the café.");
    await Promise.all([member.waitForURL(/\/report\?sent=1/), member.click("#report button")]);
    await settled(member);
    await expect
      .poll(() => member.locator("#my-reports + ul").textContent(), settle)
      .toContain("Received");

    const organizer = await newPhonePage(browser, { baseURL: server.url, javaScript: false });
    await go(organizer, "/login");
    await organizer.fill("#login input[name=email]", organizerEmail);
    await organizer.fill("#login input[name=password]", password);
    await submit(organizer, "#login");
    await go(organizer, "/organize/reports");
    expect(await organizer.title()).toBe("Tsunagu");
    const card = organizer.locator("li.card", { hasText: "He waited for me outside the café." });
    expect(await card.textContent()).toContain("The man in the grey coat");
    await Promise.all([
      organizer.waitForEvent("load"),
      card.getByRole("button", { name: "I will look at this" }).click(),
    ]);
    expect(await card.textContent()).toContain("Sara");
    await card.locator("select[name=outcome]").selectOption("talked");
    await Promise.all([
      organizer.waitForEvent("load"),
      card.getByRole("button", { name: "Close with this outcome" }).click(),
    ]);

    await go(member, "/report");
    await expect
      .poll(() => member.locator("#my-reports + ul").textContent(), settle)
      .toContain("The organizers have talked about it with the people concerned.");
    await member.context().close();
    await organizer.context().close();
  });
});
