import ICAL from "ical.js";
import { describe, expect, it } from "vitest";
import { createAccount } from "~/accounts/accounts.server";
import { calendarTokenFor, regenerateCalendarToken } from "~/calendar/feeds.server";
import { db } from "~/db.server";
import { cancelEvent, createEvent, saveTranslation, updateEvent } from "~/events/events.server";
import { answerGoing } from "~/events/rsvp.server";
import type { CreateEventInput } from "~/events/schemas";
import * as personalRoute from "~/routes/calendar.$token";
import * as publicRoute from "~/routes/calendar.public[.]ics";
import * as eventIcs from "~/routes/events.$id.calendar[.]ics";
import { daysAhead, eventInput } from "../support/fixtures";
import { context, getRequest, respond } from "../support/requests";
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
      location: parsed.location,
      sequence: parsed.sequence,
      status: vevent.getFirstPropertyValue("status"),
      start: parsed.startDate.toJSDate(),
      end: parsed.endDate.toJSDate(),
      tzid: vevent.getFirstProperty("dtstart")!.getParameter("tzid"),
      url: vevent.getFirstPropertyValue("url"),
      alarms: vevent
        .getAllSubcomponents("valarm")
        .map((a) => String(a.getFirstPropertyValue("trigger"))),
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
    const { events, zones } = parse(await text(await ics(id)));
    expect(zones).toEqual(["Asia/Tokyo"]);
    expect(events).toHaveLength(1);
    const [e] = events;
    expect(e).toMatchObject({
      uid: `event-${id}@tsunagu`,
      summary: "Gentle yoga",
      sequence: 0,
      status: "CONFIRMED",
      tzid: "Asia/Tokyo",
    });
    expect(e!.start.getTime()).toBe(stored.startsAt.getTime());
    expect(e!.end.getTime()).toBe(stored.endsAt.getTime());
    expect(e!.alarms).toEqual(["-PT2H"]);
    expect(e!.url).toBe(`http://localhost:3000/events/${id}`);
    expect(e!.location).toBe("Sophia University");
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
    expect(events.find((e) => e.uid === `event-${yoga}@tsunagu`)!.summary).toBe("یوگا برای همه");

    const all = parse(
      await text(
        await respond(() =>
          publicRoute.loader({ request: getRequest("/calendar/public.ics"), params: {}, context }),
        ),
      ),
    );
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
    expect(response.headers.get("Cache-Control")).toBe("private, no-store");
    const { events } = parse(await text(response));
    const byUid = Object.fromEntries(events.map((e) => [e.uid, e]));
    expect(byUid[`event-${full}@tsunagu`]).toMatchObject({
      status: "TENTATIVE",
      location: "Sophia University",
    });
    expect(byUid[`event-${open}@tsunagu`]).toMatchObject({
      status: "CONFIRMED",
      summary: "کافهٔ بزرگ",
      location: `Sophia University, ${address}`,
    });

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
