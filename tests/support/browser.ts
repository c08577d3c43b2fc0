import fs from "node:fs";
import { createRequire } from "node:module";
import type { Page } from "playwright-core";
import { expect } from "vitest";

const axeSource = fs.readFileSync(
  createRequire(import.meta.url).resolve("axe-core/axe.min.js"),
  "utf8",
);

// Browser steps shared by the end-to-end suites. Pages come from newPhonePage, whose context
// has the server as its baseURL, so paths are enough.

/** Pages opened with JavaScript on; the others are driven as plain HTML forms. */
export const withJavaScript = new WeakSet<Page>();
/** React may commit a frame after the router is idle, so page assertions poll briefly. */
export const settle = { timeout: 5_000, interval: 50 };

/** Waits until Remix has hydrated the page (with JavaScript) or the document has loaded. */
export async function settled(page: Page) {
  await page.waitForLoadState("load");
  if (!withJavaScript.has(page)) return;
  await page.waitForFunction(() => {
    const router = (
      window as unknown as {
        __remixRouter?: { state: { navigation: { state: string }; revalidation: string } };
      }
    ).__remixRouter;
    return (
      router !== undefined &&
      router.state.navigation.state === "idle" &&
      router.state.revalidation === "idle"
    );
  });
}

export async function go(page: Page, path: string) {
  await page.goto(path);
  await settled(page);
}

/** Submits a form the way a person does, and waits for whatever page comes back. */
export async function submit(page: Page, formSelector: string) {
  const button = page.locator(`${formSelector} button[type=submit]`);
  if (withJavaScript.has(page)) {
    const posted = page.waitForResponse((r) => r.request().method() === "POST");
    await button.click();
    await posted;
  } else {
    await Promise.all([page.waitForEvent("load"), button.click()]);
  }
  await settled(page);
}

/**
 * Signs up the whole way, as a person does: the form, "check your email", the link from the
 * dev mailbox, the confirm button. Ends logged in on the home page.
 */
export async function signUp(page: Page, who: { name: string; email: string; password: string }) {
  await go(page, "/signup");
  await page.fill("#signup input[name=displayName]", who.name);
  await page.fill("#signup input[name=email]", who.email);
  await page.fill("#signup input[name=password]", who.password);
  await submit(page, "#signup");
  // Plain waits, not expect.poll: this also runs in beforeAll hooks.
  await page
    .getByRole("status")
    .filter({ hasText: who.email.trim().toLowerCase() })
    .waitFor({ timeout: settle.timeout });
  await confirmEmail(page, who.email);
}

/** The newest link of `kind` (a path such as "/signup/confirm") in the mail to `email`. */
export async function linkInMailFor(page: Page, email: string, path: string): Promise<URL> {
  const mail = await mailFor(page, email.trim().toLowerCase(), path);
  const text = (await mail.locator(".mail__text").textContent()) ?? "";
  const escaped = path.replace(/[/.]/g, "\\$&");
  const link = text.match(new RegExp(`http://\\S+${escaped}\\?token=[\\w-]+`))?.[0];
  if (!link) throw new Error(`No ${path} link for ${email} in the dev mailbox:\n${text}`);
  return new URL(link);
}

/** Opens the sign-up link from the dev mailbox and presses its button. */
export async function confirmEmail(page: Page, email: string) {
  const link = await linkInMailFor(page, email, "/signup/confirm");
  await go(page, link.pathname + link.search);
  await submit(page, "#confirm-signup");
}

export async function logIn(page: Page, email: string, password: string) {
  await go(page, "/login");
  await page.fill("#login input[name=email]", email);
  await page.fill("#login input[name=password]", password);
  await submit(page, "#login");
}

export async function logOut(page: Page) {
  await submit(page, 'form[action="/logout"]');
}

export async function switchLanguage(page: Page, lng: string) {
  await page.selectOption("#language-select", lng);
  await submit(page, ".language-switcher");
}

/** Runs axe-core (WCAG 2.2 AA and best practices) on the page and expects no violations. */
export async function expectNoAxeViolations(page: Page) {
  // Evaluated through the DevTools protocol: an inline <script> would rightly be refused by
  // the page's Content-Security-Policy.
  await page.evaluate(axeSource);
  const violations = await page.evaluate(async () => {
    const axe = (
      window as unknown as {
        axe: {
          run: (
            context: Document,
            options: object,
          ) => Promise<{ violations: { id: string; nodes: { target: string[] }[] }[] }>;
        };
      }
    ).axe;
    const result = await axe.run(document, {
      runOnly: {
        type: "tag",
        values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"],
      },
    });
    return result.violations.map(
      (v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`,
    );
  });
  expect(violations).toEqual([]);
}

/**
 * Clicks something that loads or sends data (a link, a GET form, a button) and waits for the
 * result: a new document without JavaScript, Remix's data request and render with it.
 */
export async function act(page: Page, click: () => Promise<void>) {
  if (withJavaScript.has(page)) {
    const answered = page.waitForResponse((r) => r.url().includes("_data="));
    await click();
    await answered;
  } else {
    await Promise.all([page.waitForEvent("load"), click()]);
  }
  await settled(page);
}

/**
 * The newest message to `email` in the dev mailbox (with `containing` somewhere in it, when
 * the address has had other mail), once the background sender has delivered it (it looks
 * every couple of seconds), reloading the mailbox until it is there.
 */
export async function mailFor(page: Page, email: string, containing?: string) {
  const mail = page.locator('[data-testid="dev-mail"]', {
    has: page.locator("dd", { hasText: email }),
    ...(containing ? { hasText: containing } : {}),
  });
  await go(page, "/dev/mailbox");
  // A plain loop, not expect.poll, so that sign-ups in beforeAll hooks can use it too.
  const deadline = Date.now() + 20_000;
  while ((await mail.count()) === 0) {
    if (Date.now() > deadline) throw new Error(`No email to ${email} in the dev mailbox`);
    await page.waitForTimeout(500);
    await page.reload();
    await settled(page);
  }
  return mail.first();
}

/**
 * Collects every Content-Security-Policy violation the browser reports for this page, with or
 * without JavaScript: Chromium logs each one (DevTools "security" entries), and with
 * JavaScript the page also fires `securitypolicyviolation`, which is passed on here.
 */
export async function watchCsp(page: Page): Promise<string[]> {
  const violations: string[] = [];
  const cdp = await page.context().newCDPSession(page);
  await cdp.send("Log.enable");
  cdp.on("Log.entryAdded", ({ entry }) => {
    if (/Content.Security.Policy/i.test(entry.text)) violations.push(`${entry.url}: ${entry.text}`);
  });
  page.on("console", (message) => {
    if (message.text().startsWith("CSP violation")) violations.push(message.text());
  });
  if (withJavaScript.has(page)) {
    await page.addInitScript(() =>
      document.addEventListener("securitypolicyviolation", (event) =>
        console.log(
          `CSP violation on ${location.pathname}: ${event.violatedDirective} ${event.blockedURI}`,
        ),
      ),
    );
  }
  return violations;
}

/** Whether Remix hydrated the page (its router exists only once the scripts ran). */
export function isHydrated(page: Page): Promise<boolean> {
  return page.evaluate(
    () => typeof (window as { __remixRouter?: unknown }).__remixRouter === "object",
  );
}
