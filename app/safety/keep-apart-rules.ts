/**
 * Who must be kept from whom, as pure functions over rules (docs/decisions/0013). A rule is
 * between two accounts; it is symmetrical for everything the platform does (neither is proposed
 * to the other, either's presence at an event alerts organizers), and only the record of who
 * asked differs.
 */
/** Where a member's request stands, as the member sees it: received, being acted on, closed. */
export const requestStatuses = ["received", "acting", "closed"] as const;
export type RequestStatus = (typeof requestStatuses)[number];

export type ApartPair = { id: string; protectedId: string; otherId: string };

/** Whether a rule holds between these two people, in either order. */
export function keptApart(rules: readonly ApartPair[], a: string, b: string): boolean {
  return rules.some(
    (r) => (r.protectedId === a && r.otherId === b) || (r.protectedId === b && r.otherId === a),
  );
}

/**
 * For each person, everyone they must never be proposed to. The matching engine takes
 * exclusions per mentee; since either person of a rule may be the mentee, both directions go in.
 */
export function exclusionsFrom(rules: readonly ApartPair[]): Map<string, string[]> {
  const out = new Map<string, string[]>();
  const add = (from: string, to: string) => {
    const list = out.get(from) ?? [];
    if (!list.includes(to)) list.push(to);
    out.set(from, list);
  };
  for (const rule of rules) {
    add(rule.protectedId, rule.otherId);
    add(rule.otherId, rule.protectedId);
  }
  return out;
}

/** A seat or a waiting-list place; cancelled answers do not count. */
export type Attendance = { eventId: string; userId: string; status: string };

export type EventConflict = {
  ruleId: string;
  eventId: string;
  protectedId: string;
  otherId: string;
};

const present = (status: string) => status === "going" || status === "waitlisted";

/**
 * Every event where both people of a rule have a seat or a waiting-list place, whoever answered
 * first and whether the rule came before or after: one conflict per rule and event.
 */
export function eventConflicts(
  rules: readonly ApartPair[],
  attendance: readonly Attendance[],
): EventConflict[] {
  const byEvent = new Map<string, Set<string>>();
  for (const a of attendance) {
    if (!present(a.status)) continue;
    const people = byEvent.get(a.eventId) ?? new Set<string>();
    people.add(a.userId);
    byEvent.set(a.eventId, people);
  }
  const conflicts: EventConflict[] = [];
  for (const [eventId, people] of byEvent) {
    for (const rule of rules) {
      if (people.has(rule.protectedId) && people.has(rule.otherId))
        conflicts.push({
          ruleId: rule.id,
          eventId,
          protectedId: rule.protectedId,
          otherId: rule.otherId,
        });
    }
  }
  return conflicts;
}

/**
 * The key that makes the organizers' email go once per pair, event and organizer, whichever
 * order the two are named in and however many times the rule is ended and recorded again.
 */
export function alertKey(eventId: string, a: string, b: string, recipientId: string): string {
  const [first, second] = a < b ? [a, b] : [b, a];
  return `keep_apart:${eventId}:${first}:${second}:${recipientId}`;
}

/**
 * Whether a check-in screen shows this person without a name: only when they asked, and only
 * while a rule protects them (the choice means nothing to anyone else).
 */
export function hiddenOnCheckIn(
  person: { userId: string; hideOnCheckIn: boolean },
  protectedIds: ReadonlySet<string>,
): boolean {
  return person.hideOnCheckIn && protectedIds.has(person.userId);
}
