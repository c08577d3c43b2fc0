import ICAL from "ical.js";
import { describe, expect, it } from "vitest";
import { createAccount } from "~/accounts/accounts.server";
import { calendarEntry, calendarTokenFor, regenerateCalendarToken } from "~/calendar/feeds.server";
import { personalFeed } from "~/calendar/subscriptions.server";
import { buildCalendar } from "~/calendar/ics.server";
import { parseEnv } from "~/env.server";
import { db } from "~/db.server";
import { cancelEvent, createEvent, saveTranslation, updateEvent } from "~/events/events.server";
import { answerGoing, cancelAnswer } from "~/events/rsvp.server";
import { getFixedT } from "~/i18n/i18next.server";
import { renderMessage } from "~/notifications/templates.server";
import type { CreateEventInput } from "~/events/schemas";
import * as personalRoute from "~/routes/calendar.$token";
import * as publicRoute from "~/routes/calendar.public[.]ics";
import * as eventIcs from "~/routes/events.$id.calendar[.]ics";
import { daysAhead, eventInput } from "../support/fixtures";
import { context, getRequest, respond } from "../support/requests";
import { postSettings, savedLocation } from "../support/settings";
import { signUpAndConfirm } from "../support/signup";

const address = "7-1 Kioicho, Chiyoda-ku, Tokyo";
let n = 0;

async function account(locale: "en" | "fa" = "en") {
  const created = await createAccount(db(), {
    email: `cal-${++n}-${crypto.randomUUID()}@example.com`,
    password: "a long passphrase",
    displayName: `Person ${n}`,
    locale,
  });
  if (!created.ok) throw new Error("no account");
  return created.user.id;
}

function form(overrides: Partial<CreateEventInput> = {}): CreateEventInput {
  return eventInput({
    kind: "yoga",
    title: "Gentle yoga",
    description: "Mats provided.",
    languages: ["en"],
    date: daysAhead(10),
    endTime: "15:30",
    venueName: "Sophia University",
    venueAddress: address,
    capacity: 1,
    ...overrides,
  });
}

async function event(overrides: Partial<CreateEventInput> = {}) {
  const created = await createEvent(db(), form(overrides), await account());
  if (!created.ok) throw new Error(JSON.stringify(created.errors));
  return created.eventId;
}

/** Parsed with ical.js (Mozilla's parser), an independent judge of what we generate. */
function parse(text: string) {
  const calendar = new ICAL.Component(ICAL.parse(text));
  for (const zone of calendar.getAllSubcomponents("vtimezone")) ICAL.TimezoneService.register(zone);
  const events = calendar.getAllSubcomponents("vevent").map((vevent) => {
    const parsed = new ICAL.Event(vevent);
    return {
      uid: parsed.uid,
      summary: parsed.summary,
      description: parsed.description,
      location: parsed.location,
      sequence: parsed.sequence,
      status: vevent.getFirstPropertyValue("status"),
      start: parsed.startDate.toJSDate(),
      end: parsed.endDate.toJSDate(),
      tzid: vevent.getFirstProperty("dtstart")!.getParameter("tzid"),
      url: vevent.getFirstPropertyValue("url"),
      lastModified: (vevent.getFirstPropertyValue("last-modified") as ICAL.Time | null)
        ?.toJSDate()
        .getTime(),
      alarms: vevent
        .getAllSubcomponents("valarm")
        .map((a) => String(a.getFirstPropertyValue("trigger"))),
      alarmTexts: vevent
        .getAllSubcomponents("valarm")
        .map((a) => String(a.getFirstPropertyValue("description"))),
    };
  });
  return {
    calendar,
    events,
    zones: calendar.getAllSubcomponents("vtimezone").map((z) => z.getFirstPropertyValue("tzid")),
  };
}

async function text(response: Response) {
  expect(response.headers.get("Content-Type")).toBe("text/calendar; charset=utf-8");
  return response.text();
}

const ics = (id: string, cookie?: string) =>
  respond(() =>
    eventIcs.loader({
      request: getRequest(`/events/${id}/calendar.ics`, cookie ? { Cookie: cookie } : {}),
      params: { id },
      context,
    }),
  );

