/**
 * Every RSVP state change passes through rsvp.server.ts and is reported as an RsvpChange; the
 * emails it causes are recorded in the outbox inside the same transaction.
 */
export type RsvpChange = {
  kind: "confirmed" | "waitlisted" | "promoted" | "cancelled";
  eventId: string;
  userId: string;
  rsvpId: string;
};

/** An organizer's edit or cancellation of one occurrence (events.server.ts). */
export type EventChange = {
  kind: "changed" | "cancelled";
  eventId: string;
  /** Time or place changed: people who are going should be told. */
  timeOrPlaceChanged: boolean;
};
