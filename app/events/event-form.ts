import type { Event } from "~/generated/prisma/client";
import { decodeList } from "~/utils/comma-list";
import { localParts } from "./recurrence";

const HOUR_MS = 3_600_000;

/** The form asks "close RSVPs this many hours before"; the event stores the moment. */
export function deadlineFor(startsAt: Date, hours: number | null | undefined): Date | null {
  return hours === null || hours === undefined
    ? null
    : new Date(startsAt.getTime() - hours * HOUR_MS);
}

/** The inverse of deadlineFor, for showing a saved event in the form. */
export function deadlineHoursOf(startsAt: Date, deadline: Date | null): number | null {
  return deadline === null ? null : Math.round((startsAt.getTime() - deadline.getTime()) / HOUR_MS);
}

/**
 * A saved occurrence as the edit form's starting values, in the words the form submits:
 * local date and times in the event's zone, checkboxes as "on", empty links left out.
 */
export function eventFormDefaults(event: Event) {
  const start = localParts(event.startsAt, event.timeZone);
  const end = localParts(event.endsAt, event.timeZone);
  const deadlineHours = deadlineHoursOf(event.startsAt, event.rsvpDeadline);
  return {
    kind: event.kind,
    title: event.title,
    description: event.description,
    locale: event.locale,
    languages: decodeList(event.languages),
    date: start.date,
    startTime: start.time,
    endTime: end.time,
    timeZone: event.timeZone,
    venueName: event.venueName,
    venueAddress: event.venueAddress,
    mapUrl: event.mapUrl || undefined,
    onlineUrl: event.onlineUrl || undefined,
    hideAddress: event.hideAddress ? "on" : undefined,
    stepFreeAccess: event.stepFreeAccess ? "on" : undefined,
    childcare: event.childcare ? "on" : undefined,
    food: event.food ? "on" : undefined,
    womenOnly: event.womenOnly ? "on" : undefined,
    accessibilityNotes: event.accessibilityNotes,
    capacity: event.capacity?.toString(),
    rsvpDeadlineHours: deadlineHours === null ? undefined : String(deadlineHours),
    scope: "one",
  };
}
