import type { Db } from "~/db.server";
import type { Prisma } from "~/generated/prisma/client";
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
  return db.$transaction(async (tx) => {
    const event = await tx.event.findUnique({ where: { id: input.eventId } });
    if (!event) return { ok: false, error: "errors.eventNotFound" };
    const refusal = rsvpRefusal(event, now);
    if (refusal) return { ok: false, error: refusal };

    const details = {
      children: input.children,
      guests: input.guests,
      interpretation: input.interpretation,
      noteToOrganizers: input.note,
    };
    const existing = await tx.rsvp.findUnique({
      where: { eventId_userId: { eventId: input.eventId, userId: input.userId } },
    });
    const changes: RsvpChange[] = [];

    if (existing && existing.status !== "cancelled") {
      if (existing.status === "going") {
        const extra = seatsOf(details) - seatsOf(existing);
        const free = freeSeats(event.capacity, await confirmedSeats(tx, event.id));
        if (extra > free) {
          return {
            ok: false,
            error: "errors.notEnoughSeats",
            params: { count: Math.max(0, free) },
          };
        }
      }
      await tx.rsvp.update({ where: { id: existing.id }, data: details });
    } else {
      const last = await tx.rsvp.aggregate({
        where: { eventId: event.id },
        _max: { queueSeq: true },
      });
      const queueSeq = (last._max.queueSeq ?? 0) + 1;
      const row = await tx.rsvp.upsert({
        where: { eventId_userId: { eventId: input.eventId, userId: input.userId } },
        create: {
          eventId: event.id,
          userId: input.userId,
          status: "waitlisted",
          queueSeq,
          ...details,
        },
        update: { status: "waitlisted", queueSeq, confirmedAt: null, attendedAt: null, ...details },
      });
      const free = freeSeats(event.capacity, await confirmedSeats(tx, event.id));
      // Everyone already waiting needs more seats than are free (fillFromWaitlist keeps it so),
      // so a newcomer who fits takes the seat without jumping anyone who could have used it.
      if (seatsOf(details) <= free) {
        await tx.rsvp.update({
          where: { id: row.id },
          data: { status: "going", confirmedAt: now },
        });
        changes.push({
          kind: "confirmed",
          eventId: event.id,
          userId: input.userId,
          rsvpId: row.id,
        });
      } else {
        changes.push({
          kind: "waitlisted",
          eventId: event.id,
          userId: input.userId,
          rsvpId: row.id,
        });
      }
    }

    changes.push(...(await fillFromWaitlist(tx, event.id, now)));
    await enqueueRsvpMessages(tx, changes);
    const mine = await myStatus(tx, event.id, input.userId);
    return { ok: true, ...mine, changes };
  }, writeTransaction);
}

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
    if (!existing || existing.status === "cancelled") return { ok: false, error: "errors.noRsvp" };
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
