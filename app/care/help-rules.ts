import type { HelpTopic } from "./topics";

/**
 * The rules of help requests that need no database: how urgent a request is, when it must have
 * been taken, who may read it. Kept pure so the queue, the sender round and the routes agree.
 */
export const helpUrgencies = ["today", "week", "whenever"] as const;
export type HelpUrgency = (typeof helpUrgencies)[number];

export const helpContacts = ["here", "email", "handle"] as const;
export type HelpContact = (typeof helpContacts)[number];

export const helpStatuses = ["received", "taken", "answered", "closed", "withdrawn"] as const;
export type HelpStatus = (typeof helpStatuses)[number];

/** What an organizer records when closing; "member_closed" is set when she closes it herself. */
export const helpOutcomes = ["helped", "referred", "no_longer_needed", "could_not_reach"] as const;
export type HelpOutcome = (typeof helpOutcomes)[number] | "member_closed";

export const openStatuses: readonly HelpStatus[] = ["received", "taken", "answered"];

const HOUR = 60 * 60 * 1000;
const DAY = 24 * HOUR;

/** How long a request may wait before someone takes it. */
export const takeWindowMs: Record<HelpUrgency, number> = {
  today: 2 * HOUR,
  week: 2 * DAY,
  whenever: 5 * DAY,
};

/** Texts are erased this long after a request was closed or withdrawn. */
export const RETENTION_MS = 90 * DAY;

type Urgent = { topic: string; urgency: string };

/** Someone frightening her, or nowhere to sleep tonight: shown first, with the emergency numbers. */
export function isUrgent(request: Urgent): boolean {
  return (
    request.topic === "frightened" || (request.topic === "sleep" && request.urgency === "today")
  );
}

/** 0 for the urgent kinds, then today, this week, no hurry. */
export function urgencyRank(request: Urgent): number {
  if (isUrgent(request)) return 0;
  return 1 + Math.max(0, helpUrgencies.indexOf(request.urgency as HelpUrgency));
}

/** The queue's order: urgency first, then the one waiting longest. */
export function compareForQueue<T extends Urgent & { createdAt: Date }>(a: T, b: T): number {
  return urgencyRank(a) - urgencyRank(b) || a.createdAt.getTime() - b.createdAt.getTime();
}

function windowOf(urgency: string): number {
  return takeWindowMs[urgency as HelpUrgency] ?? takeWindowMs.whenever;
}

/** When the organizers who may see an untaken request are emailed that it waits. */
export function organizerEscalationDue(request: { urgency: string; createdAt: Date }): Date {
  return new Date(request.createdAt.getTime() + windowOf(request.urgency));
}

/**
 * When admins are emailed, if still nobody took it: one more window after the organizers'
 * (so 4 hours for today, 4 days for this week, 10 days for no hurry).
 */
export function adminEscalationDue(request: { urgency: string; createdAt: Date }): Date {
  return new Date(request.createdAt.getTime() + 2 * windowOf(request.urgency));
}

export type HelpViewer = { id: string; role: string; answersWomenRequests: boolean };

/** Organizers see every request, except those asking for a woman unless they answer those. */
export function organizerMaySee(
  viewer: Pick<HelpViewer, "role" | "answersWomenRequests">,
  request: { wantsWoman: boolean },
): boolean {
  if (viewer.role === "admin") return true;
  if (viewer.role !== "organizer") return false;
  return !request.wantsWoman || viewer.answersWomenRequests;
}

/** The member herself, organizers who may see it, and admins: nobody else. */
export function maySeeRequest(
  viewer: HelpViewer,
  request: { memberId: string | null; wantsWoman: boolean },
): boolean {
  return (
    (request.memberId !== null && request.memberId === viewer.id) ||
    organizerMaySee(viewer, request)
  );
}

/** The directory topics worth showing for a request ("other" matches every entry). */
export function topicsFor(topic: string): HelpTopic[] {
  return topic === "other" ? [] : [topic as HelpTopic];
}

export function retentionEnds(closedAt: Date): Date {
  return new Date(closedAt.getTime() + RETENTION_MS);
}

export function encodeList(values: Iterable<string>): string {
  const list = [...new Set(values)];
  return `,${list.join(",")}${list.length ? "," : ""}`;
}

export function decodeList(stored: string): string[] {
  return stored.split(",").filter(Boolean);
}
