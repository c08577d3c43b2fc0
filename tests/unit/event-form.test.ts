import { describe, expect, it } from "vitest";
import type { Event } from "~/generated/prisma/client";
import { deadlineFor, deadlineHoursOf, eventFormDefaults } from "~/events/event-form";

const event = {
  id: "e1",
  kind: "cafe",
  title: "Café",
  description: "Tea and talk",
  locale: "en",
  languages: ",en,fa,",
  // 18:00–20:00 in Tokyo.
  startsAt: new Date("2026-06-14T09:00:00Z"),
  endsAt: new Date("2026-06-14T11:00:00Z"),
  timeZone: "Asia/Tokyo",
  venueName: "Hall",
  venueAddress: "1-2-3",
  mapUrl: "",
  onlineUrl: "https://example.org/room",
  hideAddress: true,
  stepFreeAccess: false,
  childcare: true,
  food: false,
  womenOnly: false,
  accessibilityNotes: "",
  capacity: 20,
  rsvpDeadline: new Date("2026-06-13T09:00:00Z"),
} as unknown as Event;

describe("the event form", () => {
  it("turns hours before the start into a deadline and back", () => {
    const startsAt = new Date("2026-06-14T09:00:00Z");
    expect(deadlineFor(startsAt, 24)).toEqual(new Date("2026-06-13T09:00:00Z"));
    expect(deadlineFor(startsAt, null)).toBeNull();
    expect(deadlineHoursOf(startsAt, deadlineFor(startsAt, 36))).toBe(36);
    expect(deadlineHoursOf(startsAt, null)).toBeNull();
  });

  it("starts an edit from the saved event, in the event's own time zone", () => {
    expect(eventFormDefaults(event)).toMatchObject({
      languages: ["en", "fa"],
      date: "2026-06-14",
      startTime: "18:00",
      endTime: "20:00",
      mapUrl: undefined,
      onlineUrl: "https://example.org/room",
      hideAddress: "on",
      stepFreeAccess: undefined,
      childcare: "on",
      capacity: "20",
      rsvpDeadlineHours: "24",
      scope: "one",
    });
    expect(eventFormDefaults({ ...event, rsvpDeadline: null }).rsvpDeadlineHours).toBeUndefined();
  });
});
