import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createAccount } from "~/accounts/accounts.server";
import { createDb } from "~/db.server";
import { go, logIn as logInPage, settle, submit } from "../support/browser";
import {
  browserAvailability,
  launchBrowser,
  newPhonePage,
  startServer,
  type RunningServer,
} from "../support/e2e";
import { form, formHeaders, isAnswer, logIn, send, type Answer } from "../support/http";
import { localeMessages } from "../support/locales";

/**
 * The settings page as a layout with one child route per form, through the built server
 * without JavaScript: Post/Redirect/Get with each section's "saved" notice, a refused form
 * drawn in its section at the form's own address, and no action at /settings itself.
 */
const en = localeMessages("en");
const text = (key: string) => en.get(key)!;
const PASSWORD = "a long passphrase";

// The sections' headings (or the section's own id), in their order on the page.
const sectionIds = [
  "profile-title",
  "email-title",
  "password-title",
  "privacy-request-title",
  "women-question",
  "data-title",
  "emails",
  "calendar-title",
  "delete-title",
];

const availability = browserAvailability();
let server: RunningServer;
let browser: Browser | undefined;
let cookie: string;
let n = 0;

beforeAll(async () => {
  server = await startServer();
  if (availability.run) browser = await launchBrowser();
  const db = createDb(server.databaseUrl);
  try {
    for (const email of [
      "settings@example.com",
      "settings-js@example.com",
      "settings-nojs@example.com",
    ]) {
      await createAccount(db, { email, password: PASSWORD, displayName: "Sora", locale: "en" });
    }
  } finally {
    await db.$disconnect();
  }
  cookie = await logIn(server.url, "settings@example.com", PASSWORD);
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

async function answer(request: Parameters<typeof send>[1]): Promise<Answer> {
  const result = await send(server.url, request);
  if (!isAnswer(result)) throw new Error(`${request.method} ${request.path}: ${result.error}`);
  return result;
}

const post = (path: string, fields: Record<string, string> | [string, string][]) =>
  answer({ method: "POST", path, headers: formHeaders(server.url, cookie), body: form(fields) });
const page = (path: string) => answer({ method: "GET", path, headers: { Cookie: cookie } });

/** One section's markup: from its heading (or id) to the start of the next section. */
function section(html: string, id: string): string {
  const start = html.indexOf(`id="${id}"`);
  expect(start, `section ${id}`).toBeGreaterThan(-1);
  const next = html.indexOf("<section", start);
  return html.slice(start, next === -1 ? undefined : next);
}

const notices = (html: string) => html.split('role="status"').length - 1;

function expectWholePage(html: string) {
  const at = sectionIds.map((id) => html.indexOf(`id="${id}"`));
  expect(
    at.every((i) => i > -1),
    JSON.stringify(at),
  ).toBe(true);
  expect([...at].sort((a, b) => a - b)).toEqual(at);
  expect(html).toContain('id="calendar-url"');
  expect(html).toContain('id="settings-profile"');
}

describe("saving a settings form", () => {
  const cases: {
    form: string;
    fields: () => [string, string][];
    section: string;
    notice: string;
    anchor: string;
  }[] = [
    {
      form: "profile",
      fields: () => [
        ["displayName", "Sora K."],
        ["locale", "en"],
      ],
      section: "profile-title",
      notice: "settings.profileSaved",
      anchor: "profile-title",
    },
    {
      form: "email",
      fields: () => [
        ["email", `settings-${++n}@example.com`],
        ["currentPassword", PASSWORD],
      ],
      section: "email-title",
      notice: "settings.emailSaved",
      anchor: "email-title",
    },
    {
      form: "password",
      fields: () => [
        ["currentPassword", PASSWORD],
        ["newPassword", PASSWORD],
      ],
      section: "password-title",
      notice: "settings.passwordSaved",
      anchor: "password-title",
    },
    {
      form: "women-only",
      fields: () => [["answer", "unsaid"]],
      section: "women-question",
      notice: "womenOnly.settingsSaved",
      anchor: "women-question",
    },
    {
      form: "notifications",
      fields: () => [
        ["wanted", "rsvp_confirmed"],
        ["reminderLead", "2h"],
      ],
      section: "emails",
      notice: "settings.emailsSaved",
      anchor: "emails",
    },
    {
      form: "calendar-titles",
      fields: () => [["fullTitles", "yes"]],
      section: "calendar-titles",
      notice: "calendarSettings.saved",
      anchor: "calendar-titles",
    },
    {
      form: "calendar-link",
      fields: () => [],
      section: "calendar-title",
      notice: "calendar.regenerated",
      anchor: "calendar-title",
    },
  ];

  it.each(cases)(
    "/settings/$form redirects to the page, whose section shows it is saved",
    async (c) => {
      const saved = await post(`/settings/${c.form}`, c.fields());
      expect(saved.status).toBe(302);
      expect(saved.location).toBe(`/settings?saved=${c.form}#${c.anchor}`);
      const after = await page(saved.location!);
      expect(after.status).toBe(200);
      expectWholePage(after.body);
      const own = section(after.body, c.section);
      expect(own).toContain(text(c.notice));
      // Only that notice: the other sections say nothing about saving.
      expect(notices(after.body)).toBe(1);
      expect(notices(own)).toBe(1);
      // The ordinary page, without the query, has none.
      expect(notices((await page("/settings")).body)).toBe(0);
    },
  );

  it("ignores a saved value that names no form", async () => {
    const shown = await page("/settings?saved=delete");
    expect(shown.status).toBe(200);
    expect(notices(shown.body)).toBe(0);
  });
});

describe("a refused settings form", () => {
  it("is drawn in its own section at its own address, with the errors and what was typed", async () => {
    const refused = await post("/settings/email", {
      email: "not an address",
      currentPassword: "typed secret words",
    });
    expect(refused.status).toBe(400);
    expectWholePage(refused.body);
    const email = section(refused.body, "email-title");
    expect(email).toContain(text("errors.emailInvalid"));
    expect(email).toContain('value="not an address"');
    expect(email).toContain('aria-invalid="true"');
    expect(email).toContain('action="/settings/email"');
    expect(refused.body).not.toContain("typed secret words");
    // The other sections are the ordinary ones, without errors.
    expect(section(refused.body, "password-title")).not.toContain("field__error");
  });

  it("shows a wrong current password on its field, and the deletion box's error on the box", async () => {
    const wrong = await post("/settings/password", {
      currentPassword: "not the password",
      newPassword: "a different passphrase",
    });
    expect(wrong.status).toBe(400);
    expect(section(wrong.body, "password-title")).toContain(text("errors.wrongPassword"));

    const unconfirmed = await post("/settings/delete", { currentPassword: PASSWORD });
    expect(unconfirmed.status).toBe(400);
    const deletion = section(unconfirmed.body, "delete-title");
    expect(deletion).toContain(text("errors.confirmDelete"));
    const box = deletion.match(/<input[^>]*name="confirm"[^>]*>/)?.[0] ?? "";
    expect(box).toContain('type="checkbox"');
    expect(box).toContain('aria-invalid="true"');
    expect(box).toMatch(/aria-describedby="[^"]*-error/);
    expect(box).toContain("required");
    expect(box).toContain('value="yes"');
  });

  it("a GET of a form's address is the ordinary page", async () => {
    for (const name of ["profile", "email", "password", "delete", "calendar-link"]) {
      const shown = await page(`/settings/${name}`);
      expect(shown.status, name).toBe(200);
      expectWholePage(shown.body);
      expect(shown.body).not.toContain("field__error");
    }
  });
});

describe("posts no form of the page sends", () => {
  it("/settings itself has no action: a clear 4xx, and nothing on the page posts there", async () => {
    const posted = await post("/settings", { displayName: "X", locale: "en" });
    expect(posted.status).toBe(405);
    expect(posted.body).toContain(text("errors.badRequestTitle"));
    const html = (await page("/settings")).body;
    const actions = [...html.matchAll(/<form[^>]*method="post"[^>]*>/g)].map(
      ([tag]) => tag.match(/action="([^"]*)"/)?.[1] ?? "(none)",
    );
    expect(actions.filter((a) => a.startsWith("/settings"))).toEqual([
      "/settings/profile",
      "/settings/email",
      "/settings/password",
      "/settings/women-only",
      "/settings/notifications",
      "/settings/calendar-titles",
      "/settings/calendar-link",
      "/settings/delete",
    ]);
    expect(html).not.toContain('name="intent"');
  });

  it("an unknown form under /settings is a 4xx", async () => {
    for (const path of ["/settings/nonsense", "/settings/intent", "/settings/profile/extra"]) {
      const posted = await post(path, { displayName: "X", locale: "en" });
      expect(posted.status, path).toBeGreaterThanOrEqual(400);
      expect(posted.status, path).toBeLessThan(500);
      expect(posted.body, path).toMatch(/<h1[^>]*>We could not/);
    }
  });

  it("every form's address answers a JSON body with a 4xx", async () => {
    for (const name of [
      "profile",
      "email",
      "password",
      "women-only",
      "notifications",
      "calendar-titles",
      "calendar-link",
      "delete",
    ]) {
      const posted = await answer({
        method: "POST",
        path: `/settings/${name}`,
        headers: { Origin: server.url, Cookie: cookie, "Content-Type": "application/json" },
        body: JSON.stringify({ displayName: "X" }),
      });
      expect(posted.status, name).toBe(415);
    }
  });
});

