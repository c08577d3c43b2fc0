import type { CreateEventInput } from "~/events/schemas";

/** A complete, valid event form; tests override only what they are about. */
export function eventInput(overrides: Partial<CreateEventInput> = {}): CreateEventInput {
  return {
    kind: "cafe",
    title: "Refugee Café",
    description: "Tea, snacks and conversation.",
    locale: "en",
    languages: ["ja", "en", "fa"],
    date: "2026-12-12",
    startTime: "14:00",
    endTime: "16:00",
    timeZone: "Asia/Tokyo",
    venueName: "Sophia University, Building 2",
    venueAddress: "7-1 Kioicho, Chiyoda-ku, Tokyo",
    mapUrl: undefined,
    onlineUrl: undefined,
    hideAddress: true,
    stepFreeAccess: false,
    childcare: false,
    food: false,
    womenOnly: false,
    accessibilityNotes: "",
    capacity: 10,
    rsvpDeadlineHours: undefined,
    repeat: "none",
    untilDate: undefined,
    ...overrides,
  };
}

/** A date `days` from now, as the form's date field takes it. */
export function daysAhead(days: number): string {
  return new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
}
