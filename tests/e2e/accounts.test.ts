import fs from "node:fs";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDb } from "~/db.server";
import {
  confirmEmail,
  expectNoAxeViolations,
  go,
  linkInMailFor,
  logIn,
  logOut,
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

const availability = browserAvailability();

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

async function resetLinkFor(page: Page, email: string): Promise<string> {
  const mail = await mailFor(page, email, "/reset-password");
  const text = (await mail.locator(".mail__text").textContent()) ?? "";
  const link = text.match(/http:\/\/\S+reset-password\?token=[\w-]+/)?.[0];
  if (!link) throw new Error(`No reset link for ${email} in the dev mailbox:\n${text}`);
  return link;
}

// The whole journey of issue #2, once with JavaScript and once without.
describe.skipIf(!availability.run).each([
  { javaScript: true, label: "with JavaScript" },
  { javaScript: false, label: "without JavaScript" },
])("a new member's account, $label", ({ javaScript }) => {
  const who = {
    name: javaScript ? "Maryam" : "مریم",
    email: `member-${javaScript ? "js" : "nojs"}@example.com`,
    password: "first passphrase here",
  };
  let page: Page;

  beforeAll(async () => {
    page = await newPhonePage(browser, { baseURL: server.url, javaScript });
  });

  it("signs up with a nickname and is greeted by it", async () => {
    await signUp(page, who);
    await expect.poll(() => new URL(page.url()).pathname, settle).toBe("/");
    await expect.poll(() => page.locator("h1").textContent(), settle).toContain(who.name);
  });

  it("shows translated errors and keeps what was typed", async () => {
    await logOut(page);
    await go(page, "/signup");
    await page.fill("#signup input[name=displayName]", "Someone");
    await page.fill("#signup input[name=email]", `someone-${who.email}`);
    await page.fill("#signup input[name=password]", "short");
    // With JavaScript the browser checks before sending; without, the server answers.
    if (javaScript) await page.click("#signup button[type=submit]");
    else await submit(page, "#signup");
    await expect
      .poll(() => page.locator("#signup [role=alert]").first().textContent(), settle)
      .toContain("at least 8 characters");
    expect(await page.inputValue("#signup input[name=displayName]")).toBe("Someone");
    // The server never sends a password back; with JavaScript the field simply keeps what was typed.
    expect(await page.inputValue("#signup input[name=password]")).toBe(javaScript ? "short" : "");
  });

  it("answers a sign-up with a registered address like any other, and tells the owner by email", async () => {
    await go(page, "/signup");
    await page.fill("#signup input[name=displayName]", "Someone");
    await page.fill("#signup input[name=email]", who.email.toUpperCase());
    await page.fill("#signup input[name=password]", "another passphrase");
    await submit(page, "#signup");
    await expect.poll(() => page.locator("h1").textContent(), settle).toBe("Check your email");
    expect(await page.getByRole("status").textContent()).toContain(who.email);
    const note = await mailFor(page, who.email, "/forgot-password");
    expect(await note.locator("h2").textContent()).toBe("A sign-up with your email address");
    expect(await note.locator(".mail__text").textContent()).toContain(who.name);
  });

  it("logs out and logs back in", async () => {
    await logIn(page, who.email, who.password);
    await expect.poll(() => page.locator("h1").textContent(), settle).toContain(who.name);
    await logOut(page);
    await expect
      .poll(() => page.locator('a[href="/login"]').first().isVisible(), settle)
      .toBe(true);
    await logIn(page, who.email, who.password);
    await expect.poll(() => page.locator('form[action="/logout"]').isVisible(), settle).toBe(true);
  });

  it("switches to Persian and gets a right-to-left page", async () => {
    await go(page, "/settings");
    await switchLanguage(page, "fa");
    await expect.poll(() => new URL(page.url()).pathname, settle).toBe("/settings");
    await expect.poll(() => page.locator("html").getAttribute("dir"), settle).toBe("rtl");
    await expect.poll(() => page.locator("html").getAttribute("lang"), settle).toBe("fa");
    await expect.poll(() => page.locator("h1").textContent(), settle).toBe("تنظیمات");
    // The layout mirrors: the brand sits at the right edge of a right-to-left page.
    const brand = await page.locator(".brand").boundingBox();
    expect(brand!.x).toBeGreaterThan(180);
    await switchLanguage(page, "en");
    await expect.poll(() => page.locator("html").getAttribute("dir"), settle).toBe("ltr");
  });

  it("changes the display name in settings", async () => {
    await go(page, "/settings");
    await page.fill("#settings-profile input[name=displayName]", `${who.name} K.`);
    await submit(page, "#settings-profile");
    await expect
      .poll(
        () => page.locator("#settings-profile").locator("..").getByRole("status").textContent(),
        settle,
      )
      .toContain("Saved");
    expect(await page.inputValue("#settings-profile input[name=displayName]")).toBe(
      `${who.name} K.`,
    );
  });

  it("downloads their data as JSON", async () => {
    await go(page, "/settings");
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.click('a[href="/settings/data"]'),
    ]);
    expect(download.suggestedFilename()).toMatch(/^tsunagu-my-data-.*\.json$/);
    const data = JSON.parse(fs.readFileSync((await download.path())!, "utf8"));
    expect(data.account).toMatchObject({ email: who.email, displayName: `${who.name} K.` });
  });

  it("resets a forgotten password through the dev mailbox", async () => {
    await logOut(page);
    await go(page, "/login");
    await page.click('a[href="/forgot-password"]');
    await page.waitForURL("**/forgot-password");
    await settled(page);
    await page.fill("#forgot input[name=email]", who.email);
    await submit(page, "#forgot");
    await expect
      .poll(() => page.getByRole("status").textContent(), settle)
      .toContain("we have sent a link");

    const link = new URL(await resetLinkFor(page, who.email));
    await go(page, link.pathname + link.search);
    await page.fill("#reset input[name=password]", "second passphrase here");
    await submit(page, "#reset");
    await expect.poll(() => new URL(page.url()).pathname, settle).toBe("/settings");
    await expect
      .poll(() => page.getByRole("status").first().textContent(), settle)
      .toContain("new password is saved");

    await logOut(page);
    await logIn(page, who.email, "first passphrase here");
    await expect
      .poll(() => page.locator("#login [role=alert]").textContent(), settle)
      .toContain("not right");
    await logIn(page, who.email, "second passphrase here");
    await expect.poll(() => page.locator('form[action="/logout"]').isVisible(), settle).toBe(true);
  });

  it("deletes the account after confirming", async () => {
    await go(page, "/settings");
    await page.check("#settings-delete input[name=confirm]");
    await page.fill("#settings-delete input[name=currentPassword]", "second passphrase here");
    await submit(page, "#settings-delete");
    await expect.poll(() => new URL(page.url()).pathname, settle).toBe("/");
    await expect
      .poll(() => page.getByRole("status").textContent(), settle)
      .toContain("Your account has been deleted");
    await logIn(page, who.email, "second passphrase here");
    await expect
      .poll(() => page.locator("#login [role=alert]").textContent(), settle)
      .toContain("not right");
  });
});

