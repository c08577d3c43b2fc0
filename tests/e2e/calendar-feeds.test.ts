import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createAccount } from "~/accounts/accounts.server";
import { calendarTokenFor } from "~/calendar/feeds.server";
import { createDb } from "~/db.server";
import { createEvent, updateEvent } from "~/events/events.server";
import { answerGoing } from "~/events/rsvp.server";
import type { PrismaClient } from "~/generated/prisma/client";
import { daysAhead, eventInput } from "../support/fixtures";
import { startServer, type RunningServer } from "../support/e2e";

/**
 * Issue #14: what a phone re-fetching a subscribed feed gets from the built server, through
 * Express and its compression: the ETag, a 304 with no body for an unchanged feed, a new ETag
 * once an event changes, and `Vary` on the public feed.
 */
describe("calendar feeds over HTTP", () => {
  let server: RunningServer;
  let db: PrismaClient;
  let token: string;
  let eventId: string;
  const input = eventInput({ kind: "cafe", title: "Café in Yotsuya", date: daysAhead(6) });

  beforeAll(async () => {
    server = await startServer();
    db = createDb(server.databaseUrl);
    const member = await createAccount(db, {
      email: "feed@example.com",
      password: "a long passphrase",
      displayName: "Feed",
      locale: "ja",
    });
    if (!member.ok) throw new Error("no account");
    const created = await createEvent(db, input, member.user.id);
    if (!created.ok) throw new Error(JSON.stringify(created.errors));
    eventId = created.eventId;
    await answerGoing(db, {
      eventId,
      userId: member.user.id,
      children: 0,
      guests: 0,
      interpretation: null,
      note: "",
    });
    token = await calendarTokenFor(db, member.user.id);
  });

  afterAll(async () => {
    await db?.$disconnect();
    await server?.stop();
  });

  const get = (path: string, headers: Record<string, string> = {}) =>
    fetch(`${server.url}${path}`, { headers: { "Accept-Encoding": "gzip", ...headers } });

  it("revalidates the personal feed with 304 and a new ETag after an edit", async () => {
    const path = `/calendar/${token}.ics`;
    const first = await get(path);
    expect(first.status, server.log()).toBe(200);
    expect(first.headers.get("Content-Type")).toBe("text/calendar; charset=utf-8");
    expect(first.headers.get("Cache-Control")).toBe("private, no-cache");
    const etag = first.headers.get("ETag")!;
    expect(etag).toMatch(/^(W\/)?"[A-Za-z0-9_-]{20,}"$/);
    const body = await first.text();
    expect(body).toContain(`UID:event-${eventId}@tsunagu`);

    const unchanged = await get(path, { "If-None-Match": etag });
    expect(unchanged.status).toBe(304);
    expect(await unchanged.text()).toBe("");
    expect(unchanged.headers.get("ETag")).toBe(etag);
    expect(unchanged.headers.get("Cache-Control")).toBe("private, no-cache");

    await updateEvent(db, eventId, { ...input, endTime: "17:30", scope: "one" });
    const changed = await get(path, { "If-None-Match": etag });
    expect(changed.status).toBe(200);
    const newTag = changed.headers.get("ETag")!;
    expect(newTag).not.toBe(etag);
    expect(await changed.text()).not.toBe(body);
    expect((await get(path, { "If-None-Match": newTag })).status).toBe(304);
  });

  it("varies the public feed on language and revalidates it per language", async () => {
    const persian = await get("/calendar/public.ics", { "Accept-Language": "fa" });
    expect(persian.status, server.log()).toBe(200);
    expect(persian.headers.get("Cache-Control")).toBe("public, max-age=300");
    const vary = (persian.headers.get("Vary") ?? "").split(",").map((v) => v.trim());
    expect(vary).toEqual(expect.arrayContaining(["Accept-Language", "Cookie"]));
    const etag = persian.headers.get("ETag")!;
    await persian.text();

    const again = await get("/calendar/public.ics", {
      "Accept-Language": "fa",
      "If-None-Match": etag,
    });
    expect(again.status).toBe(304);
    expect(await again.text()).toBe("");
    const french = await get("/calendar/public.ics", {
      "Accept-Language": "fr",
      "If-None-Match": etag,
    });
    expect(french.status).toBe(200);
    expect(french.headers.get("ETag")).not.toBe(etag);
  });
});
