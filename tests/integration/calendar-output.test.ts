import { TZDate } from "@date-fns/tz";
import { getVtimezoneComponent } from "@touch4it/ical-timezones";
import ical, { ICalAlarmType, ICalEventStatus } from "ical-generator";
import ICAL from "ical.js";
import { describe, expect, it } from "vitest";
import { createAccount } from "~/accounts/accounts.server";
import { calendarTokenFor } from "~/calendar/feeds.server";
import { personalFeed, publicFeedEntries } from "~/calendar/subscriptions.server";
import {
  ALARM_MINUTES_BEFORE,
  buildCalendar,
  eventUid,
  type CalendarEntry,
} from "~/calendar/ics.server";
import { db } from "~/db.server";
import { cancelEvent, createEvent, saveTranslation } from "~/events/events.server";
import { answerGoing } from "~/events/rsvp.server";
import type { CreateEventInput } from "~/events/schemas";
import { supportedLocales, type Locale } from "~/i18n/config";
import { daysAhead, eventInput } from "../support/fixtures";

/**
 * The feed writer before issue #14, kept here word for word as the judge: the whole calendar
 * built by ical-generator and folded by its own `foldLines`. The fast writer must give the same
 * bytes, and ical.js must read the same calendar from both.
 */
const referenceZones = new Map<string, string | null>();
function referenceCalendar(name: string, entries: CalendarEntry[]): string {
  const vtimezone = (zone: string) => {
    if (!referenceZones.has(zone)) referenceZones.set(zone, getVtimezoneComponent(zone));
    return referenceZones.get(zone)!;
  };
  const calendar = ical({
    name,
    prodId: { company: "Tsunagu", product: "Events", language: "EN" },
    timezone: { name: null, generator: vtimezone },
  });
  for (const entry of entries) {
    const event = calendar.createEvent({
      id: eventUid(entry.id),
      sequence: entry.sequence,
      start: new TZDate(entry.startsAt.getTime(), entry.timeZone),
      end: new TZDate(entry.endsAt.getTime(), entry.timeZone),
      timezone: entry.timeZone,
      summary: entry.title,
      description: `${entry.description ? `${entry.description}\n\n` : ""}${entry.url}`,
      location: entry.location,
      url: entry.url,
      stamp: entry.updatedAt,
      lastModified: entry.updatedAt,
      status: entry.cancelled
        ? ICalEventStatus.CANCELLED
        : entry.tentative
          ? ICalEventStatus.TENTATIVE
          : ICalEventStatus.CONFIRMED,
    });
    if (!entry.cancelled) {
      event.createAlarm({
        type: ICalAlarmType.display,
        trigger: ALARM_MINUTES_BEFORE * 60,
        description: entry.title,
      });
    }
  }
  const text = calendar.toString();
  return text.endsWith("\r\n") ? text : `${text}\r\n`;
}

type Property = { name: string; params: Record<string, unknown>; values: string[] };
type Parsed = { name: string; properties: Property[]; components: Parsed[] };

/** Every component and every property (name, parameters, values) as ical.js reads them. */
function readAll(component: ICAL.Component): Parsed {
  return {
    name: component.name,
    properties: component.getAllProperties().map((property) => {
      const params: Record<string, unknown> = {};
      const json = property.toJSON() as [string, Record<string, unknown>, ...unknown[]];
      Object.assign(params, json[1]);
      return {
        name: property.name,
        params,
        values: property.getValues().map((value) => String(value)),
      };
    }),
    components: component.getAllSubcomponents().map(readAll),
  };
}

function parsed(text: string): Parsed {
  return readAll(new ICAL.Component(ICAL.parse(text)));
}

/** Same bytes, and (said twice, for a clearer failure) the same calendar to ical.js. */
function expectSameAsBefore(name: string, entries: CalendarEntry[]) {
  const before = referenceCalendar(name, entries);
  const now = buildCalendar(name, entries);
  expect(parsed(now)).toEqual(parsed(before));
  expect(now).toBe(before);
  // The second build comes from the per-event cache; it must not drift either.
  expect(buildCalendar(name, entries)).toBe(before);
}

const longJapanese =
  "難民・難民申請中の方のための交流会です。日本語がまだ話せなくても大丈夫。お茶とお菓子を用意して、四谷の教室でお待ちしています。子ども連れも歓迎します。";
const longPersian =
  "دورهمی برای پناهجویان و پناهندگان؛ اگر هنوز ژاپنی صحبت نمی‌کنید نگران نباشید. چای و شیرینی آماده است و بچه‌ها هم خوش آمدند، در کلاس یوتسویا منتظرتان هستیم.";
const longArabic =
  "لقاء للاجئين وطالبي اللجوء؛ لا بأس إن لم تكن تتحدث اليابانية بعد. سنقدم الشاي والحلويات، والأطفال مرحب بهم أيضًا، ننتظركم في قاعة يوتسويا الدراسية.";

function entry(overrides: Partial<CalendarEntry>): CalendarEntry {
  return {
    id: "e1",
    title: "Café",
    description: "",
    startsAt: new Date("2026-12-12T05:00:00Z"),
    endsAt: new Date("2026-12-12T07:00:00Z"),
    timeZone: "Asia/Tokyo",
    cancelled: false,
    tentative: false,
    sequence: 0,
    location: null,
    url: "http://localhost:3000/events/e1",
    updatedAt: new Date("2026-11-30T10:11:12.345Z"),
    ...overrides,
  };
}

