import type { Db } from "~/db.server";
import type { Prisma } from "~/generated/prisma/client";
import { newId } from "~/db/ids";
import { enqueueRsvpMessages } from "~/notifications/outbox.server";
import {
  freeSeats,
  planPromotions,
  rsvpRefusal,
  seatsOf,
  waitlistPosition,
  type RsvpStatus,
} from "./rsvp-rules";

type Tx = Prisma.TransactionClient;

/**
 * Every RSVP state change passes through the functions in this file and is reported as an
 * RsvpChange; the emails it causes are recorded in the outbox inside the same transaction.
 */
export type RsvpChange = {
  kind: "confirmed" | "waitlisted" | "promoted" | "cancelled";
  eventId: string;
  userId: string;
  rsvpId: string;
};

// Hundreds of people may answer at once; transactions queue for SQLite's single writer.
export const writeTransaction = { maxWait: 20_000, timeout: 20_000 } as const;

async function confirmedSeats(tx: Tx, eventId: string): Promise<number> {
  const sum = await tx.rsvp.aggregate({
    where: { eventId, status: "going" },
    _sum: { children: true, guests: true },
    _count: true,
  });
  return sum._count + (sum._sum.children ?? 0) + (sum._sum.guests ?? 0);
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
  // Hundreds may answer at once and SQLite has one writer, so the statements that decide a seat
  // are few and hand-written (Prisma's query building cost more than SQLite's work; see
  // docs/decisions/0010). The queue place of someone who changed an earlier answer is read
  // after the commit, without holding the write lock.
  const decided = await db.$transaction(
    async (tx): Promise<Decided | Extract<RsvpResult, { ok: false }>> => {
      const [event] = await tx.$queryRaw<EventWithMyAnswer[]>`
        SELECT e."id", e."status", e."startsAt", e."rsvpDeadline", e."capacity",
               r."id" AS "rsvpId", r."status" AS "rsvpStatus",
               r."children" AS "rsvpChildren", r."guests" AS "rsvpGuests"
        FROM "Event" e
        LEFT JOIN "Rsvp" r ON r."eventId" = e."id" AND r."userId" = ${input.userId}
        WHERE e."id" = ${input.eventId}`;
      if (!event) return { ok: false, error: "errors.eventNotFound" };
      const refusal = rsvpRefusal(event, now);
      if (refusal) return { ok: false, error: refusal };

      const details = {
        children: input.children,
        guests: input.guests,
        interpretation: input.interpretation,
        noteToOrganizers: input.note,
      };
      const changes: RsvpChange[] = [];

      if (event.rsvpId && event.rsvpStatus !== "cancelled") {
        const existing = { children: Number(event.rsvpChildren), guests: Number(event.rsvpGuests) };
        if (event.rsvpStatus === "going") {
          const extra = seatsOf(details) - seatsOf(existing);
          const capacity = event.capacity === null ? null : Number(event.capacity);
          const free = freeSeats(capacity, await confirmedSeats(tx, event.id));
          if (extra > free) {
            return {
              ok: false,
              error: "errors.notEnoughSeats",
              params: { count: Math.max(0, free) },
            };
          }
        }
        await tx.rsvp.update({ where: { id: event.rsvpId }, data: details });
        // A smaller party frees seats, and a waiting party that shrank may now fit.
        changes.push(...(await fillFromWaitlist(tx, event.id, now)));
        await enqueueRsvpMessages(tx, changes);
        return { ok: true, changes, answer: null };
      }

      const groups = await tx.$queryRaw<SeatGroup[]>`
        SELECT "status", COUNT(*) AS "parties", COALESCE(SUM("children"), 0) AS "children",
               COALESCE(SUM("guests"), 0) AS "guests", MAX("queueSeq") AS "lastSeq"
        FROM "Rsvp" WHERE "eventId" = ${event.id} GROUP BY "status"`;
      const going = groups.find((g) => g.status === "going");
      const taken = going
        ? Number(going.parties) + Number(going.children) + Number(going.guests)
        : 0;
      const waiting = Number(groups.find((g) => g.status === "waitlisted")?.parties ?? 0);
      const lastSeq = Math.max(0, ...groups.map((g) => Number(g.lastSeq ?? 0)));
      // Everyone already waiting needs more seats than are free (fillFromWaitlist keeps it
      // so), so a newcomer who fits takes the seat without jumping anyone who could have used
      // it; and a newcomer frees nothing, so nobody else moves.
      const capacity = event.capacity === null ? null : Number(event.capacity);
      const fits = seatsOf(details) <= freeSeats(capacity, taken);
      const status = fits ? "going" : "waitlisted";
      const [row] = await tx.$queryRaw<{ id: string }[]>`
        INSERT INTO "Rsvp" ("id", "eventId", "userId", "status", "children", "guests",
          "interpretation", "noteToOrganizers", "queueSeq", "confirmedAt", "attendedAt",
          "createdAt", "updatedAt")
        VALUES (${newId()}, ${event.id}, ${input.userId}, ${status}, ${input.children},
          ${input.guests}, ${input.interpretation}, ${input.note}, ${lastSeq + 1},
          ${fits ? now : null}, ${null}, ${now}, ${now})
        ON CONFLICT ("eventId", "userId") DO UPDATE SET
          "status" = excluded."status", "children" = excluded."children",
          "guests" = excluded."guests", "interpretation" = excluded."interpretation",
          "noteToOrganizers" = excluded."noteToOrganizers", "queueSeq" = excluded."queueSeq",
          "confirmedAt" = excluded."confirmedAt", "attendedAt" = NULL,
          "updatedAt" = excluded."updatedAt"
        RETURNING "id"`;
      changes.push({
        kind: fits ? "confirmed" : "waitlisted",
        eventId: event.id,
        userId: input.userId,
        rsvpId: row!.id,
      });
      await enqueueRsvpMessages(tx, changes);
      return {
        ok: true,
        changes,
        // The newcomer has the highest queueSeq, so they wait behind everyone already waiting.
        answer: {
          status,
          position: fits ? null : waiting + 1,
          children: input.children,
          guests: input.guests,
          interpretation: input.interpretation,
          note: input.note,
        },
      };
    },
    writeTransaction,
  );
  if (!decided.ok) return decided;
  const mine = decided.answer ?? (await myStatus(db, input.eventId, input.userId));
  return { ok: true, ...mine, changes: decided.changes };
}