describe("one event's .ics", () => {
  it("has local time with Tokyo's VTIMEZONE, a stable UID, an alarm, the URL, and no hidden address for visitors", async () => {
    const id = await event();
    const stored = await db().event.findUniqueOrThrow({ where: { id } });
    const body = await text(await ics(id));
    expect(body.endsWith("END:VCALENDAR\r\n")).toBe(true);
    const { events, zones, calendar } = parse(body);
    expect(zones).toEqual(["Asia/Tokyo"]);
    expect(events).toHaveLength(1);
    const [e] = events;
    // A lock screen shows the kind only; the organizers' title is in the notes.
    expect(calendar.getFirstPropertyValue("x-wr-calname")).toBe("Yoga");
    expect(e).toMatchObject({
      uid: `event-${id}@tsunagu`,
      summary: "Yoga",
      alarmTexts: ["Yoga"],
      sequence: 0,
      status: "CONFIRMED",
      tzid: "Asia/Tokyo",
    });
    expect(e!.start.getTime()).toBe(stored.startsAt.getTime());
    expect(e!.end.getTime()).toBe(stored.endsAt.getTime());
    expect(e!.alarms).toEqual(["-PT2H"]);
    expect(e!.url).toBe(`http://localhost:3000/events/${id}`);
    expect(e!.location).toBe("Sophia University");
    expect(e!.description).toContain("Gentle yoga");
    expect(e!.description).toContain("Mats provided.");
  });

  it("shows the address to a confirmed attendee", async () => {
    const id = await event();
    const { cookie } = await signUpAndConfirm({
      displayName: "Mina",
      email: `mina-${id}@example.com`,
      password: "a long passphrase",
    });
    const userId = (
      await db().user.findUniqueOrThrow({ where: { email: `mina-${id}@example.com` } })
    ).id;
    await answerGoing(db(), {
      eventId: id,
      userId,
      children: 0,
      guests: 0,
      interpretation: null,
      note: "",
    });
    const { events } = parse(await text(await ics(id, cookie)));
    expect(events[0]!.location).toBe(`Sophia University, ${address}`);
  });

  it("raises SEQUENCE on a change and says CANCELLED, under the same UID", async () => {
    const id = await event();
    await updateEvent(db(), id, {
      ...form({ startTime: "15:00", endTime: "16:30" }),
      scope: "one",
    });
    const changed = parse(await text(await ics(id))).events[0]!;
    expect(changed.sequence).toBe(1);
    expect(changed.start.getTime()).toBe(
      (await db().event.findUniqueOrThrow({ where: { id } })).startsAt.getTime(),
    );
    await cancelEvent(db(), id);
    const cancelled = parse(await text(await ics(id))).events[0]!;
    expect(cancelled).toMatchObject({
      uid: `event-${id}@tsunagu`,
      sequence: 2,
      status: "CANCELLED",
    });
    expect(cancelled.alarms).toEqual([]);
  });
});

describe("the public feed", () => {
  it("filters by kind, uses the reader's language, and never shows a hidden address", async () => {
    const yoga = await event({ title: "Yoga for all" });
    const cafe = await event({ kind: "cafe", title: "Refugee Café", hideAddress: false });
    await saveTranslation(db(), yoga, { locale: "fa", title: "یوگا برای همه", description: "" });
    const someone = await account();
    await answerGoing(db(), {
      eventId: yoga,
      userId: someone,
      children: 0,
      guests: 0,
      interpretation: null,
      note: "",
    });

    const response = await respond(() =>
      publicRoute.loader({
        request: getRequest("/calendar/public.ics?kind=yoga&lng=fa"),
        params: {},
        context,
      }),
    );
    const body = await text(response);
    expect(body).not.toContain("Kioicho");
    const { events } = parse(body);
    const ids = events.map((e) => e.uid);
    expect(ids).toContain(`event-${yoga}@tsunagu`);
    expect(ids).not.toContain(`event-${cafe}@tsunagu`);
    const yogaEntry = events.find((e) => e.uid === `event-${yoga}@tsunagu`)!;
    expect(yogaEntry.summary).toBe("یوگا");
    expect(yogaEntry.description).toContain("یوگا برای همه");

    const all = parse(
      await text(
        await respond(() =>
          publicRoute.loader({ request: getRequest("/calendar/public.ics"), params: {}, context }),
        ),
      ),
    );
    const cafeEntry = all.events.find((e) => e.uid === `event-${cafe}@tsunagu`)!;
    expect(cafeEntry.summary).toBe("Café");
    expect(cafeEntry.alarmTexts).toEqual(["Café"]);
    const cafes = parse(
      await text(
        await respond(() =>
          publicRoute.loader({
            request: getRequest("/calendar/public.ics?kind=cafe&lng=fr"),
            params: {},
            context,
          }),
        ),
      ),
    );
    expect(cafes.calendar.getFirstPropertyValue("x-wr-calname")).toBe("Tsunagu: Café-rencontre");
    expect(all.events.find((e) => e.uid === `event-${cafe}@tsunagu`)!.location).toBe(
      `Sophia University, ${address}`,
    );
    const bad = await respond(() =>
      publicRoute.loader({
        request: getRequest("/calendar/public.ics?kind=party"),
        params: {},
        context,
      }),
    );
    expect(bad.status).toBe(400);
  });
});

