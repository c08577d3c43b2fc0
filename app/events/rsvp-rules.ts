/**
 * The RSVP rules, pure: who gets a seat, who waits, who is promoted. The database layer
 * (rsvp.server.ts) applies these decisions inside one write transaction.
 */

export type RsvpStatus = "going" | "waitlisted" | "cancelled";

export type Party = { id: string; children: number; guests: number };
export type WaitingParty = Party & { queueSeq: number };

export const MAX_COMPANIONS = 6;
export const MAX_RSVP_NOTE_LENGTH = 500;

/** The person plus the children and guests they bring. */
export function seatsOf(party: { children: number; guests: number }): number {
  return 1 + party.children + party.guests;
}

/** Seats the confirmed parties take: each person plus the children and guests they bring. */
export function seatsTaken(going: { parties: number; children: number; guests: number }): number {
  return going.parties + going.children + going.guests;
}

/** Seats still free; unlimited events always have room. */
export function freeSeats(capacity: number | null, confirmedSeats: number): number {
  return capacity === null ? Number.POSITIVE_INFINITY : Math.max(0, capacity - confirmedSeats);
}

/**
 * Waitlisted parties to promote now: in arrival order, each that fits in what is left. A party
 * too large for the free seats keeps its place and the next one that fits goes ahead.
 */
export function planPromotions(
  capacity: number | null,
  confirmedSeats: number,
  waitlist: readonly WaitingParty[],
): string[] {
  let free = freeSeats(capacity, confirmedSeats);
  const promoted: string[] = [];
  for (const party of [...waitlist].sort((a, b) => a.queueSeq - b.queueSeq)) {
    if (free <= 0) break;
    const seats = seatsOf(party);
    if (seats <= free) {
      promoted.push(party.id);
      free -= seats;
    }
  }
  return promoted;
}

/** 1-based place in the queue among those still waiting, or null when not waiting. */
export function waitlistPosition(waitlist: readonly WaitingParty[], id: string): number | null {
  const ordered = [...waitlist].sort((a, b) => a.queueSeq - b.queueSeq);
  const index = ordered.findIndex((party) => party.id === id);
  return index === -1 ? null : index + 1;
}

export type RsvpRefusal = "errors.eventCancelled" | "errors.rsvpClosed" | "errors.eventPast";

/** Whether a person may still join or change their RSVP (cancelling is always allowed). */
export function rsvpRefusal(
  event: { status: string; startsAt: Date; rsvpDeadline: Date | null },
  now: Date,
): RsvpRefusal | null {
  if (event.status === "cancelled") return "errors.eventCancelled";
  if (event.startsAt <= now) return "errors.eventPast";
  if (event.rsvpDeadline && event.rsvpDeadline <= now) return "errors.rsvpClosed";
  return null;
}

/**
 * Why this person may not RSVP to a gathering for women, or null when they may. The answer is
 * self-described (settings) and nobody checks it; an organizer's named exception lets someone
 * else join one event. `notAnswered` lets the page point to the settings question.
 */
export type WomenOnlyRefusal = "womenOnly.notAnswered" | "womenOnly.notForYou";

export function womenOnlyRefusal(
  event: { womenOnly: boolean },
  person: { describesAsWoman: boolean | null; hasException: boolean },
): WomenOnlyRefusal | null {
  if (!event.womenOnly || person.describesAsWoman === true || person.hasException) return null;
  return person.describesAsWoman === null ? "womenOnly.notAnswered" : "womenOnly.notForYou";
}
