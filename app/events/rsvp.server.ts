import type { Prisma } from "~/generated/prisma/client";
import { newId } from "~/db/ids";
import { sqlWriteTransaction, type Db, writeTransaction } from "~/db.server";
import { sql, toBoolean, toDate, toNumber, type SqlRunner } from "~/db/sql";
import { enqueueRsvpMessages, rsvpMessagesFor } from "~/notifications/change-messages.server";
import { recordMessages } from "~/notifications/outbox.server";
import type { RsvpChange } from "./changes";
import {
  freeSeats,
  planPromotions,
  rsvpRefusal,
  seatsOf,
  seatsTaken,
  waitlistPosition,
  womenOnlyRefusal,
  type RsvpStatus,
} from "./rsvp-rules";

type Tx = Prisma.TransactionClient;

// Every RSVP state change passes through the functions in this file and is reported as an
// RsvpChange (./changes); the emails it causes are recorded in the outbox in the same transaction.

export async function confirmedSeats(tx: Tx, eventId: string): Promise<number> {
  const sum = await tx.rsvp.aggregate({
    where: { eventId, status: "going" },
    _sum: { children: true, guests: true },
    _count: true,
  });
  return seatsTaken({
    parties: sum._count,
    children: sum._sum.children ?? 0,
    guests: sum._sum.guests ?? 0,
  });
}

/** Where this RSVP stands in the event's waiting list (1-based), or null when it is not waiting. */
export async function waitingPlace(
  tx: Tx | Db,
  eventId: string,
  rsvpId: string,
): Promise<number | null> {
  const waitlist = await tx.rsvp.findMany({
    where: { eventId, status: "waitlisted" },
    select: { id: true, children: true, guests: true, queueSeq: true },
  });
  return waitlistPosition(waitlist, rsvpId);
}

/** Promotes waitlisted parties that now fit, in arrival order. Runs after every change that can free a seat. */
export async function fillFromWaitlist(tx: Tx, eventId: string, now: Date): Promise<RsvpChange[]> {
  const event = await tx.event.findUniqueOrThrow({
    where: { id: eventId },
    select: { capacity: true, status: true },
  });
  if (event.status === "cancelled") return [];
  const waitlist = await tx.rsvp.findMany({
    where: { eventId, status: "waitlisted" },
    select: { id: true, userId: true, children: true, guests: true, queueSeq: true },
  });
  if (waitlist.length === 0) return [];
  const promote = planPromotions(event.capacity, await confirmedSeats(tx, eventId), waitlist);
  const changes: RsvpChange[] = [];
  for (const id of promote) {
    // The status condition makes a promotion happen once, even if this ran twice.
    const { count } = await tx.rsvp.updateMany({
      where: { id, status: "waitlisted" },
      data: { status: "going", confirmedAt: now },
    });
    const party = waitlist.find((p) => p.id === id)!;
    if (count === 1) changes.push({ kind: "promoted", eventId, userId: party.userId, rsvpId: id });
  }
  return changes;
}

export type RsvpInput = {
  eventId: string;
  userId: string;
  children: number;
  guests: number;
  interpretation: string | null;
  note: string;
};

export type RsvpResult =
  | { ok: true; status: RsvpStatus; position: number | null; changes: RsvpChange[] }
  | { ok: false; error: string; params?: Record<string, number> };

/**
 * "I'm going" (or changing how many come with me). A new answer joins the end of the queue and
 * is confirmed at once if it fits; a confirmed person who asks for more seats than are free
 * keeps their seat and is told how many are left.
 */
export async function answerGoing(db: Db, input: RsvpInput, now = new Date()): Promise<RsvpResult> {
  // Hundreds may answer at once and SQLite has one writer, so a new answer (nearly every
  // answer) is decided in a few hand-written statements; Prisma's per-statement cost was most
  // of an RSVP's time (docs/decisions/0010). Changing an earlier answer takes the general path.
  const decided = await sqlWriteTransaction(db, (sql) => decideNewAnswer(sql, input, now));
  if (decided !== "changes an earlier answer") return decided;
  return changeAnswer(db, input, now);
}

