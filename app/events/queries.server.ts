import { sqlRead, type Db } from "~/db.server";
import { sql, sqlJoin, toBoolean, toDate, toNumber } from "~/db/sql";
import type { Event, Prisma } from "~/generated/prisma/client";
import { hasRole } from "~/accounts/roles";
import type { Locale } from "~/i18n/config";
import { textFor } from "./events.server";
import { decodeList } from "~/utils/comma-list";
import { mayKnowPlace } from "./privacy";
import { freeSeats, seatsOf, seatsTaken, type RsvpStatus } from "./rsvp-rules";
import { myStatus } from "./rsvp.server";

export const PAGE_SIZE = 12;

type Viewer = { id: string; role: string } | null;

const listInclude = { translations: true } satisfies Prisma.EventInclude;

/** Seats taken (people plus companions) and people waiting, for many events in one grouped query. */
export async function countsFor(db: Db, eventIds: string[]) {
  const grouped = await db.rsvp.groupBy({
    by: ["eventId", "status"],
    where: { eventId: { in: eventIds }, status: { in: ["going", "waitlisted"] } },
    _count: true,
    _sum: { children: true, guests: true },
  });
  const counts = new Map<string, { seatsTaken: number; waiting: number }>();
  for (const id of eventIds) counts.set(id, { seatsTaken: 0, waiting: 0 });
  for (const row of grouped) {
    const entry = counts.get(row.eventId)!;
    if (row.status === "going")
      entry.seatsTaken = seatsTaken({
        parties: row._count,
        children: row._sum.children ?? 0,
        guests: row._sum.guests ?? 0,
      });
    else entry.waiting = row._count;
  }
  return counts;
}

/** What a list card shows of an event, read by Prisma or by listUpcoming's own query. */
type SummarySource = Pick<
  Event,
  | "id"
  | "kind"
  | "title"
  | "description"
  | "locale"
  | "startsAt"
  | "endsAt"
  | "timeZone"
  | "status"
  | "languages"
  | "capacity"
  | "womenOnly"
> & {
  translations: { locale: string; title: string; description: string }[];
  online: boolean;
};

/** An event read by Prisma (with its translations) as a summary's source. */
function fromPrisma(event: Prisma.EventGetPayload<{ include: typeof listInclude }>) {
  return { ...event, online: event.onlineUrl !== "" };
}

function summary(
  event: SummarySource,
  locale: Locale,
  counts: { seatsTaken: number; waiting: number },
  myStatus: RsvpStatus | null,
) {
  const text = textFor(event, locale);
  const free = freeSeats(event.capacity, counts.seatsTaken);
  return {
    id: event.id,
    kind: event.kind,
    title: text.title,
    titleLocale: text.locale,
    inReaderLanguage: text.inReaderLanguage,
    startsAt: event.startsAt.toISOString(),
    endsAt: event.endsAt.toISOString(),
    timeZone: event.timeZone,
    status: event.status,
    languages: decodeList(event.languages),
    capacity: event.capacity,
    seatsTaken: counts.seatsTaken,
    seatsLeft: Number.isFinite(free) ? free : null,
    waiting: counts.waiting,
    online: event.online,
    womenOnly: event.womenOnly,
    myStatus,
  };
}
export type EventSummary = ReturnType<typeof summary>;

type ListRow = {
  id: string;
  kind: string;
  title: string;
  locale: string;
  translatedTitle: string | null;
  startsAt: unknown;
  endsAt: unknown;
  timeZone: string;
  status: string;
  languages: string;
  capacity: unknown;
  online: unknown;
  womenOnly: unknown;
  seatsTaken: unknown;
  waiting: unknown;
  myStatus: string | null;
};

/**
 * Upcoming events, soonest first, filtered by kind and by a language spoken there.
 *
 * Every page view runs this, so it is two hand-written reads (the page with its seat counts, the
 * reader's translation and the viewer's answer; and the total) instead of five Prisma queries:
 * Prisma's per-query cost was a third of the page's CPU (docs/performance.md, "Events page").
 */
