import type { Prisma } from "~/generated/prisma/client";
import type { EventChange, RsvpChange } from "~/events/changes";
import type { MentoringChange } from "~/mentorship/changes";
import type { MessageKind } from "./kinds";
import { enqueueMessages, type NewMessage } from "./outbox.server";

// Which emails a domain change causes. The domains call these in the transaction that makes
// the change; the change types live in the domains' pure modules, so nothing here imports a
// domain's code and the outbox itself knows no domain.

type Tx = Prisma.TransactionClient;

const rsvpMessageKind: Partial<Record<RsvpChange["kind"], MessageKind>> = {
  confirmed: "rsvp_confirmed",
  waitlisted: "rsvp_waitlisted",
  promoted: "rsvp_promoted",
  // Cancelling is the person's own act, on a page that already says it worked.
};

/** Emails for RSVP changes: "you have a place", "you are on the waiting list", "a seat opened". */
export async function enqueueRsvpMessages(tx: Tx, changes: RsvpChange[]): Promise<void> {
  await enqueueMessages(tx, rsvpMessagesFor(changes));
}

export function rsvpMessagesFor(changes: RsvpChange[]): NewMessage[] {
  const messages: NewMessage[] = [];
  for (const change of changes) {
    const kind = rsvpMessageKind[change.kind];
    if (kind) messages.push({ kind, userId: change.userId, payload: { eventId: change.eventId } });
  }
  return messages;
}

/**
 * Emails for organizer edits: a new time or place, or a cancellation, goes to everyone who is
 * going or waiting. Edits of wording alone reach people through their calendars, not their inbox.
 */
export async function enqueueEventMessages(tx: Tx, changes: EventChange[]): Promise<void> {
  for (const change of changes) {
    if (change.kind === "changed" && !change.timeOrPlaceChanged) continue;
    const people = await tx.rsvp.findMany({
      where: { eventId: change.eventId, status: { in: ["going", "waitlisted"] } },
      select: { userId: true },
    });
    const kind: MessageKind = change.kind === "cancelled" ? "event_cancelled" : "event_changed";
    await enqueueMessages(
      tx,
      people.map((p) => ({ kind, userId: p.userId, payload: { eventId: change.eventId } })),
    );
  }
}

/**
 * Emails for mentoring: the proposal to answer, the introduction once both said yes, a kind
 * word when a proposal does not go ahead or a match ends, the mentor's nudge after three quiet
 * weeks, and organizers' notice of a quiet request for another mentor (never the mentor's).
 * `actorId` is whoever caused the change; they already know and get no email about it.
 */
export async function enqueueMentoringMessages(
  tx: Tx,
  changes: MentoringChange[],
  actorId?: string,
): Promise<void> {
  const messages: NewMessage[] = [];
  for (const change of changes) {
    const payload = { matchId: change.matchId };
    if (change.kind === "rematch_requested") {
      const organizers = await tx.user.findMany({
        where: { role: { in: ["organizer", "admin"] } },
        select: { id: true },
      });
      for (const o of organizers)
        messages.push({ kind: "mentoring_rematch", userId: o.id, payload });
      continue;
    }
    const kind = mentoringMessageKind[change.kind];
    for (const userId of change.userIds) {
      if (userId !== actorId) messages.push({ kind, userId, payload });
    }
  }
  await enqueueMessages(tx, messages);
}

const mentoringMessageKind: Record<
  Exclude<MentoringChange["kind"], "rematch_requested">,
  MessageKind
> = {
  proposed: "mentoring_proposed",
  activated: "mentoring_introduction",
  declined: "mentoring_not_going_ahead",
  expired: "mentoring_not_going_ahead",
  ended: "mentoring_ended",
  checkin_due: "mentoring_checkin",
};