describe("the personal feed", () => {
  it("lists what the person is going to, waitlisted ones as TENTATIVE, in their language; a new token kills the old URL", async () => {
    const full = await event({ title: "Small class", capacity: 1 });
    const open = await event({ title: "Big café", capacity: 50 });
    await saveTranslation(db(), open, { locale: "fa", title: "کافهٔ بزرگ", description: "" });
    const first = await account();
    const me = await account("fa");
    await answerGoing(db(), {
      eventId: full,
      userId: first,
      children: 0,
      guests: 0,
      interpretation: null,
      note: "",
    });
    await answerGoing(db(), {
      eventId: full,
      userId: me,
      children: 0,
      guests: 0,
      interpretation: null,
      note: "",
    });
    await answerGoing(db(), {
      eventId: open,
      userId: me,
      children: 0,
      guests: 0,
      interpretation: null,
      note: "",
    });

    const token = await calendarTokenFor(db(), me);
    expect(await calendarTokenFor(db(), me)).toBe(token);
    const feed = (t: string) =>
      respond(() =>
        personalRoute.loader({
          request: getRequest(`/calendar/${t}.ics`),
          params: { token: `${t}.ics` },
          context,
        }),
      );
    const response = await feed(token);
    expect(response.headers.get("Cache-Control")).toBe("private, no-cache");
    const { events } = parse(await text(response));
    const byUid = Object.fromEntries(events.map((e) => [e.uid, e]));
    expect(byUid[`event-${full}@tsunagu`]).toMatchObject({
      status: "TENTATIVE",
      location: "Sophia University",
    });
    expect(byUid[`event-${open}@tsunagu`]).toMatchObject({
      status: "CONFIRMED",
      summary: "یوگا",
      alarmTexts: ["یوگا"],
      location: `Sophia University, ${address}`,
    });
    expect(byUid[`event-${open}@tsunagu`]!.description).toContain("کافهٔ بزرگ");

    const fresh = await regenerateCalendarToken(db(), me);
    expect(fresh).not.toBe(token);
    expect((await feed(token)).status).toBe(404);
    expect((await feed(fresh)).status).toBe(200);
    expect(
      (
        await respond(() =>
          personalRoute.loader({
            request: getRequest(`/calendar/${fresh}`),
            params: { token: fresh },
            context,
          }),
        )
      ).status,
    ).toBe(404);
  });
});