type EventWithMyAnswer = {
  id: string;
  status: string;
  startsAt: Date;
  rsvpDeadline: Date | null;
  capacity: Count | null;
  rsvpId: string | null;
  rsvpStatus: string | null;
  rsvpChildren: number | bigint | null;
  rsvpGuests: number | bigint | null;
};

/** SQLite may answer counts and sums as bigint, PostgreSQL as bigint or numeric. */
type Count = number | bigint;
type SeatGroup = {
  status: string;
  parties: Count;
  children: Count;
  guests: Count;
  lastSeq: Count | null;
};

type Decided = {
  ok: true;
  changes: RsvpChange[];
  answer: Awaited<ReturnType<typeof myStatus>> | null;
};

/** "I can't come": always allowed, even after the deadline, and frees the seats at once. */
export async function cancelAnswer(
  db: Db,
  input: { eventId: string; userId: string },
  now = new Date(),
): Promise<{ ok: true; changes: RsvpChange[] } | { ok: false; error: string }> {
  return db.$transaction(async (tx) => {
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
  }, writeTransaction);
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
  let position: number | null = null;
  if (mine.status === "waitlisted") {
    const waitlist = await tx.rsvp.findMany({
      where: { eventId, status: "waitlisted" },
      select: { id: true, children: true, guests: true, queueSeq: true },
    });
    position = waitlistPosition(waitlist, mine.id);
  }
  return {
    status: mine.status as RsvpStatus,
    position,
    children: mine.children,
    guests: mine.guests,
    interpretation: mine.interpretation,
    note: mine.noteToOrganizers,
  };
}

export { confirmedSeats };