describe.skipIf(!availability.run).each([
  { javaScript: true, label: "with JavaScript" },
  { javaScript: false, label: "without JavaScript" },
])("changing the email in a browser, $label", ({ javaScript }) => {
  let page: Page;
  const email = `settings-${javaScript ? "js" : "nojs"}@example.com`;

  beforeAll(async () => {
    page = await newPhonePage(browser!, { baseURL: server.url, javaScript });
    await logInPage(page, email, PASSWORD);
  });

  afterAll(async () => {
    await page?.context().close();
  });

  const path = () => new URL(page.url()).pathname;

  it("shows a refusal in the email section at the form's address, keeping the typed address", async () => {
    await go(page, "/settings");
    await page.fill("#settings-email input[name=email]", `moved-${email}`);
    await page.fill("#settings-email input[name=currentPassword]", "not my password");
    await submit(page, "#settings-email");
    await expect.poll(path, settle).toBe("/settings/email");
    await expect
      .poll(() => page.locator("#settings-email").textContent(), settle)
      .toContain(text("errors.wrongPassword"));
    expect(await page.inputValue("#settings-email input[name=email]")).toBe(`moved-${email}`);
    expect(await page.inputValue("#settings-email input[name=currentPassword]")).toBe("");
    // Every other section is still there, in its place.
    expect(await page.locator("section").count()).toBe(sectionIds.length);
  });

  it("saves, comes back to /settings with the notice, and empties the form", async () => {
    await page.fill("#settings-email input[name=currentPassword]", PASSWORD);
    await submit(page, "#settings-email");
    await expect.poll(path, settle).toBe("/settings");
    expect(new URL(page.url()).search).toBe("?saved=email");
    await expect
      .poll(
        () => page.locator("#settings-email").locator("..").getByRole("status").textContent(),
        settle,
      )
      .toContain(text("settings.emailSaved"));
    expect(await page.inputValue("#settings-email input[name=email]")).toBe("");
    expect(await page.inputValue("#settings-email input[name=currentPassword]")).toBe("");
    expect(await page.locator("#settings-email").locator("..").textContent()).toContain(
      `moved-${email}`,
    );
  });

  it("also empties the form when saved straight from the page, without a refusal first", async () => {
    await go(page, "/settings");
    await page.fill("#settings-email input[name=email]", `again-${email}`);
    await page.fill("#settings-email input[name=currentPassword]", PASSWORD);
    await submit(page, "#settings-email");
    await expect
      .poll(() => page.locator("#settings-email").locator("..").textContent(), settle)
      .toContain(`again-${email}`);
    expect(new URL(page.url()).search).toBe("?saved=email");
    expect(await page.inputValue("#settings-email input[name=email]")).toBe("");
    expect(await page.inputValue("#settings-email input[name=currentPassword]")).toBe("");
  });
});