describe("discreet titles and what each reader's calendar has seen", () => {
  const going = (eventId: string, userId: string) =>
    answerGoing(db(), { eventId, userId, children: 0, guests: 0, interpretation: null, note: "" });

  async function member() {
    const email = `cal-member-${crypto.randomUUID()}@example.com`;
    const { cookie } = await signUpAndConfirm({
      displayName: "Mina",
      email,
      password: "a long passphrase",
    });
    const userId = (await db().user.findUniqueOrThrow({ where: { email } })).id;
    return { cookie, userId, email };
  }

  it("raises SEQUENCE and LAST-MODIFIED when a promotion from the waitlist adds the address, and not before", async () => {
    const id = await event({ title: "Small class", capacity: 1 });
    const first = await account();
    const me = await account();
    await going(id, first);
    await going(id, me);
    const token = await calendarTokenFor(db(), me);
    const fetchFeed = async (now: Date) => {
      const feed = (await personalFeed(db(), token, "http://localhost:3000", now))!;
      return parse(buildCalendar("Mine", feed.entries)).events[0]!;
    };

    const waiting = await fetchFeed(new Date());
    expect(waiting).toMatchObject({ status: "TENTATIVE", location: "Sophia University" });
    // A calendar app polling an unchanged entry sees the same version.
    expect(await fetchFeed(new Date(Date.now() + 60_000))).toMatchObject({
      sequence: waiting.sequence,
      lastModified: waiting.lastModified,
    });

    await cancelAnswer(db(), { eventId: id, userId: first });
    const later = new Date(Date.now() + 120_000);
    const promoted = await fetchFeed(later);
    expect(promoted).toMatchObject({
      uid: waiting.uid,
      status: "CONFIRMED",
      location: `Sophia University, ${address}`,
    });
    expect(promoted.sequence).toBe(waiting.sequence + 1);
    expect(promoted.lastModified).toBeGreaterThan(waiting.lastModified!);

    // An edit afterwards still moves it on, never back to the event's own count.
    await updateEvent(db(), id, {
      ...form({ title: "Small class", capacity: 1, endTime: "16:00" }),
      scope: "one",
    });
    const edited = await fetchFeed(new Date(Date.now() + 180_000));
    expect(edited.sequence).toBe(promoted.sequence + 1);
    const { sequence: eventSequence } = await db().event.findUniqueOrThrow({ where: { id } });
    expect(edited.sequence).toBeGreaterThanOrEqual(eventSequence);
  });

  it("shows the full title only to a member who asks for it in settings, as a new version", async () => {
    const id = await event({ kind: "cafe", title: "Refugee Café in Yotsuya" });
    const { cookie, userId } = await member();
    await going(id, userId);
    const download = async () => parse(await text(await ics(id, cookie))).events[0]!;

    const discreet = await download();
    expect(discreet.summary).toBe("Café");
    expect(discreet.alarmTexts).toEqual(["Café"]);
    expect(discreet.description).toContain("Refugee Café in Yotsuya");

    const save = (fields: Record<string, string>) =>
      postSettings("calendar-titles", fields, cookie, context);
    const saved = await save({ fullTitles: "yes" });
    expect(saved.status).toBe(302);
    expect(saved.headers.get("Location")).toBe(savedLocation("calendar-titles"));
    const full = await download();
    expect(full.summary).toBe("Refugee Café in Yotsuya");
    expect(full.alarmTexts).toEqual(["Refugee Café in Yotsuya"]);
    expect(full.sequence).toBe(discreet.sequence + 1);

    const token = await calendarTokenFor(db(), userId);
    const feed = parse(
      buildCalendar(
        "Mine",
        (await personalFeed(db(), token, "http://localhost:3000", new Date()))!.entries,
      ),
    );
    expect(feed.events.find((e) => e.uid === discreet.uid)).toMatchObject({
      summary: "Refugee Café in Yotsuya",
      sequence: full.sequence,
    });

    await save({});
    expect((await db().user.findUniqueOrThrow({ where: { id: userId } })).calendarFullTitles).toBe(
      false,
    );
    expect((await download()).summary).toBe("Café");
  });

  it("attaches the same discreet entry to emails, at the version the member's calendar has", async () => {
    const id = await event({ kind: "cafe", title: "Refugee Café", capacity: 20 });
    const { userId, email } = await member();
    await going(id, userId);
    const token = await calendarTokenFor(db(), userId);
    const inFeed = parse(
      buildCalendar(
        "Mine",
        (await personalFeed(db(), token, "http://localhost:3000", new Date()))!.entries,
      ),
    ).events[0]!;
    const out = await renderMessage({
      db: db(),
      kind: "rsvp_confirmed",
      payload: { eventId: id },
      recipient: { id: userId, email, displayName: "Mina" },
      locale: "ar",
      t: await getFixedT("ar"),
      appUrl: "http://localhost:3000",
      unsubscribeUrl: "http://localhost:3000/unsubscribe/x/rsvp_confirmed",
    });
    if (!("mail" in out)) throw new Error("skipped");
    const attached = Buffer.from(out.mail.attachments![0]!.contentBase64, "base64").toString();
    expect(attached.endsWith("\r\n")).toBe(true);
    const [entry] = parse(attached).events;
    expect(entry!.summary).toBe("مقهى");
    expect(attached).not.toMatch(/Refugee Café\r\n|SUMMARY:Refugee/);
    // Arabic now, English in the feed: a different view, so a newer version, never an older one.
    expect(entry!.sequence).toBeGreaterThan(inFeed.sequence);
  });

  it("adds the group's name when one is configured, and refuses a name on two lines", async () => {
    const id = await event({ kind: "discussion", title: "Talk about asylum interviews" });
    const row = await db().event.findUniqueOrThrow({
      where: { id },
      include: { translations: true },
    });
    const entry = calendarEntry(row, {
      locale: "ja",
      t: await getFixedT("ja"),
      appUrl: "http://localhost:3000",
      knowsPlace: false,
      groupName: "ソフィア・サークル",
    });
    expect(entry.title).toBe("話し合い・ソフィア・サークル");
    expect(entry.description).toContain("Talk about asylum interviews");
    expect(parseEnv({ TSUNAGU_GROUP_NAME: "  Sophia Circle " }).TSUNAGU_GROUP_NAME).toBe(
      "Sophia Circle",
    );
    expect(() => parseEnv({ TSUNAGU_GROUP_NAME: "Sophia\nCircle" })).toThrow(/TSUNAGU_GROUP_NAME/);
  });
});
