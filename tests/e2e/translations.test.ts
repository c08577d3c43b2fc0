import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createAccount } from "~/accounts/accounts.server";
import { createDb } from "~/db.server";
import { createEvent } from "~/events/events.server";
import { messages } from "~/i18n/resources.server";
import { act, go, logIn, settled, switchLanguage } from "../support/browser";
import {
  browserAvailability,
  launchBrowser,
  newPhonePage,
  startServer,
  type RunningServer,
} from "../support/e2e";
import { daysAhead, eventInput } from "../support/fixtures";
import { localeMessages, pluralSuffix } from "../support/locales";

/**
 * Translations per route (app/i18n/namespaces.ts): with JavaScript, pages reached by clicking
 * links show their words, not keys, after hydration and after client navigation, the browser
 * fetches only per-route translation files, and switching language on the event page works.
 */
const availability = browserAvailability();
const password = "a long passphrase";
const email = "yui-translations@example.com";
// Keys of the locale files ("rsvp.title"), as a page would show one it has no words for.
const keys = new Set([...localeMessages("en").keys()].map((key) => key.replace(pluralSuffix, "")));
const candidate = new RegExp(`\\b(?:${Object.keys(messages.en).join("|")})\\.[\\w.]+`, "g");
const rawKeys = (text: string) =>
  [...text.matchAll(candidate)].map((m) => m[0].replace(/\.+$/, "")).filter((k) => keys.has(k));

let server: RunningServer;
let browser: Browser;
let eventId = "";

beforeAll(async () => {
  if (!availability.run) return;
  [server, browser] = await Promise.all([startServer(), launchBrowser()]);
  const db = createDb(server.databaseUrl);
  try {
    const made = await createAccount(db, { email, password, displayName: "Yui", locale: "en" });
    if (!made.ok) throw new Error("no account");
    const event = await createEvent(db, eventInput({ date: daysAhead(5) }), made.user.id);
    if (!event.ok) throw new Error("no event");
    eventId = event.eventId;
  } finally {
    await db.$disconnect();
  }
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

async function visibleText(page: Page) {
  return page.evaluate(() => document.body.innerText);
}

describe.skipIf(!availability.run)("translations per route, with JavaScript", () => {
  let page: Page;
  const translationRequests: string[] = [];

  beforeAll(async () => {
    page = await newPhonePage(browser, { baseURL: server.url, javaScript: true });
    page.on("request", (request) => {
      if (new URL(request.url()).pathname.startsWith("/locales/")) {
        translationRequests.push(request.url());
      }
    });
    await logIn(page, email, password);
  });

  it("shows words, not keys, on pages reached by client navigation", async () => {
    await go(page, "/");
    expect(rawKeys(await visibleText(page))).toEqual([]);
    for (const [link, path] of [
      ["/events", "/events"],
      [`/events/${eventId}`, `/events/${eventId}`],
      ["/settings", "/settings"],
      ["/mentoring", "/mentoring"],
    ] as const) {
      await act(page, () => page.locator(`a[href="${link}"]`).first().click());
      await settled(page);
      expect(new URL(page.url()).pathname).toBe(path);
      expect(rawKeys(await visibleText(page))).toEqual([]);
    }
    expect(translationRequests.length).toBeGreaterThan(2);
    expect(translationRequests.every((url) => new URL(url).searchParams.has("route"))).toBe(true);
  });

  it("switches the event page to Persian, and back", async () => {
    await go(page, `/events/${eventId}`);
    await switchLanguage(page, "fa");
    await settled(page);
    await expect.poll(() => page.getAttribute("html", "lang")).toBe("fa");
    const persian = await visibleText(page);
    expect(persian).toContain(String((messages.fa.rsvp as Record<string, string>).title));
    expect(rawKeys(persian)).toEqual([]);
    await switchLanguage(page, "en");
    await settled(page);
    await expect.poll(() => page.getAttribute("html", "lang")).toBe("en");
    expect(await visibleText(page)).toContain(
      String((messages.en.rsvp as Record<string, string>).title),
    );
  });
});
