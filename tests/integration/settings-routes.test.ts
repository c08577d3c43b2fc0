import { describe, expect, it } from "vitest";
import { calendarTokenFor } from "~/calendar/feeds.server";
import { db } from "~/db.server";
import { mailPreferences } from "~/notifications/preferences.server";
import * as settings from "~/routes/settings";
import { settingsForms, type SettingsForm } from "~/utils/settings-sections";
import { createPerson } from "../support/people";
import { context, getRequest, origin, respond } from "../support/requests";
import { postSettings, savedLocation, settingsActions } from "../support/settings";
import { startSession } from "~/accounts/sessions.server";

const forms = Object.keys(settingsForms) as SettingsForm[];

async function member() {
  const person = await createPerson();
  const cookie = (await startSession(person.id)).split(";")[0]!;
  return { person, cookie };
}

function layout(path: string, cookie: string) {
  return respond(() =>
    settings.loader({ request: getRequest(path, { Cookie: cookie }), params: {}, context }),
  );
}

/** Posts a raw body to a child route, as a client other than our page might. */
function postRaw(form: SettingsForm, cookie: string, body: BodyInit, type?: string) {
  const headers = new Headers({ Origin: origin, Cookie: cookie });
  if (type) headers.set("Content-Type", type);
  const request = new Request(`${origin}/settings/${form}`, { method: "POST", body, headers });
  const action = settingsActions[form] as (args: {
    request: Request;
    params: Record<string, string>;
    context: { clientIp: string };
  }) => Promise<Response>;
  return respond(() => action({ request, params: {}, context }));
}

describe("the settings layout", () => {
  it("names the form just saved, and only a form of the page", async () => {
    const { cookie } = await member();
    const savedOf = async (query: string) =>
      (await (await layout(`/settings${query}`, cookie)).json()).saved;
    expect(await savedOf("")).toBeNull();
    for (const form of forms.filter((f) => f !== "delete")) {
      expect(await savedOf(`?saved=${form}`)).toBe(form);
    }
    for (const other of ["delete", "intent", "__proto__", "toString", "", "Profile"]) {
      expect(await savedOf(`?saved=${encodeURIComponent(other)}`)).toBeNull();
    }
    // The password-reset landing still works beside it.
    expect((await (await layout("/settings?reset=1", cookie)).json()).justReset).toBe(true);
  });
});

describe("each settings form's own route", () => {
  it("sends a visitor without a session to log in, and back to this form's address", async () => {
    for (const form of forms) {
      const response = await postSettings(form, {}, "");
      expect(response.status, form).toBe(302);
      expect(response.headers.get("Location"), form).toBe(
        `/login?redirectTo=${encodeURIComponent(`/settings/${form}`)}`,
      );
    }
  });

  it("saves the email choices and redirects to their section", async () => {
    const { person, cookie } = await member();
    const response = await postSettings(
      "notifications",
      { wanted: "rsvp_confirmed", reminderLead: "2h" },
      cookie,
    );
    expect(response.status).toBe(302);
    expect(response.headers.get("Location")).toBe(savedLocation("notifications"));
    expect(response.headers.get("Location")).toMatch(/#emails$/);
    const saved = await mailPreferences(db(), person.id);
    expect(saved.reminderLead).toBe("2h");
    expect(saved.optedOut).toContain("rsvp_waitlisted");
    expect(saved.optedOut).not.toContain("rsvp_confirmed");
  });

  it("refuses made-up email choices with the field's error, and saves nothing", async () => {
    const { person, cookie } = await member();
    const response = await postSettings("notifications", { reminderLead: "1y" }, cookie);
    expect(response.status).toBe(400);
    expect((await response.json()).result.error.reminderLead).toEqual(["errors.invalidChoice"]);
    expect((await mailPreferences(db(), person.id)).reminderLead).toBe("1d");
  });

  it("gives the calendar a new address and redirects to its section", async () => {
    const { person, cookie } = await member();
    const before = await calendarTokenFor(db(), person.id);
    const response = await postSettings("calendar-link", {}, cookie);
    expect(response.status).toBe(302);
    expect(response.headers.get("Location")).toBe(savedLocation("calendar-link"));
    expect(await calendarTokenFor(db(), person.id)).not.toBe(before);
  });

  it("keeps the typed fields but never the passwords in a refused form's reply", async () => {
    const { cookie } = await member();
    const response = await postSettings(
      "email",
      { email: "not-an-address", currentPassword: "my secret words" },
      cookie,
    );
    expect(response.status).toBe(400);
    const body = JSON.stringify(await response.json());
    expect(body).toContain("not-an-address");
    expect(body).toContain("errors.emailInvalid");
    expect(body).not.toContain("my secret words");
  });

  it.each(forms)("answers 4xx, never 500, to bodies no form of ours sends (%s)", async (form) => {
    const { person, cookie } = await member();
    // What these forms could change (the session check itself touches other columns).
    const select = {
      email: true,
      displayName: true,
      locale: true,
      passwordHash: true,
      describesAsWoman: true,
      calendarFullTitles: true,
    } as const;
    const before = await db().user.findUniqueOrThrow({ where: { id: person.id }, select });
    const token = await calendarTokenFor(db(), person.id);
    const preferences = await mailPreferences(db(), person.id);
    const urlencoded = "application/x-www-form-urlencoded";
    const bodies: [string, BodyInit, string | undefined, number][] = [
      ["JSON", JSON.stringify({ answer: "yes", displayName: "X" }), "application/json", 415],
      ["no content type", "answer=yes", undefined, 415],
      ["oversized", `x=${"y".repeat(70 * 1024)}`, urlencoded, 413],
      ["a prototype field name", "__proto__=1", urlencoded, 400],
      ["a huge array index", "wanted[10000000]=rsvp_confirmed", urlencoded, 400],
      ["broken multipart", "--x\r\nnonsense", "multipart/form-data; boundary=x", 400],
    ];
    for (const [name, body, type, status] of bodies) {
      const response = await postRaw(form, cookie, body, type);
      expect(response.status, name).toBe(status);
    }
    // Missing or NUL-only fields: every form that asks for something refuses them.
    if (form !== "calendar-link" && form !== "calendar-titles") {
      expect((await postSettings(form, {}, cookie)).status).toBe(400);
      const nul = await postRaw(
        form,
        cookie,
        "displayName=%00&locale=%00&email=%00&currentPassword=%00&newPassword=%00&answer=%00&reminderLead=%00&confirm=%00",
        urlencoded,
      );
      expect(nul.status).toBe(400);
    }
    const after = await db().user.findUniqueOrThrow({ where: { id: person.id }, select });
    expect(after).toEqual(before);
    expect(await calendarTokenFor(db(), person.id)).toBe(token);
    expect(await mailPreferences(db(), person.id)).toEqual(preferences);
  });

  it("refuses a calendar-titles value the box cannot send", async () => {
    const { cookie } = await member();
    expect((await postSettings("calendar-titles", { fullTitles: "maybe" }, cookie)).status).toBe(
      400,
    );
  });
});
