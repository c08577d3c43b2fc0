import { describe, expect, it } from "vitest";
import type { Role } from "~/accounts/roles";
import { db } from "~/db.server";
import {
  cancelEvent,
  createEvent,
  GENERATE_AHEAD_DAYS,
  topUpAllSeries,
  updateEvent,
} from "~/events/events.server";
import { attendees, needsOf, toCsv } from "~/events/organizer.server";
import { eventForViewer, listUpcoming, myEvents } from "~/events/queries.server";
import { answerGoing, cancelAnswer, myStatus } from "~/events/rsvp.server";
import type { CreateEventInput } from "~/events/schemas";
import * as attendeesRoute from "~/routes/organize.events.$id.attendees";
import * as csvRoute from "~/routes/organize.events.$id.attendees[.csv]";
import { eventInput } from "../support/fixtures";
import { createPerson } from "../support/people";
import { context, getRequest, respond } from "../support/requests";
import { signUpAndConfirm } from "../support/signup";

const now = new Date("2026-12-01T00:00:00Z");
async function person(role: Role = "member") {
  const user = await createPerson({ role });
  return { id: user.id, role };
}

function form(overrides: Partial<CreateEventInput> = {}): CreateEventInput {
  return eventInput({ stepFreeAccess: true, food: true, ...overrides });
}

async function oneOff(overrides: Partial<CreateEventInput> = {}) {
  const organizer = await person("organizer");
  const created = await createEvent(db(), form(overrides), organizer.id, now);
  if (!created.ok) throw new Error(JSON.stringify(created.errors));
  return created.eventId;
}

const going = (
  eventId: string,
  userId: string,
  extra: Partial<{ children: number; guests: number; interpretation: string | null }> = {},
) =>
  answerGoing(
    db(),
    { eventId, userId, children: 0, guests: 0, interpretation: null, note: "", ...extra },
    now,
  );

describe("creating events", () => {
  it("refuses past dates, an end before the start and an event with no place, changing nothing", async () => {
    const organizer = await person("organizer");
    const before = await db().event.count();
    const result = await createEvent(
      db(),
      form({ date: "2026-11-01", endTime: "13:00", venueName: "", venueAddress: "" }),
      organizer.id,
      now,
    );
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.errors.map((e) => e.error).sort()).toEqual([
        "errors.dateInPast",
        "errors.endBeforeStart",
        "errors.placeRequired",
      ]);
    }
    expect(await db().event.count()).toBe(before);
  });

  it("generates a monthly series at least three months ahead, and top-ups add each occurrence once", async () => {
    const organizer = await person("organizer");
    const created = await createEvent(db(), form({ repeat: "monthly-nth" }), organizer.id, now);
    if (!created.ok) throw new Error("not created");
    const occurrences = await db().event.findMany({
      where: { seriesId: created.seriesId },
      orderBy: { startsAt: "asc" },
    });
    expect(occurrences[0]!.occurrenceKey).toBe("2026-12-12T14:00");
    expect(occurrences.at(-1)!.startsAt.getTime() - now.getTime()).toBeGreaterThan(
      GENERATE_AHEAD_DAYS * 0.9 * 86_400_000,
    );
    expect(occurrences.map((o) => o.occurrenceKey).slice(0, 3)).toEqual([
      "2026-12-12T14:00",
      "2027-01-09T14:00",
      "2027-02-13T14:00",
    ]);

    const later = new Date(now.getTime() + 60 * 86_400_000);
    await topUpAllSeries(db(), later);
    await topUpAllSeries(db(), later);
    const after = await db().event.findMany({
      where: { seriesId: created.seriesId },
      select: { occurrenceKey: true },
    });
    const keys = after.map((e) => e.occurrenceKey);
    expect(new Set(keys).size).toBe(keys.length);
    expect(keys.length).toBeGreaterThan(occurrences.length);
  });
});

