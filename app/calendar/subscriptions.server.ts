import { createHash } from "node:crypto";
import { hasRole } from "~/accounts/roles";
import type { Db } from "~/db.server";
import { env } from "~/env.server";
import { mayKnowPlace } from "~/events/privacy";
import { isLocale, type Locale } from "~/i18n/config";
import { getFixedT } from "~/i18n/i18next.server";
import { messagesVersion } from "~/i18n/resources.server";
import {
  feedOwner,
  personalFeedEvents,
  publicFeedEvents,
  type FeedEvent,
} from "./feed-rows.server";
import { calendarEntry, PAST_DAYS } from "./feeds.server";
import { ifNoneMatchHits } from "./http.server";
import { buildCalendar, type CalendarEntry } from "./ics.server";
import { readerKey, readerVersions, type Reader, type StoredVersion } from "./versions.server";

/*
 * The feeds calendar apps subscribe to (everyone's and each member's): read in one statement,
 * tagged with an ETag, rendered only when the tag the app sent is out of date.
 */

/**
 * What a feed is made from, read in one statement: who reads it, in which language, and each
 * event with the reader's answer and the version their calendar last saw.
 */
export type FeedSource = {
  /** The calendar's name as calendar apps list it. */
  name: string;
  reader: Reader;
  locale: Locale;
  /** The secret in the URL (personal feeds) or the kind asked for (public feed). */
  scope: string;
  isOrganizer: boolean;
  fullTitles: boolean;
  events: FeedEvent[];
};

/** Bump when the code changes what a feed looks like for the same data, so calendars re-read. */
const FEED_FORMAT = "1";

/**
 * The feed's strong ETag: a digest of everything its bytes are made from (the events as read,
 * the reader's answers and language and title setting, the versions their calendar has, the
 * translations, the server's address), so equal tags mean equal bytes. `versions` are the ones
 * the body carries: as stored when checking a request, as just saved after rendering.
 */
export function feedTag(
  source: FeedSource,
  appUrl: string,
  versions: (StoredVersion | null)[] = source.events.map((e) => e.stored),
): string {
  const digest = createHash("sha256").update(
    JSON.stringify([
      FEED_FORMAT,
      appUrl,
      env().TSUNAGU_GROUP_NAME ?? null,
      messagesVersion,
      source.name,
      readerKey(source.reader),
      source.locale,
      source.scope,
      source.isOrganizer,
      source.fullTitles,
    ]),
  );
  source.events.forEach((e, i) => {
    const version = versions[i];
    digest.update(
      JSON.stringify([
        e.id,
        e.kind,
        e.title,
        e.description,
        e.locale,
        e.startsAt.getTime(),
        e.endsAt.getTime(),
        e.timeZone,
        e.venueName,
        e.venueAddress,
        e.onlineUrl,
        e.hideAddress,
        e.status,
        e.sequence,
        e.updatedAt.getTime(),
        e.translations,
        e.rsvpStatus,
        version ? [version.hash, version.sequence, version.modifiedAt.getTime()] : null,
      ]),
    );
  });
  return `"${digest.digest("base64url").slice(0, 32)}"`;
}

/** Everyone's feed: upcoming events (cancelled ones too, so calendars drop them), no hidden addresses. */
export async function publicFeedSource(
  db: Db,
  options: { kind?: string; locale: Locale; now: Date },
): Promise<FeedSource> {
  const reader: Reader = { publicLocale: options.locale };
  const events = await publicFeedEvents(db, {
    kind: options.kind,
    locale: options.locale,
    readerKey: readerKey(reader),
    now: options.now,
    limit: 500,
  });
  const t = await getFixedT(options.locale);
  return {
    name: options.kind ? `${t("app.name")}: ${t(`kinds.${options.kind}`)}` : t("app.name"),
    reader,
    locale: options.locale,
    scope: options.kind ?? "",
    isOrganizer: false,
    fullTitles: false,
    events,
  };
}

/** The person's own feed: what they are going to, and (as tentative) waiting for. */
export async function personalFeedSource(
  db: Db,
  token: string,
  now: Date,
): Promise<FeedSource | null> {
  const user = await feedOwner(db, token);
  if (!user) return null;
  const locale: Locale = isLocale(user.locale) ? user.locale : "en";
  const reader: Reader = { userId: user.id };
  const events = await personalFeedEvents(
    db,
    { id: user.id, locale },
    readerKey(reader),
    new Date(now.getTime() - PAST_DAYS * 86_400_000),
  );
  const t = await getFixedT(locale);
  return {
    name: t("calendar.personalName"),
    reader,
    locale,
    scope: token,
    isOrganizer: hasRole(user.role, "organizer"),
    fullTitles: user.calendarFullTitles,
    events,
  };
}

/**
 * The entries of a feed at the versions the reader's calendar will now have (saving new ones),
 * and the ETag of the body they make.
 */
export async function feedEntries(
  db: Db,
  source: FeedSource,
  appUrl: string,
  now: Date,
): Promise<{ entries: CalendarEntry[]; etag: string }> {
  const t = await getFixedT(source.locale);
  const entries = source.events.map((event) =>
    calendarEntry(event, {
      locale: source.locale,
      t,
      appUrl,
      knowsPlace: mayKnowPlace(event, {
        isOrganizer: source.isOrganizer,
        status: event.rsvpStatus,
      }),
      tentative: event.rsvpStatus === "waitlisted",
      fullTitles: source.fullTitles,
    }),
  );
  const known = new Map<string, StoredVersion>();
  for (const event of source.events) if (event.stored) known.set(event.id, event.stored);
  const versioned = await readerVersions(db, source.reader, entries, now, known);
  return { entries: versioned.entries, etag: feedTag(source, appUrl, versioned.saved) };
}

/**
 * A feed for a request: when `ifNoneMatch` names the ETag of what it would show, nothing is
 * rendered or written (body null, for a 304); otherwise the calendar and its new ETag.
 */
export async function conditionalFeed(
  db: Db,
  source: FeedSource,
  options: { appUrl: string; now: Date; ifNoneMatch: string | null },
): Promise<{ etag: string; body: string | null }> {
  if (options.ifNoneMatch !== null) {
    const unchanged = feedTag(source, options.appUrl);
    if (ifNoneMatchHits(options.ifNoneMatch, unchanged)) return { etag: unchanged, body: null };
  }
  const { entries, etag } = await feedEntries(db, source, options.appUrl, options.now);
  return { etag, body: buildCalendar(source.name, entries) };
}

/** Everyone's feed as entries (see publicFeedSource). */
export async function publicFeedEntries(
  db: Db,
  options: { kind?: string; locale: Locale; appUrl: string; now: Date },
): Promise<CalendarEntry[]> {
  const source = await publicFeedSource(db, options);
  return (await feedEntries(db, source, options.appUrl, options.now)).entries;
}

/** The person's own feed as entries (see personalFeedSource). */
export async function personalFeed(db: Db, token: string, appUrl: string, now: Date) {
  const source = await personalFeedSource(db, token, now);
  if (!source) return null;
  const { entries, etag } = await feedEntries(db, source, appUrl, now);
  return { locale: source.locale, entries, etag };
}
