import { describe, expect, it } from "vitest";
import { createAccount } from "~/accounts/accounts.server";
import { calendarTokenFor, saveCalendarTitleSetting } from "~/calendar/feeds.server";
import { ifNoneMatchHits } from "~/calendar/http.server";
import { db } from "~/db.server";
import { cancelEvent, createEvent, saveTranslation, updateEvent } from "~/events/events.server";
import { answerGoing, cancelAnswer } from "~/events/rsvp.server";
import type { CreateEventInput } from "~/events/schemas";
import { localeCookie } from "~/i18n/i18next.server";
import * as personalRoute from "~/routes/calendar.$token";
import * as publicRoute from "~/routes/calendar.public[.]ics";
import { daysAhead, eventInput } from "../support/fixtures";
import { context, getRequest, respond } from "../support/requests";

let n = 0;
async function account(locale: "en" | "fa" = "en") {
  const created = await createAccount(db(), {
    email: `cal-http-${++n}-${crypto.randomUUID()}@example.com`,
    password: "a long passphrase",
    displayName: `Person ${n}`,
    locale,
  });
  if (!created.ok) throw new Error("no account");
  return created.user.id;
}

function form(overrides: Partial<CreateEventInput> = {}): CreateEventInput {
  return eventInput({ kind: "yoga", title: "Gentle yoga", date: daysAhead(9), ...overrides });
}

async function event(overrides: Partial<CreateEventInput> = {}) {
  const created = await createEvent(db(), form(overrides), await account());
  if (!created.ok) throw new Error(JSON.stringify(created.errors));
  return created.eventId;
}

const going = (eventId: string, userId: string) =>
  answerGoing(db(), { eventId, userId, children: 0, guests: 0, interpretation: null, note: "" });

function personal(token: string, headers: Record<string, string> = {}) {
  return respond(() =>
    personalRoute.loader({
      request: getRequest(`/calendar/${token}.ics`, headers),
      params: { token: `${token}.ics` },
      context,
    }),
  );
}

function everyone(query: string, headers: Record<string, string> = {}) {
  return respond(() =>
    publicRoute.loader({
      request: getRequest(`/calendar/public.ics${query}`, headers),
      params: {},
      context,
    }),
  );
}

/** A 200 with a body and a strong ETag, then the same request with it answers 304 and no body. */
async function expectRevalidates(
  fetchFeed: (headers?: Record<string, string>) => Promise<Response>,
) {
  const full = await fetchFeed();
  expect(full.status).toBe(200);
  const etag = full.headers.get("ETag")!;
  expect(etag).toMatch(/^"[A-Za-z0-9_-]{20,}"$/);
  const body = await full.text();
  expect(body).toContain("BEGIN:VCALENDAR");

  const again = await fetchFeed({ "If-None-Match": etag });
  expect(again.status).toBe(304);
  expect(await again.text()).toBe("");
  expect(again.headers.get("ETag")).toBe(etag);
  expect(again.headers.get("Cache-Control")).toBe(full.headers.get("Cache-Control"));
  expect(again.headers.get("Vary")).toBe(full.headers.get("Vary"));
  return { etag, body };
}

describe("If-None-Match", () => {
  it("matches the tag in a list, a weak form of it, or *; nothing else", () => {
    expect(ifNoneMatchHits('"a", "b"', '"b"')).toBe(true);
    expect(ifNoneMatchHits('W/"b"', '"b"')).toBe(true);
    expect(ifNoneMatchHits("*", '"b"')).toBe(true);
    expect(ifNoneMatchHits('"a"', '"b"')).toBe(false);
    expect(ifNoneMatchHits('"ab"', '"b"')).toBe(false);
    expect(ifNoneMatchHits(null, '"b"')).toBe(false);
  });
});

