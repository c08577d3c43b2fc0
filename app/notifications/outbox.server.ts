import type { Db } from "~/db.server";
import { newId } from "~/db/ids";
import type { Prisma } from "~/generated/prisma/client";
import { prismaRunner, sql, sqlJoin, type SqlRunner } from "~/db/sql";
import type { EventChange } from "~/events/events.server";
import type { RsvpChange } from "~/events/rsvp.server";
import type { MentoringChange } from "~/mentorship/workflow.server";
import type { MessageKind } from "./kinds";

type Tx = Prisma.TransactionClient;

export type NewMessage = {
  kind: MessageKind;
  userId: string;
  payload: Record<string, string>;
  /**
   * At most one message ever has this key: a row whose key is already recorded is skipped, so
   * jobs that run in every sender round, in every process, record each message once.
   */
  dedupeKey?: string;
};

/**
 * Records messages for the sender. Call it with the transaction that makes the change, so the
 * message exists exactly when the change does. Returns how many were recorded: fewer than given
 * when some dedupe keys were taken already.
 */
export async function enqueueMessages(tx: Tx | Db, messages: NewMessage[]): Promise<number> {
  return recordMessages(prismaRunner(tx), messages);
}

/** Rows per INSERT: eleven values each, well inside SQLite's and PostgreSQL's limits. */
const ROWS_PER_INSERT = 500;

/** The one INSERT of outbox rows, for Prisma transactions and hand-written ones alike. */
export async function recordMessages(
  sqlRunner: SqlRunner,
  messages: NewMessage[],
): Promise<number> {
  // Every RSVP records one under the write lock, so it is hand-written (docs/decisions/0010);
  // a cancelled café records one per person, so rows go in one statement.
  const now = new Date();
  let recorded = 0;
  for (let start = 0; start < messages.length; start += ROWS_PER_INSERT) {
    const rows = messages
      .slice(start, start + ROWS_PER_INSERT)
      .map(
        (m) =>
          sql`(${newId()}, ${m.kind}, ${m.userId}, ${JSON.stringify(m.payload)}, ${m.dedupeKey ?? null}, 'pending', 0, ${now}, '', ${now}, ${now})`,
      );
    const { changes } = await sqlRunner.run(
      sqlJoin(
        [
          sql`INSERT INTO "OutboxMessage" ("id", "kind", "userId", "payload", "dedupeKey", "status",
            "attempts", "nextAttemptAt", "lastError", "createdAt", "updatedAt") VALUES `,
          sqlJoin(rows, ", "),
          // Another process (or an earlier round) recorded a message with this key already.
          sql` ON CONFLICT ("dedupeKey") DO NOTHING`,
        ],
        "",
      ),
    );
    recorded += changes;
  }
  return recorded;
}

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
