import type { Db } from "~/db.server";
import type { Locale } from "~/i18n/config";
import { textFor } from "./events.server";
import { countsFor, PAGE_SIZE } from "./queries.server";

/** Organizer dashboard: upcoming events with seats and waitlists, soonest first. */
export async function dashboard(db: Db, locale: Locale, now: Date, page: number) {
  const where = { endsAt: { gt: now } };
  const [total, events] = await Promise.all([
    db.event.count({ where }),
    db.event.findMany({
      where,
      include: { translations: true },
      orderBy: [{ startsAt: "asc" }, { id: "asc" }],
      skip: (page - 1) * PAGE_SIZE * 2,
      take: PAGE_SIZE * 2,
    }),
  ]);
  const counts = await countsFor(
    db,
    events.map((e) => e.id),
  );
  return {
    page,
    pageCount: Math.max(1, Math.ceil(total / (PAGE_SIZE * 2))),
    events: events.map((e) => {
      const { seatsTaken, waiting } = counts.get(e.id)!;
      const text = textFor(e, locale);
      return {
        id: e.id,
        kind: e.kind,
        title: text.title,
        titleLocale: text.locale,
        startsAt: e.startsAt.toISOString(),
        timeZone: e.timeZone,
        status: e.status,
        seriesId: e.seriesId,
        capacity: e.capacity,
        seatsTaken,
        waiting,
      };
    }),
  };
}

/** Who is coming, with what they need; for organizers only. */
export async function attendees(db: Db, eventId: string) {
  const [rsvps, walkIns] = await Promise.all([
    db.rsvp.findMany({
      where: { eventId, status: { in: ["going", "waitlisted"] } },
      include: { user: { select: { displayName: true } } },
      orderBy: { queueSeq: "asc" },
    }),
    db.walkIn.findMany({ where: { eventId }, orderBy: { createdAt: "asc" } }),
  ]);
  const people = rsvps.map((r) => ({
    id: r.id,
    name: r.user.displayName,
    status: r.status as "going" | "waitlisted",
    children: r.children,
    guests: r.guests,
    interpretation: r.interpretation,
    note: r.noteToOrganizers,
    attended: r.attendedAt !== null,
  }));
  return {
    people,
    walkIns: walkIns.map((w) => ({ id: w.id, name: w.name })),
    needs: needsOf(people),
  };
}

/** "3 need Persian interpretation, 2 children": counted over confirmed attendees. */
export function needsOf(
  people: { status: string; children: number; guests: number; interpretation: string | null }[],
) {
  const going = people.filter((p) => p.status === "going");
  const interpretation = new Map<string, number>();
  for (const p of going) {
    if (p.interpretation)
      interpretation.set(p.interpretation, (interpretation.get(p.interpretation) ?? 0) + 1);
  }
  return {
    going: going.length,
    waiting: people.length - going.length,
    children: going.reduce((sum, p) => sum + p.children, 0),
    guests: going.reduce((sum, p) => sum + p.guests, 0),
    interpretation: [...interpretation]
      .sort((a, b) => b[1] - a[1])
      .map(([language, count]) => ({ language, count })),
  };
}

/** RFC 4180 CSV; cells that could start a spreadsheet formula are defused with a quote. */
export function toCsv(rows: (string | number | boolean)[][]): string {
  const cell = (value: string | number | boolean) => {
    let text = String(value);
    if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
    return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
  };
  return rows.map((row) => row.map(cell).join(",")).join("\r\n") + "\r\n";
}

/** Marks a confirmed or waitlisted person as here (or not). Only for RSVPs of this event. */
export async function setAttended(
  db: Db,
  eventId: string,
  rsvpId: string,
  attended: boolean,
  now = new Date(),
) {
  const { count } = await db.rsvp.updateMany({
    where: { id: rsvpId, eventId, status: { in: ["going", "waitlisted"] } },
    data: { attendedAt: attended ? now : null },
  });
  return count === 1;
}

export async function addWalkIn(db: Db, eventId: string, name: string) {
  return db.walkIn.create({ data: { eventId, name } });
}

/** Attendance across a series: per occurrence, and how many came back after their first time. */
export async function seriesAttendance(db: Db, seriesId: string, locale: Locale, now: Date) {
  const events = await db.event.findMany({
    where: { seriesId, startsAt: { lte: now } },
    include: {
      translations: true,
      rsvps: { where: { attendedAt: { not: null } }, select: { userId: true } },
      _count: { select: { walkIns: true } },
    },
    orderBy: { startsAt: "asc" },
  });
  const seen = new Set<string>();
  const visits = new Map<string, number>();
  const occurrences = events.map((e) => {
    const returning = e.rsvps.filter((r) => seen.has(r.userId)).length;
    for (const r of e.rsvps) {
      seen.add(r.userId);
      visits.set(r.userId, (visits.get(r.userId) ?? 0) + 1);
    }
    return {
      id: e.id,
      title: textFor(e, locale).title,
      startsAt: e.startsAt.toISOString(),
      timeZone: e.timeZone,
      status: e.status,
      attendees: e.rsvps.length + e._count.walkIns,
      walkIns: e._count.walkIns,
      returning,
    };
  });
  return {
    occurrences,
    uniqueMembers: visits.size,
    returningMembers: [...visits.values()].filter((count) => count > 1).length,
  };
}
