import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createAccount } from "~/accounts/accounts.server";
import { createDb } from "~/db.server";
import { createEvent } from "~/events/events.server";
import { localeCookie } from "~/i18n/i18next.server";
import { startServer, type RunningServer } from "../support/e2e";
import { daysAhead, eventInput } from "../support/fixtures";
import { logIn } from "../support/http";

/**
 * Issue #14 (pages): the events list is the same for every visitor in one language, so the
 * built server lets browsers and shared caches keep it and revalidate it (ETag, 304), varying on
 * what picks the language; a signed-in member's list is personal and is never stored.
 */
const password = "a long passphrase";
const member = { email: "hana-cache@example.com", name: "Hana Cache" };

let server: RunningServer;
let organizerId = "";

beforeAll(async () => {
  server = await startServer({ env: { TSUNAGU_SENDER: "off" } });
  const db = createDb(server.databaseUrl);
  try {
    const made = await createAccount(db, {
      email: member.email,
      password,
      displayName: member.name,
      locale: "en",
    });
    if (!made.ok) throw new Error("no account");
    organizerId = made.user.id;
    await db.user.update({ where: { id: organizerId }, data: { role: "organizer" } });
    const one = await createEvent(db, eventInput({ date: daysAhead(5) }), organizerId);
    if (!one.ok) throw new Error("no event");
  } finally {
    await db.$disconnect();
  }
}, 90_000);

afterAll(async () => {
  await server?.stop();
});

const get = (path: string, headers: Record<string, string> = {}) =>
  fetch(server.url + path, { headers: { "Accept-Language": "en", ...headers } });

const varyOf = (response: Response) =>
  (response.headers.get("Vary") ?? "")
    .split(",")
    .map((v) => v.trim().toLowerCase())
    .filter(Boolean);

describe("the events list for visitors", () => {
  it("may be stored by any cache, varies on what picks the language, and carries a weak ETag", async () => {
    const response = await get("/events");
    expect(response.status).toBe(200);
    expect(response.headers.get("Cache-Control")).toBe("public, no-cache");
    expect(varyOf(response)).toEqual(expect.arrayContaining(["cookie", "accept-language"]));
    expect(response.headers.get("ETag")).toMatch(/^W\/"[\w-]+"$/);
    expect(response.headers.getSetCookie()).toEqual([]);
    expect(await response.text()).toContain("Refugee Café");
  });

  it("answers 304 with no body and no new CSP nonce when the visitor already has this version", async () => {
    const first = await get("/events");
    const etag = first.headers.get("ETag")!;
    expect(first.headers.get("Content-Security-Policy")).toContain("'nonce-");
    await first.text();
    const again = await get("/events", { "If-None-Match": etag });
    expect(again.status).toBe(304);
    expect(await again.text()).toBe("");
    expect(again.headers.get("ETag")).toBe(etag);
    expect(again.headers.get("Cache-Control")).toBe("public, no-cache");
    expect(varyOf(again)).toEqual(expect.arrayContaining(["cookie", "accept-language"]));
    // The kept copy's scripts carry the kept copy's nonce; a new policy would block them.
    expect(again.headers.get("Content-Security-Policy")).toBeNull();
    // A list of tags, as caches send it, is understood too.
    const listed = await get("/events", { "If-None-Match": `W/"other", ${etag}` });
    expect(listed.status).toBe(304);
  });

  it("is rendered once per version, yet every copy has its own nonce, the one its policy names", async () => {
    const copies = await Promise.all(
      [1, 2].map(async () => {
        const response = await get("/events?kind=cafe");
        const policy = response.headers.get("Content-Security-Policy") ?? "";
        return { nonce: /'nonce-([^']+)'/.exec(policy)?.[1], body: await response.text() };
      }),
    );
    const [one, two] = copies as [(typeof copies)[0], (typeof copies)[0]];
    expect(one.nonce).toBeTruthy();
    expect(two.nonce).toBeTruthy();
    expect(one.nonce).not.toBe(two.nonce);
    for (const copy of copies) {
      const nonces = [...copy.body.matchAll(/nonce="([^"]*)"/g)].map((m) => m[1]);
      expect(nonces.length).toBeGreaterThan(0);
      expect(new Set(nonces)).toEqual(new Set([copy.nonce]));
      expect(copy.body).not.toMatch(/shared-[0-9a-f]{32}/);
    }
    expect(one.body.replaceAll(one.nonce!, "N")).toBe(two.body.replaceAll(two.nonce!, "N"));
  });

  it("has another ETag in another language, however the language is chosen", async () => {
    const english = (await get("/events")).headers.get("ETag")!;
    const persianCookie = (await localeCookie.serialize("fa")).split(";")[0]!;
    for (const headers of [{ "Accept-Language": "ja" }, { Cookie: persianCookie }] as Record<
      string,
      string
    >[]) {
      const other = await get("/events", { ...headers, "If-None-Match": english });
      expect(other.status).toBe(200);
      expect(other.headers.get("ETag")).not.toBe(english);
      await other.text();
    }
    const byQuery = await get("/events?lng=ar", { "If-None-Match": english });
    expect(byQuery.status).toBe(200);
    expect(byQuery.headers.get("ETag")).not.toBe(english);
  });

  it("gets the new list, not a 304, once an event changes", async () => {
    const before = (await get("/events")).headers.get("ETag")!;
    const db = createDb(server.databaseUrl);
    try {
      const added = await createEvent(
        db,
        eventInput({ title: "Evening yoga", kind: "yoga", date: daysAhead(6) }),
        organizerId,
      );
      expect(added.ok).toBe(true);
    } finally {
      await db.$disconnect();
    }
    const after = await get("/events", { "If-None-Match": before });
    expect(after.status).toBe(200);
    expect(after.headers.get("ETag")).not.toBe(before);
    expect(await after.text()).toContain("Evening yoga");
  });
});

describe("the events list for a signed-in member", () => {
  it("is never stored, has no ETag, and is never answered from a visitor's version", async () => {
    const cookie = await logIn(server.url, member.email, password);
    const visitorEtag = (await get("/events")).headers.get("ETag")!;
    for (const path of ["/events", "/events?kind=yoga", "/events?page=2"]) {
      const response = await get(path, { Cookie: cookie, "If-None-Match": visitorEtag });
      expect(response.status).toBe(200);
      expect(response.headers.get("Cache-Control")).toBe("private, no-store");
      expect(response.headers.get("Cache-Control")).not.toMatch(/public/);
      expect(response.headers.get("ETag")).toBeNull();
      expect(varyOf(response)).toEqual(expect.arrayContaining(["cookie", "accept-language"]));
      expect(await response.text()).toContain(member.name);
    }
  });
});