export async function listUpcoming(
  db: Db,
  options: {
    now: Date;
    locale: Locale;
    viewer: Viewer;
    kind?: string;
    language?: string;
    page: number;
  },
) {
  const where = sqlJoin(
    [
      sql`e."endsAt" > ${options.now}`,
      ...(options.kind ? [sql`e."kind" = ${options.kind}`] : []),
      // Codes are a fixed list (eventFilterSchema), so none holds a LIKE wildcard.
      ...(options.language ? [sql`e."languages" LIKE ${`%,${options.language},%`}`] : []),
    ],
    " AND ",
  );
  const mine = options.viewer
    ? sql`(SELECT m."status" FROM "Rsvp" m
          WHERE m."eventId" = e."id" AND m."userId" = ${options.viewer.id} AND m."status" <> 'cancelled')`
    : sql`NULL`;
  const page = sqlJoin(
    [
      sql`SELECT e."id", e."kind", e."title", e."locale", t."title" AS "translatedTitle",
        e."startsAt", e."endsAt", e."timeZone", e."status", e."languages", e."capacity",
        e."onlineUrl" <> '' AS "online", e."womenOnly",
        (SELECT COUNT(*) + COALESCE(SUM(r."children"), 0) + COALESCE(SUM(r."guests"), 0)
           FROM "Rsvp" r WHERE r."eventId" = e."id" AND r."status" = 'going') AS "seatsTaken",
        (SELECT COUNT(*) FROM "Rsvp" r WHERE r."eventId" = e."id" AND r."status" = 'waitlisted') AS "waiting",
        `,
      mine,
      sql` AS "myStatus"
        FROM "Event" e
        LEFT JOIN "EventTranslation" t ON t."eventId" = e."id" AND t."locale" = ${options.locale}
        WHERE `,
      where,
      sql` ORDER BY e."startsAt", e."id" LIMIT ${PAGE_SIZE} OFFSET ${(options.page - 1) * PAGE_SIZE}`,
    ],
    "",
  );
  const [rows, [count]] = await Promise.all([
    sqlRead<ListRow>(db, page),
    sqlRead<{ total: unknown }>(
      db,
      sqlJoin([sql`SELECT COUNT(*) AS "total" FROM "Event" e WHERE `, where], ""),
    ),
  ]);
  const total = toNumber(count?.total);
  return {
    events: rows.map((row) => listSummary(row, options.locale)),
    page: options.page,
    pageCount: Math.max(1, Math.ceil(total / PAGE_SIZE)),
    total,
  };
}

/** The summary of one row of listUpcoming's query (SQLite and PostgreSQL type values apart). */
function listSummary(row: ListRow, locale: Locale): EventSummary {
  return summary(
    {
      id: row.id,
      kind: row.kind,
      title: row.title,
      description: "",
      locale: row.locale,
      translations:
        row.translatedTitle === null
          ? []
          : [{ locale, title: row.translatedTitle, description: "" }],
      startsAt: toDate(row.startsAt)!,
      endsAt: toDate(row.endsAt)!,
      timeZone: row.timeZone,
      status: row.status,
      languages: row.languages,
      capacity: row.capacity === null || row.capacity === undefined ? null : toNumber(row.capacity),
      online: toBoolean(row.online),
      womenOnly: toBoolean(row.womenOnly),
    },
    locale,
    { seatsTaken: toNumber(row.seatsTaken), waiting: toNumber(row.waiting) },
    row.myStatus as RsvpStatus | null,
  );
}

/**
 * One event as this viewer may see it. The address is withheld (when the organizer asked) from
 * everyone but confirmed attendees and organizers; nobody but organizers sees who is coming.
 */
export async function eventForViewer(db: Db, eventId: string, viewer: Viewer, locale: Locale) {
  const event = await db.event.findUnique({
    where: { id: eventId },
    include: { ...listInclude, series: true },
  });
  if (!event) return null;
  const [counts, mine] = await Promise.all([
    countsFor(db, [event.id]),
    viewer ? myStatus(db, event.id, viewer.id) : Promise.resolve(null),
  ]);
  const isOrganizer = viewer !== null && hasRole(viewer.role, "organizer");
  const knowsPlace = mayKnowPlace(event, { isOrganizer, status: mine?.status ?? null });
  const text = textFor(event, locale);
  return {
    ...summary(
      fromPrisma(event),
      locale,
      counts.get(event.id)!,
      mine && mine.status !== "cancelled" ? mine.status : null,
    ),
    description: text.description,
    descriptionLocale: text.locale,
    seriesRule: event.series?.rrule ?? null,
    seriesId: event.seriesId,
    stepFreeAccess: event.stepFreeAccess,
    childcare: event.childcare,
    food: event.food,
    accessibilityNotes: event.accessibilityNotes,
    venueName: event.venueName,
    venueAddress: knowsPlace ? event.venueAddress : null,
    mapUrl: knowsPlace ? event.mapUrl : null,
    onlineUrl: knowsPlace ? event.onlineUrl : null,
    placeHidden:
      !knowsPlace && (event.venueAddress !== "" || event.onlineUrl !== "" || event.mapUrl !== ""),
    rsvpDeadline: event.rsvpDeadline?.toISOString() ?? null,
    mine: mine && mine.status !== "cancelled" ? mine : null,
    isOrganizer,
  };
}
export type EventForViewer = NonNullable<Awaited<ReturnType<typeof eventForViewer>>>;

/** "My events": what I'm going to, what I'm waiting for, and what has passed. */
export async function myEvents(db: Db, userId: string, locale: Locale, now: Date) {
  const rsvps = await db.rsvp.findMany({
    where: { userId, status: { in: ["going", "waitlisted"] } },
    include: { event: { include: listInclude } },
    orderBy: { event: { startsAt: "asc" } },
  });
  const counts = await countsFor(
    db,
    rsvps.map((r) => r.eventId),
  );
  const rows = rsvps.map((r) => ({
    ...summary(fromPrisma(r.event), locale, counts.get(r.eventId)!, r.status as RsvpStatus),
    companions: seatsOf(r) - 1,
  }));
  const upcoming = rows.filter((r) => new Date(r.endsAt) > now);
  return {
    going: upcoming.filter((r) => r.myStatus === "going"),
    waitlisted: upcoming.filter((r) => r.myStatus === "waitlisted"),
    past: rows.filter((r) => new Date(r.endsAt) <= now && r.myStatus === "going").reverse(),
  };
}
