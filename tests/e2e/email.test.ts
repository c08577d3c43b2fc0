import fs from "node:fs";
import path from "node:path";
import ICAL from "ical.js";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDb } from "~/db.server";
import { createEvent } from "~/events/events.server";
import {
  act,
  expectNoAxeViolations,
  go,
  logIn,
  mailFor,
  settle,
  signUp,
  submit,
} from "../support/browser";
import {
  browserAvailability,
  launchBrowser,
  newPhonePage,
  startServer,
  type RunningServer,
} from "../support/e2e";
import { daysAhead, eventInput } from "../support/fixtures";
import { projectRoot } from "../support/paths";

/**
 * Issue #4's email journey on a 360 px phone without JavaScript: a Persian-reading member says
 * yes to a café; the built-in sender delivers the confirmation to the dev mailbox in Persian
 * with the .ics attached; the unsubscribe link works on another device without logging in;
 * settings show the choice and take a reminder time.
 */
const availability = browserAvailability();
const fa = JSON.parse(fs.readFileSync(path.join(projectRoot, "app/i18n/locales/fa.json"), "utf8"));
const password = "a long passphrase";

let server: RunningServer;
let browser: Browser;
let eventId = "";
let mina: Page;

beforeAll(async () => {
  if (!availability.run) return;
  [server, browser] = await Promise.all([startServer(), launchBrowser()]);
  const db = createDb(server.databaseUrl);
  try {
    const organizer = await db.user.create({
      data: {
        id: "organizer-email-e2e",
        email: "aiko-email@example.com",
        displayName: "Aiko",
        passwordHash: "unused",
        role: "organizer",
      },
    });
    const created = await createEvent(
      db,
      eventInput({ title: "Friday café", date: daysAhead(9), capacity: 20 }),
      organizer.id,
    );
    if (!created.ok) throw new Error(JSON.stringify(created.errors));
    eventId = created.eventId;
  } finally {
    await db.$disconnect();
  }
  mina = await newPhonePage(browser, { baseURL: server.url, javaScript: false, locale: "fa-IR" });
  await signUp(mina, { name: "مینا", email: "mina-email@example.com", password });
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe.skipIf(!availability.run)("emails on a phone", () => {
  let unsubscribeLink = "";

  it("a Persian confirmation with its calendar file arrives in the dev mailbox", async () => {
    await go(mina, `/events/${eventId}`);
    await submit(mina, "#rsvp");
    await expect
      .poll(() => mina.getByRole("status").first().textContent(), settle)
      .toContain(fa.rsvp.confirmed);

    const mailbox = await newPhonePage(browser, { baseURL: server.url, javaScript: false });
    const mail = await mailFor(mailbox, "mina-email@example.com", "event.ics");
    const subject = await mail.locator("h2").textContent();
    expect(subject).toContain(fa.mail.gathering.cafe);
    expect(subject).not.toContain("Friday café"); // the lock screen shows the kind, not the title
    const text = await mail.locator("pre").textContent();
    expect(text).toContain(fa.mail.greeting.replace("{{name}}", "مینا"));
    expect(text).toContain("7-1 Kioicho");

    const attachment = mail.locator('a[download="event.ics"]');
    const response = await mailbox.request.get((await attachment.getAttribute("href"))!);
    expect(response.headers()["content-type"]).toMatch(/^text\/calendar/);
    const vevent = new ICAL.Component(ICAL.parse(await response.text())).getFirstSubcomponent(
      "vevent",
    )!;
    expect(vevent.getFirstPropertyValue("uid")).toBe(`event-${eventId}@tsunagu`);
    // The calendar, like the subject, shows the kind on the lock screen; the title is in the notes.
    expect(vevent.getFirstPropertyValue("summary")).toBe(fa.mail.gathering.cafe);
    expect(vevent.getFirstPropertyValue("description")).toContain("Friday café");

    unsubscribeLink = (await mail
      .getByRole("link", { name: /List-Unsubscribe|لغو|unsubscribe/i })
      .first()
      .getAttribute("href"))!;
    expect(unsubscribeLink).toMatch(/\/unsubscribe\/[\w-]+\/rsvp_confirmed$/);
    await mailbox.context().close();
  });

  it("the unsubscribe link works on another device, without logging in", async () => {
    const elsewhere = await newPhonePage(browser, {
      baseURL: server.url,
      javaScript: false,
      locale: "fa-IR",
    });
    await go(elsewhere, new URL(unsubscribeLink).pathname);
    expect(await elsewhere.locator("h1").textContent()).toBe(fa.unsubscribe.title);
    await act(elsewhere, () =>
      elsewhere.getByRole("button", { name: fa.unsubscribe.confirm }).click(),
    );
    const what = fa.mailKinds.rsvp_confirmed;
    await expect
      .poll(() => elsewhere.getByRole("status").first().textContent(), settle)
      .toContain(fa.unsubscribe.done.replace("{{what}}", what));
    expect(await elsewhere.getByRole("button", { name: fa.unsubscribe.undo }).count()).toBe(1);
    await elsewhere.context().close();

    // axe needs JavaScript; this page is checked as a scripted browser shows it.
    const scripted = await newPhonePage(browser, { baseURL: server.url, locale: "fa-IR" });
    await go(scripted, new URL(unsubscribeLink).pathname);
    await expectNoAxeViolations(scripted);
    await scripted.context().close();
  });

  it("settings show the choice, and take a reminder two hours before", async () => {
    await go(mina, "/settings");
    expect(await mina.isChecked("#wanted-rsvp_confirmed")).toBe(false);
    expect(await mina.isChecked("#wanted-rsvp_waitlisted")).toBe(true);
    await mina.selectOption("#emails select[name=reminderLead]", "2h");
    await submit(mina, "#emails form");
    await expect
      .poll(() => mina.locator("#emails").textContent(), settle)
      .toContain(fa.settings.emailsSaved);
    expect(await mina.inputValue("#emails select[name=reminderLead]")).toBe("2h");

    const scripted = await newPhonePage(browser, { baseURL: server.url, locale: "fa-IR" });
    await logIn(scripted, "mina-email@example.com", password);
    await go(scripted, "/settings");
    expect(await scripted.inputValue("#emails select[name=reminderLead]")).toBe("2h");
    await expectNoAxeViolations(scripted);
    await scripted.context().close();
  });
});