describe("editing a series", () => {
  async function series() {
    const organizer = await person("organizer");
    const created = await createEvent(db(), form({ repeat: "weekly" }), organizer.id, now);
    if (!created.ok) throw new Error("not created");
    const events = await db().event.findMany({
      where: { seriesId: created.seriesId },
      orderBy: { startsAt: "asc" },
    });
    return { seriesId: created.seriesId!, events };
  }
  const asForm = (overrides: Partial<CreateEventInput>) => ({
    ...form(overrides),
    scope: "one" as const,
  });

  it("changes this event only", async () => {
    const { events } = await series();
    const second = events[1]!;
    const result = await updateEvent(
      db(),
      second.id,
      {
        ...asForm({
          date: "2026-12-20",
          startTime: "15:00",
          endTime: "17:00",
          title: "Special café",
        }),
        scope: "one",
      },
      now,
    );
    expect(result.ok).toBe(true);
    const [a, b, c] = await Promise.all(
      events.slice(0, 3).map((e) => db().event.findUniqueOrThrow({ where: { id: e.id } })),
    );
    expect(a!.title).toBe("Refugee Café");
    expect(b!.title).toBe("Special café");
    expect(b!.startsAt.toISOString()).toBe("2026-12-20T06:00:00.000Z");
    expect(b!.sequence).toBe(1);
    expect(c!.title).toBe("Refugee Café");
  });

  it("changes this and all following, keeping each one's date", async () => {
    const { events, seriesId } = await series();
    const third = events[2]!;
    const result = await updateEvent(
      db(),
      third.id,
      {
        ...asForm({ date: "2026-12-26", startTime: "13:00", endTime: "15:30", capacity: 20 }),
        scope: "following",
      },
      now,
    );
    expect(result.ok).toBe(true);
    const after = await db().event.findMany({ where: { seriesId }, orderBy: { startsAt: "asc" } });
    expect(after[1]!.startsAt.toISOString()).toBe("2026-12-19T05:00:00.000Z");
    expect(after[2]!.startsAt.toISOString()).toBe("2026-12-26T04:00:00.000Z");
    expect(after[3]!.startsAt.toISOString()).toBe("2027-01-02T04:00:00.000Z");
    expect(after.slice(2).every((e) => e.capacity === 20)).toBe(true);
    expect(after[1]!.capacity).toBe(10);
    const seriesRow = await db().eventSeries.findUniqueOrThrow({ where: { id: seriesId } });
    expect(seriesRow.startTime).toBe("13:00");
  });

  it("asks for a new series rather than moving all following events to another day", async () => {
    const { events } = await series();
    const result = await updateEvent(
      db(),
      events[1]!.id,
      { ...asForm({ date: "2026-12-21" }), scope: "following" },
      now,
    );
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors[0]!.error).toBe("errors.seriesDateChange");
  });

  it("cancelling one occurrence leaves the rest of the series alone", async () => {
    const { events, seriesId } = await series();
    expect((await cancelEvent(db(), events[1]!.id)).ok).toBe(true);
    expect((await cancelEvent(db(), events[1]!.id)).ok).toBe(false);
    const statuses = (
      await db().event.findMany({ where: { seriesId }, orderBy: { startsAt: "asc" } })
    ).map((e) => e.status);
    expect(statuses.slice(0, 3)).toEqual(["scheduled", "cancelled", "scheduled"]);
  });
});

