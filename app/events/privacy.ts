/**
 * Who may know where an event is: everyone when the organizer allowed it, otherwise only
 * confirmed attendees and organizers. Used by the event page and every calendar file.
 */
export function mayKnowPlace(
  event: { hideAddress: boolean },
  viewer: { isOrganizer: boolean; status: string | null },
): boolean {
  return !event.hideAddress || viewer.isOrganizer || viewer.status === "going";
}