describe("the fast feed writer gives the bytes ical-generator gave", () => {
  it("folds long Japanese, Persian and Arabic text at UTF-8 boundaries, emoji and odd text too", () => {
    const entries = [
      entry({ id: "ja", title: longJapanese, description: longJapanese.repeat(3) }),
      entry({ id: "fa", title: longPersian, description: `${longPersian}\n\n${longPersian}` }),
      entry({
        id: "ar",
        title: longArabic,
        description: longArabic,
        location: `قاعة يوتسويا، ${longArabic}`,
        tentative: true,
      }),
      // Surrogate pairs, a lone surrogate, and characters ICS escapes (,;\ and newlines).
      entry({
        id: "odd",
        title: "🍵☕️ Tea, cake; and \\ talk 🧕🏽👨‍👩‍👧".repeat(4),
        description: `a\r\nb\rc\n${"x".repeat(73)}é${"\ud83d".repeat(2)}z${"y".repeat(200)}`,
        cancelled: true,
        sequence: 7,
      }),
      // Lines right at the fold: 74 octets, then one more in two-octet letters.
      entry({ id: "edge", title: "a".repeat(66), description: "é".repeat(37) + "ü".repeat(38) }),
      // Zones in order of first use, each VTIMEZONE once.
      entry({ id: "paris", timeZone: "Europe/Paris", title: "Yoga" }),
      entry({ id: "tokyo2", title: "Yoga" }),
      entry({ id: "tehran", timeZone: "Asia/Tehran", title: longPersian, sequence: 3 }),
    ];
    expectSameAsBefore("Mes événements Tsunagu : une longue liste à plier proprement", entries);
    expectSameAsBefore("کافه", []);
    expectSameAsBefore("One", [entries[0]!]);
  });

  it("matches for real feeds: recurring, cancelled and waitlisted events, long translations, every language", async () => {
    const organizer = await createAccount(db(), {
      email: `out-org-${crypto.randomUUID()}@example.com`,
      password: "a long passphrase",
      displayName: "Organizer",
      locale: "en",
    });
    if (!organizer.ok) throw new Error("no organizer");
    const create = async (overrides: Partial<CreateEventInput>) => {
      const created = await createEvent(
        db(),
        eventInput({ date: daysAhead(5), ...overrides }),
        organizer.user.id,
      );
      if (!created.ok) throw new Error(JSON.stringify(created.errors));
      return created.eventId;
    };
    const weekly = await create({
      kind: "cafe",
      title: "Weekly café",
      description: longJapanese,
      repeat: "weekly",
      untilDate: daysAhead(30),
      capacity: 1,
    });
    const series = await db().event.findMany({
      where: { seriesId: (await db().event.findUniqueOrThrow({ where: { id: weekly } })).seriesId },
      select: { id: true },
    });
    expect(series.length).toBeGreaterThan(2);
    const yoga = await create({ kind: "yoga", title: "Gentle yoga", hideAddress: false });
    const cancelled = await create({ kind: "discussion", title: "Talk", description: longArabic });
    await cancelEvent(db(), cancelled);
    for (const id of [weekly, yoga, cancelled]) {
      await saveTranslation(db(), id, {
        locale: "fa",
        title: longPersian,
        description: longPersian,
      });
      await saveTranslation(db(), id, { locale: "ar", title: longArabic, description: longArabic });
      await saveTranslation(db(), id, { locale: "ja", title: longJapanese, description: "" });
    }

    const someone = await createAccount(db(), {
      email: `out-first-${crypto.randomUUID()}@example.com`,
      password: "a long passphrase",
      displayName: "First",
      locale: "en",
    });
    if (!someone.ok) throw new Error("no account");
    const answer = (eventId: string, userId: string) =>
      answerGoing(db(), {
        eventId,
        userId,
        children: 0,
        guests: 0,
        interpretation: null,
        note: "",
      });
    for (const { id } of series) await answer(id, someone.user.id);

    for (const locale of supportedLocales as readonly Locale[]) {
      const member = await createAccount(db(), {
        email: `out-${locale}-${crypto.randomUUID()}@example.com`,
        password: "a long passphrase",
        displayName: "Member",
        locale,
      });
      if (!member.ok) throw new Error("no member");
      // Waitlisted for the full weekly café, going to yoga; the cancelled talk stays listed.
      for (const { id } of series) await answer(id, member.user.id);
      await answer(yoga, member.user.id);
      const token = await calendarTokenFor(db(), member.user.id);
      const feed = (await personalFeed(db(), token, "http://localhost:3000", new Date()))!;
      expect(feed.entries.some((e) => e.tentative)).toBe(true);
      expectSameAsBefore("My Tsunagu events", feed.entries);

      const everyone = await publicFeedEntries(db(), {
        locale,
        appUrl: "http://localhost:3000",
        now: new Date(),
      });
      expect(everyone.some((e) => e.cancelled)).toBe(true);
      expectSameAsBefore("Tsunagu", everyone);
    }
  });
});