describe("RSVPs and the waitlist", () => {
  it("confirms until full, then waitlists; a cancellation promotes the first who fits, once", async () => {
    const eventId = await oneOff({ capacity: 4 });
    const [a, b, c, d, e] = await Promise.all([person(), person(), person(), person(), person()]);
    expect((await going(eventId, a!.id)).ok && (await myStatus(db(), eventId, a!.id)).status).toBe(
      "going",
    );
    const family = await going(eventId, b!.id, { children: 1 });
    expect(family.ok && family.status).toBe("going");
    const third = await going(eventId, c!.id, { children: 2 });
    expect(third.ok && third.status).toBe("waitlisted");
    const fourth = await going(eventId, d!.id);
    expect(fourth.ok && fourth.status).toBe("going"); // the last seat fits a single person
    const fifth = await going(eventId, e!.id);
    expect(fifth.ok && [fifth.status, fifth.position]).toEqual(["waitlisted", 2]);

    const cancelled = await cancelAnswer(db(), { eventId, userId: b!.id }, now);
    expect(cancelled.ok && cancelled.changes.map((ch) => ch.kind)).toEqual([
      "cancelled",
      "promoted",
    ]);
    expect((await myStatus(db(), eventId, e!.id)).status).toBe("going"); // 1 seat: the family of 3 still waits
    expect(await myStatus(db(), eventId, c!.id)).toMatchObject({
      status: "waitlisted",
      position: 1,
    });

    const again = await cancelAnswer(db(), { eventId, userId: b!.id }, now);
    expect(again.ok).toBe(false);
  });

  it("promotes when the capacity is raised, and refuses a capacity below the confirmed seats", async () => {
    const eventId = await oneOff({ capacity: 1 });
    const [a, b] = await Promise.all([person(), person()]);
    await going(eventId, a!.id, {});
    await going(eventId, b!.id, {});
    const raised = await updateEvent(
      db(),
      eventId,
      { ...form({ capacity: 2 }), scope: "one" },
      now,
    );
    expect(raised.ok && raised.rsvpChanges.map((c) => c.kind)).toEqual(["promoted"]);
    await going(eventId, (await person()).id);
    const lowered = await updateEvent(
      db(),
      eventId,
      { ...form({ capacity: 1 }), scope: "one" },
      now,
    );
    expect(lowered.ok).toBe(false);
    if (!lowered.ok)
      expect(lowered.errors[0]).toEqual({
        field: "capacity",
        error: "errors.capacityBelowConfirmed",
      });
    expect((await db().event.findUniqueOrThrow({ where: { id: eventId } })).capacity).toBe(2);
  });

  it("keeps a confirmed seat when more companions do not fit, and frees seats when fewer come", async () => {
    const eventId = await oneOff({ capacity: 4 });
    const [a, b, c] = await Promise.all([person(), person(), person()]);
    await going(eventId, a!.id, { guests: 1 });
    await going(eventId, b!.id, { guests: 1 });
    await going(eventId, c!.id);
    const more = await going(eventId, a!.id, { guests: 2 });
    expect(more).toEqual({ ok: false, error: "errors.notEnoughSeats", params: { count: 0 } });
    expect(await myStatus(db(), eventId, a!.id)).toMatchObject({ status: "going", guests: 1 });
    const fewer = await going(eventId, a!.id, { guests: 0 });
    expect(fewer.ok && fewer.changes.map((c) => c.kind)).toEqual(["promoted"]);
  });

  it("refuses answers after the deadline and for cancelled events, but always lets people cancel", async () => {
    const closed = await oneOff({ date: "2026-12-02", rsvpDeadlineHours: 48 });
    const someone = await person();
    expect(await going(closed, someone.id)).toEqual({ ok: false, error: "errors.rsvpClosed" });
    const open = await oneOff();
    await going(open, someone.id);
    await cancelEvent(db(), open);
    expect(await going(open, someone.id)).toEqual({ ok: false, error: "errors.eventCancelled" });
    expect((await cancelAnswer(db(), { eventId: open, userId: someone.id }, now)).ok).toBe(true);
  });
});

describe("privacy of place and people", () => {
  it("shows a hidden address only to confirmed attendees and organizers", async () => {
    const eventId = await oneOff({ capacity: 1 });
    const [member, confirmed, waiting, organizer] = await Promise.all([
      person(),
      person(),
      person(),
      person("organizer"),
    ]);
    await going(eventId, confirmed.id);
    await going(eventId, waiting.id);
    const view = (viewer: { id: string; role: string } | null) =>
      eventForViewer(db(), eventId, viewer, "en");
    expect((await view(null))!.venueAddress).toBeNull();
    expect((await view(member))!.venueAddress).toBeNull();
    expect((await view(member))!.placeHidden).toBe(true);
    expect((await view(waiting))!.venueAddress).toBeNull();
    expect((await view(confirmed))!.venueAddress).toBe("7-1 Kioicho, Chiyoda-ku, Tokyo");
    expect((await view(organizer))!.venueAddress).toBe("7-1 Kioicho, Chiyoda-ku, Tokyo");
    expect(JSON.stringify(await view(member))).not.toContain("Person");
    expect((await view(member))!.seatsTaken).toBe(1);
  });

  it("lets only organizers see the attendee list and its CSV", async () => {
    const eventId = await oneOff();
    const { cookie } = await signUpAndConfirm({
      displayName: "Member",
      email: `m-${eventId}@example.com`,
      password: "a long passphrase",
    });
    for (const route of [attendeesRoute, csvRoute]) {
      const response = await respond(() =>
        route.loader({
          request: getRequest(`/organize/events/${eventId}/attendees`, { Cookie: cookie }),
          params: { id: eventId },
          context,
        }),
      );
      expect(response.status).toBe(403);
    }
  });
});

