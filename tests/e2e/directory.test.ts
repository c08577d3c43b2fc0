import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDb } from "~/db.server";
import {
  act,
  expectNoAxeViolations,
  go,
  logIn,
  mailFor,
  settle,
  settled,
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

/**
 * Issue #11 parts 4–5 on a 360 px phone without JavaScript: an organizer adds a directory
 * entry (opening hours as rows), fixes a form error without losing what she typed, edits it,
 * adds a Persian translation and marks it checked; a visitor without an account filters
 * /resources by topic and Persian and reads the entry in Persian, and prints it; the directory
 * is exported and imported as HSDS; a quiet member gets a hello from the dashboard.
 */
const availability = browserAvailability();
const password = "a long passphrase";

let server: RunningServer;
let browser: Browser;
let organizer: Page;
let visitor: Page;
let resourceId = "";

async function noSidewaysScroll(page: Page) {
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  );
  expect(overflow, page.url()).toBeLessThanOrEqual(0);
}

beforeAll(async () => {
  if (!availability.run) return;
  [server, browser] = await Promise.all([startServer(), launchBrowser()]);
  organizer = await newPhonePage(browser, { baseURL: server.url, javaScript: false });
  visitor = await newPhonePage(browser, { baseURL: server.url, javaScript: false });
  const email = "aiko-directory@example.com";
  await signUp(organizer, { name: "Aiko", email, password });
  const db = createDb(server.databaseUrl);
  try {
    await db.user.update({ where: { email }, data: { role: "organizer" } });
  } finally {
    await db.$disconnect();
  }
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe.skipIf(!availability.run)("the directory on a phone without JavaScript", () => {
  it("an organizer adds an entry, fixing an error without retyping", async () => {
    await go(organizer, "/organize/resources/new?lng=en");
    await organizer.fill("#resource-new input[name=name]", "Sample: Warm shelter");
    await organizer.fill("#resource-new textarea[name=description]", "A warm place to sleep.");
    await organizer.selectOption("#resource-new select[name=locale]", "en");
    await organizer.check("#resource-new input[name=topics][value=sleep]");
    await organizer.check("#resource-new input[name=languages][value=fa]");
    await organizer.selectOption("#resource-new select[name=audience]", "women");
    await organizer.fill("#resource-new input[name=phone]", "00-0000-0009");
    await organizer.fill("#resource-new input[name=address]", "1-1 Sample-chō (fictional)");
    await organizer.selectOption('select[name="hours[0].weekday"]', "1");
    await organizer.fill('input[name="hours[0].opens"]', "22:00");
    await organizer.fill('input[name="hours[0].closes"]', "18:00");
    await submit(organizer, "#resource-new");
    await expect
      .poll(() => organizer.locator(".hours-row .field__error").first().textContent(), settle)
      .toContain("The end must be after the start.");
    // Nothing she typed is lost.
    expect(await organizer.inputValue("#resource-new input[name=name]")).toBe(
      "Sample: Warm shelter",
    );
    expect(await organizer.isChecked("#resource-new input[name=topics][value=sleep]")).toBe(true);
    expect(await organizer.inputValue('input[name="hours[0].opens"]')).toBe("22:00");

    await organizer.fill('input[name="hours[0].opens"]', "18:00");
    await organizer.fill('input[name="hours[0].closes"]', "22:00");
    await submit(organizer, "#resource-new");
    const match = new URL(organizer.url()).pathname.match(/^\/organize\/resources\/([^/]+)$/);
    expect(match, organizer.url()).not.toBeNull();
    resourceId = match![1]!;
    await expect
      .poll(() => organizer.getByRole("status").first().textContent(), settle)
      .toContain("Saved.");
    await noSidewaysScroll(organizer);
  });

  it("with JavaScript the same form saves, and an entry can be removed", async () => {
    const page = await newPhonePage(browser, { baseURL: server.url });
    await logIn(page, "aiko-directory@example.com", password);
    await go(page, "/organize/resources/new?lng=en");
    await page.fill("#resource-new input[name=name]", "Sample: Scripted clinic");
    await page.check("#resource-new input[name=topics][value=health]");
    await page.selectOption('select[name="hours[0].weekday"]', "3");
    await page.fill('input[name="hours[0].opens"]', "09:00");
    await page.fill('input[name="hours[0].closes"]', "12:00");
    await page.click("#resource-new button[type=submit]");
    await page.waitForURL(/\/organize\/resources\/[^/?]+\?saved=1$/);
    await settled(page);
    expect(await page.inputValue('input[name="hours[0].opens"]')).toBe("09:00");
    // Remove it again, so the rest of the journey sees one entry.
    await page.click("form:has(input[name=intent][value=delete]) button[type=submit]");
    await page.waitForURL(/\/organize\/resources\?deleted=1$/);
    await page.context().close();
  });

  it("she edits it, adds a Persian translation and marks it checked", async () => {
    await go(organizer, `/organize/resources/${resourceId}?lng=en`);
    expect(await organizer.inputValue('input[name="hours[0].opens"]')).toBe("18:00");
    await organizer.fill(
      "#resource-edit textarea[name=description]",
      "A warm, quiet place to sleep.",
    );
    await submit(organizer, "#resource-edit");
    expect(await organizer.inputValue("#resource-edit textarea[name=description]")).toBe(
      "A warm, quiet place to sleep.",
    );

    await organizer.selectOption("#resource-translation select[name=locale]", "fa");
    await organizer.fill("#resource-translation input[name=name]", "نمونه: سرپناه گرم");
    await organizer.fill(
      "#resource-translation textarea[name=description]",
      "جایی گرم و آرام برای خوابیدن.",
    );
    await submit(organizer, "#resource-translation");
    await expect
      .poll(() => organizer.locator('li span[lang="fa"]').first().textContent(), settle)
      .toBe("نمونه: سرپناه گرم");

    await submit(organizer, "form:has(input[name=intent][value=checked])");
    await expect
      .poll(() => organizer.getByRole("status").first().textContent(), settle)
      .toContain("Marked as checked today");
    await noSidewaysScroll(organizer);
  });

  it("a visitor filters by topic and Persian and reads the entry in Persian", async () => {
    await go(visitor, "/resources");
    await switchLanguage(visitor, "fa");
    await go(visitor, "/resources");
    await visitor.selectOption("#filter-topic", "sleep");
    await visitor.selectOption("#filter-language", "fa");
    await act(visitor, () => visitor.click("form.filters button[type=submit]"));
    const url = new URL(visitor.url());
    expect(url.searchParams.get("topic")).toBe("sleep");
    expect(url.searchParams.get("language")).toBe("fa");
    const heading = visitor.locator("li.resource h2").first();
    expect(await heading.textContent()).toBe("نمونه: سرپناه گرم");
    expect(await heading.getAttribute("lang")).toBe("fa");
    const entry = visitor.locator("li.resource").first();
    const text = (await entry.textContent()) ?? "";
    expect(text).toContain("جایی گرم و آرام برای خوابیدن.");
    expect(text).toContain("دوشنبه"); // Monday, in Persian
    expect(text).toContain("۱۸:۰۰");
    expect(await entry.locator('a[href="tel:0000000009"]').count()).toBe(1);
    expect(await visitor.locator("html").getAttribute("dir")).toBe("rtl");
    // A neutral tab title: nothing about what was looked up.
    expect(await visitor.title()).toBe("Tsunagu");
    await noSidewaysScroll(visitor);

    // Another topic does not show it.
    await go(visitor, "/resources?topic=food&language=fa");
    expect(await visitor.locator("li.resource").count()).toBe(0);
  });

  it("the printable page keeps the filters, is compact, and prints without the site's chrome", async () => {
    await go(visitor, "/resources?topic=sleep&language=fa");
    await act(visitor, () => visitor.click('a[href^="/resources/print"]'));
    expect(new URL(visitor.url()).search).toBe("?topic=sleep&language=fa");
    expect(await visitor.locator("li.resource h2").first().textContent()).toBe("نمونه: سرپناه گرم");
    await noSidewaysScroll(visitor);
    await visitor.emulateMedia({ media: "print" });
    expect(await visitor.locator(".site-header").isVisible()).toBe(false);
    expect(await visitor.locator("li.resource").first().isVisible()).toBe(true);
    await visitor.emulateMedia({ media: "screen" });
  });

  it("the directory and its printable page have no axe violations, in Persian and English", async () => {
    // axe runs as a script, so this page has JavaScript; the journeys above have none.
    const page = await newPhonePage(browser, { baseURL: server.url });
    for (const lng of ["fa", "en"]) {
      for (const path of ["/resources?topic=sleep&language=fa", "/resources", "/resources/print"]) {
        await go(page, `${path}${path.includes("?") ? "&" : "?"}lng=${lng}`);
        expect(await page.locator("li.resource").count(), path).toBeGreaterThan(0);
        await expectNoAxeViolations(page);
      }
    }
    await page.context().close();
  });

  it("the directory goes out as HSDS and comes back in through the import form", async () => {
    const exported = await organizer.request.get("/organize/resources/export.json");
    expect(exported.status()).toBe(200);
    const doc = (await exported.json()) as { contents: { name: string; status: string }[] };
    expect(doc.contents.map((s) => s.name)).toEqual(["Sample: Warm shelter"]);

    await go(organizer, "/organize/resources/import?lng=en");
    const broken = { contents: [{ ...doc.contents[0], status: "closed" }] };
    await organizer.setInputFiles("#import-file", {
      name: "broken.json",
      mimeType: "application/json",
      buffer: Buffer.from(JSON.stringify(broken)),
    });
    await submit(organizer, 'form[enctype="multipart/form-data"]');
    const alert = (await organizer.getByRole("alert").first().textContent()) ?? "";
    expect(alert).toContain("Nothing was imported");
    expect(alert).toContain("contents[0].status");

    await organizer.setInputFiles("#import-file", {
      name: "directory.json",
      mimeType: "application/json",
      buffer: Buffer.from(JSON.stringify(doc)),
    });
    await submit(organizer, 'form[enctype="multipart/form-data"]');
    expect(await organizer.getByRole("status").first().textContent()).toContain(
      "Imported 1 service",
    );
    await go(organizer, "/organize/resources?lng=en");
    expect(await organizer.locator("li h2 a").count()).toBe(2);
  });

  it("a quiet member gets a hello from the dashboard, once", async () => {
    const member = await newPhonePage(browser, { baseURL: server.url, javaScript: false });
    const email = "quiet-member@example.com";
    await signUp(member, { name: "Mina", email, password });
    const db = createDb(server.databaseUrl);
    try {
      const mina = await db.user.update({ where: { email }, data: { locale: "fa" } });
      for (const daysAgo of [100, 70]) {
        const startsAt = new Date(Date.now() - daysAgo * 86_400_000);
        await db.event.create({
          data: {
            kind: "cafe",
            title: `Past café ${daysAgo}`,
            description: "",
            locale: "en",
            startsAt,
            endsAt: new Date(startsAt.getTime() + 7_200_000),
            rsvps: { create: { userId: mina.id, status: "going", attendedAt: startsAt } },
          },
        });
      }
    } finally {
      await db.$disconnect();
    }
    await go(organizer, "/organize?lng=en");
    const button = organizer.getByRole("button", { name: "Say hello to Mina" });
    expect(await button.count()).toBe(1);
    await Promise.all([organizer.waitForEvent("load"), button.click()]);
    expect(await organizer.getByRole("status").first().textContent()).toContain(
      "Your hello is on its way.",
    );
    expect(await organizer.getByRole("button", { name: "Say hello to Mina" }).count()).toBe(0);
    const mail = await mailFor(organizer, email, "/help");
    const text = (await mail.textContent()) ?? "";
    expect(text).toContain("سلامی از Tsunagu");
    expect(text).toContain("/help");
    await member.context().close();
  });
});