describe("the personal feed answers conditional requests", () => {
  it("sends a private ETag, answers 304 while nothing changed, and a new ETag after every change it shows", async () => {
    const small = await event({ title: "Small class", capacity: 1 });
    const cafe = await event({ kind: "cafe", title: "Big café", capacity: 30 });
    const first = await account();
    const me = await account("fa");
    await going(small, first);
    await going(small, me); // waitlisted
    await going(cafe, me);
    const token = await calendarTokenFor(db(), me);
    const feed = (headers: Record<string, string> = {}) => personal(token, headers);

    const seen = new Set<string>();
    const initial = await expectRevalidates(feed);
    expect((await feed()).headers.get("Cache-Control")).toBe("private, no-cache");
    seen.add(initial.etag);
    // A full fetch with a stale tag renders again; unchanged data gives the same tag and bytes.
    const stale = await feed({ "If-None-Match": '"not-this-one"' });
    expect(stale.status).toBe(200);
    expect(stale.headers.get("ETag")).toBe(initial.etag);
    expect(await stale.text()).toBe(initial.body);

    const changes: [string, () => Promise<unknown>][] = [
      [
        "an edit",
        () =>
          updateEvent(db(), cafe, {
            ...form({ kind: "cafe", title: "Big café", capacity: 30, endTime: "17:00" }),
            scope: "one",
          }),
      ],
      [
        "a translation in the member's language",
        () => saveTranslation(db(), cafe, { locale: "fa", title: "کافهٔ بزرگ", description: "" }),
      ],
      [
        "a promotion from the waitlist",
        () => cancelAnswer(db(), { eventId: small, userId: first }),
      ],
      ["the full-titles setting", () => saveCalendarTitleSetting(db(), me, true)],
      [
        "the member's language",
        () => db().user.update({ where: { id: me }, data: { locale: "ar" } }),
      ],
      ["a cancellation", () => cancelEvent(db(), small)],
      ["leaving an event", () => cancelAnswer(db(), { eventId: cafe, userId: me })],
    ];
    let previous = initial;
    for (const [what, change] of changes) {
      await change();
      const old = await feed({ "If-None-Match": previous.etag });
      expect(old.status, what).toBe(200);
      const next = await expectRevalidates(feed);
      expect(seen.has(next.etag), what).toBe(false);
      expect(next.body, what).not.toBe(previous.body);
      seen.add(next.etag);
      previous = next;
    }
  });

  it("gives two members with the same events different ETags", async () => {
    const id = await event();
    const a = await account();
    const b = await account();
    await going(id, a);
    await going(id, b);
    const tagA = (await personal(await calendarTokenFor(db(), a))).headers.get("ETag");
    const tagB = (await personal(await calendarTokenFor(db(), b))).headers.get("ETag");
    expect(tagA).not.toBe(tagB);
  });
});

describe("the public feed answers conditional requests", () => {
  it("varies on language, sends a public ETag per language and kind, and changes it when an event changes", async () => {
    const id = await event({ kind: "discussion", title: "Talk about housing" });
    const feed = (headers: Record<string, string> = {}) =>
      everyone("?kind=discussion&lng=fa", headers);
    const { etag } = await expectRevalidates(feed);
    const full = await feed();
    expect(full.headers.get("Cache-Control")).toBe("public, max-age=300");
    expect(full.headers.get("Vary")).toBe("Accept-Language, Cookie");

    // The language decides the bytes however it was chosen, so it decides the tag.
    const english = (await everyone("?kind=discussion&lng=en")).headers.get("ETag");
    expect(english).not.toBe(etag);
    const byHeader = await everyone("?kind=discussion", {
      "Accept-Language": "fa",
      "If-None-Match": etag,
    });
    expect(byHeader.status).toBe(304);
    const cookie = (await localeCookie.serialize("fa")).split(";")[0]!;
    const byCookie = await everyone("?kind=discussion", { Cookie: cookie, "If-None-Match": etag });
    expect(byCookie.status).toBe(304);
    expect((await everyone("?kind=yoga&lng=fa")).headers.get("ETag")).not.toBe(etag);

    await saveTranslation(db(), id, {
      locale: "fa",
      title: "گفت‌وگو دربارهٔ خانه",
      description: "",
    });
    const changed = await feed({ "If-None-Match": etag });
    expect(changed.status).toBe(200);
    expect(changed.headers.get("ETag")).not.toBe(etag);
    expect(await changed.text()).toContain("گفت‌وگو");
    await expectRevalidates(feed);
  });
});