describe("lists", () => {
  it("filters by kind and language, and pages", async () => {
    await oneOff({ kind: "yoga", languages: ["fa"], title: "Yoga in Persian" });
    await oneOff({ kind: "yoga", languages: ["ja"], title: "Yoga in Japanese" });
    const yogaInPersian = await listUpcoming(db(), {
      now,
      locale: "en",
      viewer: null,
      kind: "yoga",
      language: "fa",
      page: 1,
    });
    expect(yogaInPersian.events.map((e) => e.title)).toEqual(["Yoga in Persian"]);
    const all = await listUpcoming(db(), { now, locale: "en", viewer: null, page: 1 });
    expect(all.events.length).toBeLessThanOrEqual(12);
    expect(all.pageCount).toBe(Math.ceil(all.total / 12));
  });

  it("gives each listed event the seats, waiting count, translation and answer its own page gives", async () => {
    const full = await oneOff({ capacity: 2, title: "Small café", date: "2026-12-20" });
    const open = await oneOff({
      capacity: undefined,
      onlineUrl: "https://example.com/m",
      date: "2026-12-21",
    });
    const women = await oneOff({ womenOnly: true, date: "2026-12-22" });
    await db().eventTranslation.create({
      data: { eventId: full, locale: "fa", title: "کافه کوچک", description: "چای" },
    });
    const [me, other, third] = await Promise.all([person(), person(), person()]);
    await going(full, me.id, { children: 1 });
    await going(full, other.id);
    await going(open, third.id, { guests: 2 });
    await going(open, other.id);
    await cancelAnswer(db(), { eventId: open, userId: other.id }, now);

    for (const [viewer, locale] of [
      [me, "fa"],
      [null, "en"],
    ] as const) {
      const seen = new Map<string, unknown>();
      for (let page = 1; ; page++) {
        const list = await listUpcoming(db(), { now, locale, viewer, page });
        for (const event of list.events) seen.set(event.id, event);
        if (page >= list.pageCount) break;
      }
      expect(seen.size).toBe(await db().event.count({ where: { endsAt: { gt: now } } }));
      for (const [id, listed] of seen) {
        const page = await eventForViewer(db(), id, viewer, locale);
        const { id: _, ...fields } = listed as Record<string, unknown>;
        expect(fields).toEqual(
          Object.fromEntries(Object.keys(fields).map((k) => [k, page![k as keyof typeof page]])),
        );
      }
      expect(seen.get(women)).toMatchObject({ womenOnly: true, online: false, seatsLeft: 10 });
      const small = seen.get(full) as Record<string, unknown>;
      expect(small).toMatchObject({ seatsTaken: 2, seatsLeft: 0, waiting: 1 });
      expect(small.myStatus).toBe(viewer ? "going" : null);
      expect(small.title).toBe(locale === "fa" ? "کافه کوچک" : "Small café");
      expect(seen.get(open)).toMatchObject({
        capacity: null,
        seatsLeft: null,
        seatsTaken: 3,
        waiting: 0,
        online: true,
        womenOnly: false,
        myStatus: null,
      });
    }
  });

  it("shows my events as going, waitlisted and past", async () => {
    const eventId = await oneOff({ capacity: 1 });
    const other = await oneOff({ capacity: 1 });
    const [me, someone] = await Promise.all([person(), person()]);
    await going(eventId, me.id);
    await going(other, someone.id);
    await going(other, me.id);
    const mine = await myEvents(db(), me.id, "en", now);
    expect(mine.going.map((e) => e.id)).toEqual([eventId]);
    expect(mine.waitlisted.map((e) => e.id)).toEqual([other]);
    const later = await myEvents(db(), me.id, "en", new Date("2027-01-01T00:00:00Z"));
    expect(later.past.map((e) => e.id)).toEqual([eventId]);
  });
});

describe("organizer tools", () => {
  it("adds up what people need", async () => {
    const eventId = await oneOff({ capacity: 20 });
    const people = await Promise.all([person(), person(), person(), person()]);
    await going(eventId, people[0]!.id, { interpretation: "fa", children: 2 });
    await going(eventId, people[1]!.id, { interpretation: "fa" });
    await going(eventId, people[2]!.id, { interpretation: "fa", guests: 1 });
    await going(eventId, people[3]!.id, { interpretation: "ar" });
    const { needs } = await attendees(db(), eventId);
    expect(needs).toEqual({
      going: 4,
      waiting: 0,
      children: 2,
      guests: 1,
      interpretation: [
        { language: "fa", count: 3 },
        { language: "ar", count: 1 },
      ],
    });
    expect(needsOf([])).toMatchObject({ going: 0, children: 0 });
  });

  it("writes CSV that spreadsheets cannot mistake for formulas", () => {
    expect(
      toCsv([
        ["name", "note"],
        ['=HYPERLINK("x")', 'says "hi", ok'],
      ]),
    ).toBe('name,note\r\n"\'=HYPERLINK(""x"")","says ""hi"", ok"\r\n');
  });
});