async function decideNewAnswer(
  runner: SqlRunner,
  input: RsvpInput,
  now: Date,
): Promise<RsvpResult | "changes an earlier answer"> {
  const [event] = await runner.all<EventWithMyAnswer>(sql`
    SELECT e."id", e."status", e."startsAt", e."rsvpDeadline", e."capacity", e."womenOnly",
           r."status" AS "rsvpStatus", u."describesAsWoman",
           EXISTS (SELECT 1 FROM "WomenOnlyException" x
                   WHERE x."eventId" = e."id" AND x."userId" = ${input.userId}) AS "excepted"
    FROM "Event" e
    LEFT JOIN "Rsvp" r ON r."eventId" = e."id" AND r."userId" = ${input.userId}
    LEFT JOIN "User" u ON u."id" = ${input.userId}
    WHERE e."id" = ${input.eventId}`);
  if (!event) return { ok: false, error: "errors.eventNotFound" };
  const refusal = rsvpRefusal(
    {
      status: event.status,
      startsAt: toDate(event.startsAt)!,
      rsvpDeadline: toDate(event.rsvpDeadline),
    },
    now,
  );
  if (refusal) return { ok: false, error: refusal };
  const notForThem = womenOnlyRefusal(
    { womenOnly: toBoolean(event.womenOnly) },
    {
      describesAsWoman: event.describesAsWoman === null ? null : toBoolean(event.describesAsWoman),
      hasException: toBoolean(event.excepted),
    },
  );
  if (notForThem) return { ok: false, error: notForThem };
  if (event.rsvpStatus && event.rsvpStatus !== "cancelled") return "changes an earlier answer";

  const groups = await runner.all<SeatGroup>(sql`
    SELECT "status", COUNT(*) AS "parties", COALESCE(SUM("children"), 0) AS "children",
           COALESCE(SUM("guests"), 0) AS "guests", MAX("queueSeq") AS "lastSeq"
    FROM "Rsvp" WHERE "eventId" = ${input.eventId} GROUP BY "status"`);
  const going = groups.find((g) => g.status === "going");
  const taken = going
    ? seatsTaken({
        parties: toNumber(going.parties),
        children: toNumber(going.children),
        guests: toNumber(going.guests),
      })
    : 0;
  const waiting = toNumber(groups.find((g) => g.status === "waitlisted")?.parties);
  const lastSeq = Math.max(0, ...groups.map((g) => toNumber(g.lastSeq)));
  const capacity = event.capacity === null ? null : toNumber(event.capacity);
  // Everyone already waiting needs more seats than are free (fillFromWaitlist keeps it so), so
  // a newcomer who fits takes the seat without jumping anyone who could have used it; and a
  // newcomer frees nothing, so nobody else moves.
  const fits = seatsOf(input) <= freeSeats(capacity, taken);
  const status = fits ? "going" : "waitlisted";
  const [row] = await runner.all<{ id: string }>(sql`
    INSERT INTO "Rsvp" ("id", "eventId", "userId", "status", "children", "guests",
      "interpretation", "noteToOrganizers", "queueSeq", "confirmedAt", "attendedAt",
      "createdAt", "updatedAt")
    VALUES (${newId()}, ${input.eventId}, ${input.userId}, ${status}, ${input.children},
      ${input.guests}, ${input.interpretation}, ${input.note}, ${lastSeq + 1},
      ${fits ? now : null}, ${null}, ${now}, ${now})
    ON CONFLICT ("eventId", "userId") DO UPDATE SET
      "status" = excluded."status", "children" = excluded."children",
      "guests" = excluded."guests", "interpretation" = excluded."interpretation",
      "noteToOrganizers" = excluded."noteToOrganizers", "queueSeq" = excluded."queueSeq",
      "confirmedAt" = excluded."confirmedAt", "attendedAt" = NULL,
      "updatedAt" = excluded."updatedAt"
    RETURNING "id"`);
  const changes: RsvpChange[] = [
    {
      kind: fits ? "confirmed" : "waitlisted",
      eventId: input.eventId,
      userId: input.userId,
      rsvpId: row!.id,
    },
  ];
  await recordMessages(runner, rsvpMessagesFor(changes));
  return {
    ok: true,
    status,
    // The newcomer has the highest queueSeq, so they wait behind everyone already waiting.
    position: fits ? null : waiting + 1,
    changes,
  };
}

