import { sqlRead, type Db } from "~/db.server";
import { sql, sqlJoin, toBoolean, toDate, toNumber, type SqlQuery } from "~/db/sql";
import type { Locale } from "~/i18n/config";
import type { StoredVersion } from "./versions.server";

/**
 * One event as a feed needs it: the event's own fields, its text in the reader's language (if an
 * organizer added one), the reader's answer, and the version the reader's calendar last saw.
 */
export type FeedEvent = {
  id: string;
  kind: string;
  title: string;
  description: string;
  locale: string;
  startsAt: Date;
  endsAt: Date;
  timeZone: string;
  venueName: string;
  venueAddress: string;
  onlineUrl: string;
  hideAddress: boolean;
  status: string;
  sequence: number;
  updatedAt: Date;
  translations: { locale: string; title: string; description: string }[];
  /** going | waitlisted in a personal feed; null in the public one. */
  rsvpStatus: string | null;
  stored: StoredVersion | null;
};

type Row = {
  id: string;
  kind: string;
  title: string;
  description: string;
  locale: string;
  startsAt: unknown;
  endsAt: unknown;
  timeZone: string;
  venueName: string;
  venueAddress: string;
  onlineUrl: string;
  hideAddress: unknown;
  status: string;
  sequence: unknown;
  updatedAt: unknown;
  rsvpStatus: string | null;
  translatedTitle: string | null;
  translatedDescription: string | null;
  storedHash: string | null;
  storedSequence: unknown;
  storedModifiedAt: unknown;
};

function feedEvent(row: Row, readerLocale: Locale): FeedEvent {
  return {
    id: row.id,
    kind: row.kind,
    title: row.title,
    description: row.description,
    locale: row.locale,
    startsAt: toDate(row.startsAt)!,
    endsAt: toDate(row.endsAt)!,
    timeZone: row.timeZone,
    venueName: row.venueName,
    venueAddress: row.venueAddress,
    onlineUrl: row.onlineUrl,
    hideAddress: toBoolean(row.hideAddress),
    status: row.status,
    sequence: toNumber(row.sequence),
    updatedAt: toDate(row.updatedAt)!,
    translations:
      row.translatedTitle === null
        ? []
        : [
            {
              locale: readerLocale,
              title: row.translatedTitle,
              description: row.translatedDescription ?? "",
            },
          ],
    rsvpStatus: row.rsvpStatus,
    stored:
      row.storedHash === null
        ? null
        : {
            hash: row.storedHash,
            sequence: toNumber(row.storedSequence),
            modifiedAt: toDate(row.storedModifiedAt)!,
          },
  };
}

// The same columns for both feeds; the translation and the reader's version are joined in, so a
// feed is one statement instead of Prisma's three with 500-long IN lists (docs/decisions/0015).
const columns = sql`
  SELECT e."id", e."kind", e."title", e."description", e."locale", e."startsAt", e."endsAt",
         e."timeZone", e."venueName", e."venueAddress", e."onlineUrl", e."hideAddress",
         e."status", e."sequence", e."updatedAt",
         t."title" AS "translatedTitle", t."description" AS "translatedDescription",
         v."hash" AS "storedHash", v."sequence" AS "storedSequence",
         v."modifiedAt" AS "storedModifiedAt"`;

function joins(readerLocale: Locale, readerKey: string): SqlQuery {
  return sql`
  LEFT JOIN "EventTranslation" t ON t."eventId" = e."id" AND t."locale" = ${readerLocale}
  LEFT JOIN "CalendarVersion" v ON v."eventId" = e."id" AND v."readerKey" = ${readerKey}`;
}

/** What a person is going to or waiting for, ending after `since`, earliest first. */
export async function personalFeedEvents(
  db: Db,
  user: { id: string; locale: Locale },
  readerKey: string,
  since: Date,
): Promise<FeedEvent[]> {
  const rows = await sqlRead<Row>(
    db,
    sqlJoin(
      [
        columns,
        sql`, r."status" AS "rsvpStatus"
  FROM "Rsvp" r
  JOIN "Event" e ON e."id" = r."eventId"`,
        joins(user.locale, readerKey),
        sql`
  WHERE r."userId" = ${user.id} AND r."status" IN ('going', 'waitlisted') AND e."endsAt" > ${since}
  ORDER BY e."startsAt" ASC, e."id" ASC`,
      ],
      "",
    ),
  );
  return rows.map((row) => feedEvent(row, user.locale));
}

/** Upcoming events for everyone (cancelled ones too), earliest first, at most `limit`. */
export async function publicFeedEvents(
  db: Db,
  options: { kind?: string; locale: Locale; readerKey: string; now: Date; limit: number },
): Promise<FeedEvent[]> {
  const rows = await sqlRead<Row>(
    db,
    sqlJoin(
      [
        columns,
        sql`, NULL AS "rsvpStatus"
  FROM "Event" e`,
        joins(options.locale, options.readerKey),
        options.kind
          ? sql`
  WHERE e."endsAt" > ${options.now} AND e."kind" = ${options.kind}`
          : sql`
  WHERE e."endsAt" > ${options.now}`,
        sql`
  ORDER BY e."startsAt" ASC, e."id" ASC
  LIMIT ${options.limit}`,
      ],
      "",
    ),
  );
  return rows.map((row) => feedEvent(row, options.locale));
}

/** The member a feed's secret belongs to, or null. */
export async function feedOwner(
  db: Db,
  token: string,
): Promise<{
  id: string;
  locale: string | null;
  role: string;
  calendarFullTitles: boolean;
} | null> {
  const [row] = await sqlRead<{
    id: string;
    locale: string | null;
    role: string;
    calendarFullTitles: unknown;
  }>(
    db,
    sql`SELECT "id", "locale", "role", "calendarFullTitles" FROM "User" WHERE "calendarToken" = ${token}`,
  );
  return row ? { ...row, calendarFullTitles: toBoolean(row.calendarFullTitles) } : null;
}