describe.skipIf(!availability.run)(
  "a sign-up whose email was not opened yet, without JavaScript",
  () => {
    it("cannot log in, is offered a new link, and the new link finishes the sign-up", async () => {
      const page = await newPhonePage(browser, { baseURL: server.url, javaScript: false });
      const email = "later@example.com";
      await go(page, "/signup");
      await page.fill("#signup input[name=displayName]", "Later");
      await page.fill("#signup input[name=email]", email);
      await page.fill("#signup input[name=password]", "later passphrase");
      await submit(page, "#signup");
      expect(await page.locator("h1").textContent()).toBe("Check your email");
      const first = await linkInMailFor(page, email, "/signup/confirm");

      await logIn(page, email, "later passphrase");
      expect(await page.locator("#login [role=alert]").textContent()).toContain(
        "confirm your email address first",
      );
      await submit(page, "#resend-link");
      expect(new URL(page.url()).pathname).toBe("/signup/resend");
      expect(await page.getByRole("status").textContent()).toContain("we have sent a new link");

      // The old link is dead; the new one (the newest email) logs in.
      await go(page, first.pathname + first.search);
      expect(await page.getByRole("alert").textContent()).toContain("no longer works");
      await expect
        .poll(async () => (await linkInMailFor(page, email, "/signup/confirm")).href, {
          timeout: 20_000,
          interval: 500,
        })
        .not.toBe(first.href);
      await confirmEmail(page, email);
      expect(new URL(page.url()).pathname).toBe("/");
      expect(await page.getByRole("status").textContent()).toContain("Welcome to Tsunagu");
      await page.context().close();
    });
  },
);

describe.skipIf(!availability.run)("accessibility (axe-core)", () => {
  let page: Page;

  beforeAll(async () => {
    page = await newPhonePage(browser, { baseURL: server.url });
    await signUp(page, { name: "Axe", email: "axe@example.com", password: "axe passphrase here" });
    await logOut(page);
  });

  for (const lng of ["en", "fa"]) {
    for (const path of ["/", "/signup", "/login", "/signup/resend", "/signup/confirm?token=x"]) {
      it(`${path} in ${lng} has no violations`, async () => {
        await go(page, `${path}?lng=${lng}`);
        await expectNoAxeViolations(page);
      });
    }
    it(`/settings in ${lng} has no violations`, async () => {
      await logIn(page, "axe@example.com", "axe passphrase here");
      await go(page, `/settings?lng=${lng}`);
      await expectNoAxeViolations(page);
      await logOut(page);
    });
  }

  it("/admin/people has no violations, in English and Persian", async () => {
    const db = createDb(server.databaseUrl);
    await db.user.update({ where: { email: "axe@example.com" }, data: { role: "admin" } });
    await db.$disconnect();
    await logIn(page, "axe@example.com", "axe passphrase here");
    for (const lng of ["en", "fa"]) {
      await go(page, `/admin/people?q=axe&lng=${lng}`);
      expect(await page.locator('[data-testid="person"]').count()).toBe(1);
      await expectNoAxeViolations(page);
    }
    await logOut(page);
  });

  it("has a skip link to the main content and visible focus", async () => {
    await go(page, "/");
    await page.keyboard.press("Tab");
    const focused = await page.evaluate(() => {
      const el = document.activeElement as HTMLElement;
      return { href: el.getAttribute("href"), outline: getComputedStyle(el).outlineStyle };
    });
    expect(focused).toEqual({ href: "#main", outline: "solid" });
  });

  it("fits a 360 px phone without sideways scrolling", async () => {
    for (const path of ["/", "/signup", "/login", "/signup/resend"]) {
      await go(page, `${path}?lng=fa`);
      const overflow = await page.evaluate(
        () => document.documentElement.scrollWidth - window.innerWidth,
      );
      expect(overflow, path).toBeLessThanOrEqual(0);
    }
  });
});

describe.skipIf(!availability.run)("the server", () => {
  it("refuses a form posted from another site", async () => {
    const response = await fetch(`${server.url}/login`, {
      method: "POST",
      headers: {
        Origin: "https://evil.example",
        "Content-Type": "application/x-www-form-urlencoded",
      },
      body: "email=a%40example.com&password=x",
    });
    expect(response.status).toBe(403);
  });

  it("answers /healthz", async () => {
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
  });
});