/** A person who is going or waiting changes how many come, their needs or their note. */
async function changeAnswer(db: Db, input: RsvpInput, now: Date): Promise<RsvpResult> {
  const decided = await writeTransaction(
    db,
    async (
      tx,
    ): Promise<{ ok: true; changes: RsvpChange[] } | Extract<RsvpResult, { ok: false }>> => {
      const existing = await tx.rsvp.findUnique({
        where: { eventId_userId: { eventId: input.eventId, userId: input.userId } },
        include: {
          event: {
            select: {
              capacity: true,
              status: true,
              startsAt: true,
              rsvpDeadline: true,
              womenOnly: true,
              womenOnlyExceptions: { where: { userId: input.userId }, select: { userId: true } },
            },
          },
          user: { select: { describesAsWoman: true } },
        },
      });
      // Cancelled or gone since the first look: answer it as new, in its own transaction.
      if (!existing || existing.status === "cancelled") return { ok: false, error: "retry" };
      // The first look was another transaction: the event may have closed since.
      const refusal = rsvpRefusal(existing.event, now);
      if (refusal) return { ok: false, error: refusal };
      // The event may have become a gathering for women since this answer was given: the
      // place is kept (see docs/decisions/0014), but changing it follows the rule.
      const notForThem = womenOnlyRefusal(existing.event, {
        describesAsWoman: existing.user.describesAsWoman,
        hasException: existing.event.womenOnlyExceptions.length > 0,
      });
      if (notForThem) return { ok: false, error: notForThem };
      const details = {
        children: input.children,
        guests: input.guests,
        interpretation: input.interpretation,
        noteToOrganizers: input.note,
      };
      if (existing.status === "going") {
        const extra = seatsOf(details) - seatsOf(existing);
        const free = freeSeats(existing.event.capacity, await confirmedSeats(tx, input.eventId));
        if (extra > free) {
          return {
            ok: false,
            error: "errors.notEnoughSeats",
            params: { count: Math.max(0, free) },
          };
        }
      }
      await tx.rsvp.update({ where: { id: existing.id }, data: details });
      // A smaller party frees seats, and a waiting party that shrank may now fit.
      const changes = await fillFromWaitlist(tx, input.eventId, now);
      await enqueueRsvpMessages(tx, changes);
      return { ok: true, changes };
    },
  );
  if (!decided.ok) return decided.error === "retry" ? answerGoing(db, input, now) : decided;
  const mine = await myStatus(db, input.eventId, input.userId);
  return { ok: true, ...mine, changes: decided.changes };
}

type EventWithMyAnswer = {
  id: string;
  status: string;
  startsAt: unknown;
  rsvpDeadline: unknown;
  capacity: unknown;
  womenOnly: unknown;
  rsvpStatus: string | null;
  describesAsWoman: unknown;
  excepted: unknown;
};

type SeatGroup = {
  status: string;
  parties: unknown;
  children: unknown;
  guests: unknown;
  lastSeq: unknown;
};

/** "I can't come": always allowed, even after the deadline, and frees the seats at once. */
export async function cancelAnswer(
  db: Db,
  input: { eventId: string; userId: string },
  now = new Date(),
): Promise<{ ok: true; changes: RsvpChange[] } | { ok: false; error: string }> {
  return writeTransaction(db, (tx) => cancelInTransaction(tx, input, now));
}

/**
 * The one cancellation path, for a transaction that may do more (a suspension cancels every
 * upcoming answer of the account in its own transaction): frees the seats, promotes the waiting
 * list in order and records their emails.
 */
export async function cancelInTransaction(
  tx: Tx,
  input: { eventId: string; userId: string },
  now: Date,
): Promise<{ ok: true; changes: RsvpChange[] } | { ok: false; error: string }> {
  const existing = await tx.rsvp.findUnique({
    where: { eventId_userId: { eventId: input.eventId, userId: input.userId } },
  });
  if (!existing || existing.status === "cancelled") {
    const event = await tx.event.findUnique({
      where: { id: input.eventId },
      select: { id: true },
    });
    return { ok: false, error: event ? "errors.noRsvp" : "errors.eventNotFound" };
  }
  await tx.rsvp.update({
    where: { id: existing.id },
    data: { status: "cancelled", confirmedAt: null, attendedAt: null },
  });
  const changes: RsvpChange[] = [
    { kind: "cancelled", eventId: input.eventId, userId: input.userId, rsvpId: existing.id },
    ...(await fillFromWaitlist(tx, input.eventId, now)),
  ];
  await enqueueRsvpMessages(tx, changes);
  return { ok: true, changes };
}

/** The person's status and, when waiting, their place in the queue. */
export async function myStatus(
  tx: Tx | Db,
  eventId: string,
  userId: string,
): Promise<
  {
    status: RsvpStatus;
    position: number | null;
    children: number;
    guests: number;
    interpretation: string | null;
    note: string;
  } & { status: RsvpStatus }
> {
  const mine = await tx.rsvp.findUnique({ where: { eventId_userId: { eventId, userId } } });
  if (!mine)
    return {
      status: "cancelled",
      position: null,
      children: 0,
      guests: 0,
      interpretation: null,
      note: "",
    };
  const position = mine.status === "waitlisted" ? await waitingPlace(tx, eventId, mine.id) : null;
  return {
    status: mine.status as RsvpStatus,
    position,
    children: mine.children,
    guests: mine.guests,
    interpretation: mine.interpretation,
    note: mine.noteToOrganizers,
  };
}
