import { singleEventEntry } from "~/calendar/feeds.server";
import { googleCalendarLink } from "~/calendar/ics.server";
import type { Db } from "~/db.server";
import type { Locale } from "~/i18n/config";
import { formatDateTime, timeZoneName } from "~/i18n/format";
import { getFixedT } from "~/i18n/i18next.server";
import { eventForViewer } from "./queries.server";
import { recurrenceText } from "./recurrence-text";
import { rsvpRefusal } from "./rsvp-rules";
import { womenOnlyRefusalFor } from "./women-only.server";

/**
 * Everything the event page shows, for this viewer in this language: the event as they may see
 * it, whether they can answer (and if not, why), how it repeats, its zone and deadline in
 * words, and the Google Calendar link. Null when there is no such event.
 */
export async function eventPage(
  db: Db,
  eventId: string,
  viewer: { id: string; role: string } | null,
  locale: Locale,
  appUrl: string,
  now = new Date(),
) {
  const event = await eventForViewer(db, eventId, viewer, locale);
  if (!event) return null;
  const startsAt = new Date(event.startsAt);
  const refusal = rsvpRefusal(
    {
      status: event.status,
      startsAt,
      rsvpDeadline: event.rsvpDeadline ? new Date(event.rsvpDeadline) : null,
    },
    now,
  );
  return {
    event,
    refusal,
    notForMe: viewer ? await womenOnlyRefusalFor(db, event, viewer.id) : null,
    repeats: event.seriesRule
      ? recurrenceText(await getFixedT(locale), event.seriesRule, startsAt, event.timeZone, locale)
      : null,
    zoneName: timeZoneName(event.timeZone, locale, startsAt),
    googleCalendar: googleCalendarLink(
      (await singleEventEntry(
        db,
        event.id,
        viewer ? { id: viewer.id, isOrganizer: event.isOrganizer } : null,
        locale,
        appUrl,
      ))!,
    ),
    deadline: event.rsvpDeadline
      ? formatDateTime(new Date(event.rsvpDeadline), locale, event.timeZone)
      : null,
  };
}
