import { describe, expect, it, vi } from "vitest";
import { getAuth } from "~/accounts/sessions.server";
import * as events from "~/routes/events._index";
import { db } from "~/db.server";
import { localeCookie } from "~/i18n/i18next.server";
import * as healthz from "~/routes/healthz";
import * as language from "~/routes/language";
import * as locales from "~/routes/locales.$lng";
import { loader as rootLoader } from "~/root";
import { testEngine } from "../support/database";
import { context, cookieFrom, formRequest, getRequest, respond } from "../support/requests";
import { signUpAndConfirm } from "../support/signup";

const args = (request: Request) => ({ request, params: {}, context });

async function localeFor(path: string, headers: Record<string, string> = {}) {
  const response = await respond(() => rootLoader(args(getRequest(path, headers))));
  return (await response.json()).locale as string;
}

describe("language detection", () => {
  it("uses ?lng first, then the cookie, then the saved preference, then Accept-Language", async () => {
    const { cookie: session } = await signUpAndConfirm({
      displayName: "Amal",
      email: "amal@example.com",
      password: "a long passphrase",
    });
    await db().user.update({ where: { email: "amal@example.com" }, data: { locale: "ar" } });
    const japaneseCookie = (await localeCookie.serialize("ja")).split(";")[0];

    expect(await localeFor("/", {})).toBe("en");
    expect(await localeFor("/", { "Accept-Language": "fr-FR,fr;q=0.9,en;q=0.5" })).toBe("fr");
    expect(await localeFor("/", { "Accept-Language": "fr", Cookie: session })).toBe("ar");
    expect(await localeFor("/", { Cookie: `${session}; ${japaneseCookie}` })).toBe("ja");
    expect(await localeFor("/?lng=fa", { Cookie: `${session}; ${japaneseCookie}` })).toBe("fa");
    expect(await localeFor("/?lng=ja-x-easy")).toBe("ja-x-easy");
    expect(await localeFor("/?lng=klingon", { "Accept-Language": "fa" })).toBe("fa");
  });

  it("switches language without an account, going back to the same page", async () => {
    const response = await respond(() =>
      language.action(args(formRequest("/language", { lng: "fa", redirectTo: "/signup?x=1" }))),
    );
    expect(response.status).toBe(302);
    expect(response.headers.get("Location")).toBe("/signup?x=1");
    const cookie = cookieFrom(response, "lng");
    expect(await localeFor("/", { Cookie: cookie })).toBe("fa");
  });

  it("saves the switch for a signed-in person", async () => {
    const { cookie: session } = await signUpAndConfirm({
      displayName: "Jean",
      email: "jean@example.com",
      password: "a long passphrase",
    });
    await respond(() =>
      language.action(args(formRequest("/language", { lng: "fr", redirectTo: "/" }, session))),
    );
    expect(
      (await db().user.findUniqueOrThrow({ where: { email: "jean@example.com" } })).locale,
    ).toBe("fr");
  });

  it("ignores an unknown language and a redirect to another site", async () => {
    const response = await respond(() =>
      language.action(
        args(formRequest("/language", { lng: "xx", redirectTo: "https://evil.example" })),
      ),
    );
    expect(response.headers.get("Location")).toBe("/");
    expect(response.headers.get("Set-Cookie")).toBeNull();
  });

  it("serves translations with long caching only for the current version", async () => {
    const rootData = await (await respond(() => rootLoader(args(getRequest("/"))))).json();
    const versioned = await respond(() =>
      locales.loader({
        ...args(getRequest(`/locales/fa?v=${rootData.i18nVersion}`)),
        params: { lng: "fa" },
      }),
    );
    expect(versioned.headers.get("Cache-Control")).toContain("immutable");
    expect((await versioned.json()).nav.logIn).toBeTruthy();
    const unknown = await respond(() =>
      locales.loader({ ...args(getRequest("/locales/xx")), params: { lng: "xx" } }),
    );
    expect(unknown.status).toBe(404);
  });
});

describe("health", () => {
  it("answers 200 when the database is reachable, with the engine and migration state", async () => {
    const response = await respond(() => healthz.loader());
    expect(response.status).toBe(200);
    expect(response.headers.get("cache-control")).toBe("no-store");
    const health = await response.json();
    expect(health).toMatchObject({ engine: testEngine, database: "reachable", ready: true });
    expect(health.migrations.pending).toEqual([]);
    expect(health.migrations.applied).toBeGreaterThan(0);
    expect(health.migrations.newest).toMatch(/^\d{14}_/);
  });
});

describe("one visit, several loaders", () => {
  it("validates the session and picks the language once for the root and the page's loader", async () => {
    const { cookie } = await signUpAndConfirm({
      displayName: "Nadia",
      email: "nadia-once@example.com",
      password: "a long passphrase",
    });
    await db().user.update({ where: { email: "nadia-once@example.com" }, data: { locale: "fa" } });
    const validate = vi.spyOn(getAuth(), "validateSession");
    try {
      // As server.js does: one store per request; Remix gives each loader its own Request.
      const visit = { ...context, perRequest: new Map() };
      const [root, page] = await Promise.all([
        respond(() =>
          rootLoader({
            request: getRequest("/events", { Cookie: cookie }),
            params: {},
            context: visit,
          }),
        ),
        respond(() =>
          events.loader({
            request: getRequest("/events", { Cookie: cookie }),
            params: {},
            context: visit,
          }),
        ),
      ]);
      expect(validate).toHaveBeenCalledTimes(1);
      expect((await root.json()).locale).toBe("fa");
      expect((await page.json()).locale).toBe("fa");
      expect(page.headers.get("Cache-Control")).toBe("private, no-store");

      // Without a shared store (another visit), each asks again: nothing leaks between visits.
      validate.mockClear();
      await respond(() => rootLoader(args(getRequest("/events", { Cookie: cookie }))));
      await respond(() => rootLoader(args(getRequest("/events", { Cookie: cookie }))));
      expect(validate).toHaveBeenCalledTimes(2);
    } finally {
      validate.mockRestore();
    }
  });
});
