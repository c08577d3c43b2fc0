import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createAccount } from "~/accounts/accounts.server";
import { createDb } from "~/db.server";
import { createEvent } from "~/events/events.server";
import {
  go,
  isHydrated,
  logIn,
  logOut,
  settle,
  signUp,
  submit,
  watchCsp,
  withJavaScript,
} from "../support/browser";
import {
  browserAvailability,
  launchBrowser,
  newPhonePage,
  startServer,
  type RunningServer,
} from "../support/e2e";
import { daysAhead, eventInput } from "../support/fixtures";

/**
 * Issue #9: the Content-Security-Policy allows exactly what the app does. A member's and an
 * admin's journey over every kind of page, with and without JavaScript, causes no violation,
 * and with JavaScript every page hydrates.
 */
const availability = browserAvailability();
const password = "a long passphrase";
const admin = { email: "aiko-csp@example.com", name: "Aiko" };

let server: RunningServer;
let browser: Browser;
let eventId = "";
let seriesId = "";

beforeAll(async () => {
  if (!availability.run) return;
  [server, browser] = await Promise.all([startServer(), launchBrowser()]);
  const db = createDb(server.databaseUrl);
  try {
    const made = await createAccount(db, {
      email: admin.email,
      password,
      displayName: admin.name,
      locale: "en",
    });
    if (!made.ok) throw new Error("no admin");
    await db.user.update({ where: { id: made.user.id }, data: { role: "admin" } });
    const one = await createEvent(db, eventInput({ date: daysAhead(6) }), made.user.id);
    const series = await createEvent(
      db,
      eventInput({ title: "Monthly café", date: daysAhead(8), repeat: "monthly-nth" }),
      made.user.id,
    );
    if (!one.ok || !series.ok) throw new Error("no events");
    eventId = one.eventId;
    seriesId = series.seriesId!;
  } finally {
    await db.$disconnect();
  }
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

async function visit(page: Page, path: string) {
  await go(page, path);
  expect(new URL(page.url()).pathname, path).toBe(path.split("?")[0]);
  if (withJavaScript.has(page)) expect(await isHydrated(page), `${path} hydrates`).toBe(true);
}

describe.skipIf(!availability.run).each([
  { javaScript: true, label: "with JavaScript" },
  { javaScript: false, label: "without JavaScript" },
])("the Content-Security-Policy, $label", ({ javaScript }) => {
  let page: Page;
  let violations: string[];
  const suffix = javaScript ? "js" : "plain";

  beforeAll(async () => {
    page = await newPhonePage(browser, { baseURL: server.url, javaScript });
    violations = await watchCsp(page);
  });

  it("lets a member's pages work: home, events, an event, sign-up by email, settings, mentoring", async () => {
    await visit(page, "/");
    await visit(page, "/events");
    await visit(page, `/events/${eventId}`);
    await signUp(page, {
      name: `Mina ${suffix}`,
      email: `mina-csp-${suffix}@example.com`,
      password,
    });
    await expect.poll(() => new URL(page.url()).pathname, settle).toBe("/");
    await visit(page, `/events/${eventId}`);
    await submit(page, "#rsvp");
    await visit(page, "/my/events");
    await visit(page, "/settings");
    await visit(page, "/mentoring");
    if (javaScript) {
      // A client-side navigation and its data request, not only first loads.
      await page.click('header a[href="/events"]');
      await expect.poll(() => new URL(page.url()).pathname, settle).toBe("/events");
    }
    expect(violations).toEqual([]);
  });

  it("shows kept emails in the dev mailbox with their own styles, and nothing refused", async () => {
    await visit(page, "/dev/mailbox");
    const preview = page.locator("iframe.mail__preview").first();
    await preview.scrollIntoViewIfNeeded();
    const frame = await (await preview.elementHandle())!.contentFrame();
    await frame!.waitForLoadState("load");
    // The email's inline styles apply inside its frame (its background is #f7f4ef).
    const background = await frame!.evaluate(() => getComputedStyle(document.body).backgroundColor);
    expect(background).toBe("rgb(247, 244, 239)");
    expect(violations).toEqual([]);
  });

  it("lets an admin's pages work: organizing, series, check-in, mentoring, email delivery, roles", async () => {
    await logOut(page);
    await logIn(page, admin.email, password);
    for (const path of [
      "/organize",
      "/organize/events/new",
      `/organize/events/${eventId}/edit`,
      `/organize/events/${eventId}/attendees`,
      `/organize/events/${eventId}/check-in`,
      `/organize/series/${seriesId}`,
      "/organize/mentoring",
      "/organize/mentoring/draft",
      "/organize/mentoring/pool",
      "/admin/mail",
      "/admin/people?q=mina",
    ]) {
      await visit(page, path);
    }
    const row = page.locator('[data-testid="person"]', { hasText: `mina-csp-${suffix}` });
    // The row also holds the suspension form, with its own select and button.
    await row.locator('select[name="role"]').selectOption("organizer");
    await submit(
      page,
      `[data-testid="person"]:has-text("mina-csp-${suffix}") form:has(select[name="role"])`,
    );
    await expect
      .poll(() => page.locator('[data-testid="role-changes"]').textContent(), settle)
      .toContain(`Mina ${suffix}`);
    expect(violations).toEqual([]);
  });
});

describe.skipIf(!availability.run)("the security headers", () => {
  it("carry a fresh nonce per response, which the page's scripts use; no HSTS outside production", async () => {
    const nonces: string[] = [];
    for (let i = 0; i < 2; i++) {
      const response = await fetch(`${server.url}/events`);
      const policy = response.headers.get("content-security-policy") ?? "";
      const nonce = policy.match(/'nonce-([^']+)'/)?.[1];
      expect(nonce).toBeDefined();
      nonces.push(nonce!);
      const html = await response.text();
      const scripts = [...html.matchAll(/<script\b[^>]*>/g)].map((m) => m[0]);
      expect(scripts.length).toBeGreaterThan(0);
      for (const tag of scripts) expect(tag).toContain(`nonce="${nonce}"`);
      expect(response.headers.get("strict-transport-security")).toBeNull();
      expect(policy).toContain("frame-ancestors 'none'");
    }
    expect(nonces[0]).not.toBe(nonces[1]);
  });
});
