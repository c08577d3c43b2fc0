import { type Db, writeTransaction } from "~/db.server";
import type { Prisma } from "~/generated/prisma/client";
import { wantsMessage } from "~/notifications/kinds";
import { enqueueMessages } from "~/notifications/outbox.server";

type Tx = Prisma.TransactionClient | Db;

/**
 * "People we have not seen for a while" (docs/decisions/0012): members who came to at least two
 * events in the last six months, to none in the last eight weeks, and have no upcoming RSVP.
 *
 * "Came" is what the data can tell: at an event where organizers checked people in, the people
 * checked in; at one where nobody was checked in (the group did not use check-in that day),
 * those whose RSVP was still "going". Cancelled events count for nobody.
 */
export const QUIET_RULES = {
  lookbackMonths: 6,
  quietDays: 8 * 7,
  minEvents: 2,
  helloEveryDays: 60,
} as const;
const DAY_MS = 86_400_000;

function lookbackStart(now: Date): Date {
  const start = new Date(now);
  start.setUTCMonth(start.getUTCMonth() - QUIET_RULES.lookbackMonths);
  return start;
}

/** When each person came, in the look-back window: userId → event start times. */
async function attendance(db: Tx, now: Date, userId?: string): Promise<Map<string, Date[]>> {
  const events = await db.event.findMany({
    where: { startsAt: { gte: lookbackStart(now), lt: now }, status: { not: "cancelled" } },
    select: {
      startsAt: true,
      rsvps: { select: { userId: true, status: true, attendedAt: true } },
    },
  });
  const came = new Map<string, Date[]>();
  for (const event of events) {
    const checkInUsed = event.rsvps.some((r) => r.attendedAt !== null);
    for (const r of event.rsvps) {
      if (userId && r.userId !== userId) continue;
      const present = checkInUsed ? r.attendedAt !== null : r.status === "going";
      if (present) came.set(r.userId, [...(came.get(r.userId) ?? []), event.startsAt]);
    }
  }
  return came;
}

/** Whether these visits make someone "not seen for a while" at `now`. */
export function isQuiet(visits: readonly Date[], now: Date): boolean {
  if (visits.length < QUIET_RULES.minEvents) return false;
  // An event exactly eight weeks ago is within the last eight weeks.
  const quietSince = now.getTime() - QUIET_RULES.quietDays * DAY_MS;
  return visits.every((v) => v.getTime() < quietSince);
}

export function helloAllowedAfter(lastHelloAt: Date): Date {
  return new Date(lastHelloAt.getTime() + QUIET_RULES.helloEveryDays * DAY_MS);
}

async function hasUpcomingRsvp(db: Tx, userIds: string[], now: Date): Promise<Set<string>> {
  const rows = await db.rsvp.findMany({
    where: {
      userId: { in: userIds },
      status: { in: ["going", "waitlisted"] },
      event: { startsAt: { gte: now }, status: { not: "cancelled" } },
    },
    select: { userId: true },
  });
  return new Set(rows.map((r) => r.userId));
}

export type QuietMember = {
  id: string;
  displayName: string;
  lastCameAt: Date;
  timesCame: number;
  lastHelloAt: Date | null;
  /** Turned these hellos off in settings or with the link in an earlier one. */
  optedOut: boolean;
  /** A hello may be sent now: not opted out, none in the last 60 days. */
  canSayHello: boolean;
};

async function quietPeople(db: Tx, now: Date, userId?: string): Promise<QuietMember[]> {
  const came = await attendance(db, now, userId);
  const quietIds = [...came.entries()].filter(([, v]) => isQuiet(v, now)).map(([id]) => id);
  if (quietIds.length === 0) return [];
  const [upcoming, people, hellos] = await Promise.all([
    hasUpcomingRsvp(db, quietIds, now),
    db.user.findMany({
      // Organizers and admins run the events; the list is about the people who come to them.
      // A suspended account is not someone to say hello to.
      where: { id: { in: quietIds }, role: "member", suspendedAt: null },
      select: { id: true, displayName: true, mailOptOuts: true, reminderLead: true },
    }),
    db.quietHello.groupBy({
      by: ["userId"],
      where: { userId: { in: quietIds } },
      _max: { sentAt: true },
    }),
  ]);
  const lastHello = new Map(hellos.map((h) => [h.userId, h._max.sentAt]));
  return people
    .filter((p) => !upcoming.has(p.id))
    .map((p) => {
      const visits = came.get(p.id)!;
      const lastHelloAt = lastHello.get(p.id) ?? null;
      const optedOut = !wantsMessage(p, "quiet_hello");
      return {
        id: p.id,
        displayName: p.displayName,
        lastCameAt: new Date(Math.max(...visits.map((v) => v.getTime()))),
        timesCame: visits.length,
        lastHelloAt,
        optedOut,
        canSayHello: !optedOut && (!lastHelloAt || helloAllowedAfter(lastHelloAt) <= now),
      };
    })
    .sort((a, b) => b.lastCameAt.getTime() - a.lastCameAt.getTime());
}

/** The organizer dashboard's list, most recently seen first. */
export function quietMembers(db: Db, now: Date): Promise<QuietMember[]> {
  return quietPeople(db, now);
}

export type HelloOutcome =
  { ok: true; helloId: string } | { ok: false; reason: "notQuiet" | "optedOut" | "tooSoon" };

/**
 * Records a hello and queues its email, in one transaction (the adapter's BEGIN IMMEDIATE makes
 * the check and the insert one step, so two organizers tapping at once send one hello). The
 * same rules as the list are checked again here: the button may be old.
 */
export async function sendQuietHello(
  db: Db,
  input: { userId: string; actorId: string; now?: Date },
): Promise<HelloOutcome> {
  const now = input.now ?? new Date();
  return writeTransaction(db, async (tx) => {
    const [person] = await quietPeople(tx, now, input.userId);
    if (!person) return { ok: false, reason: "notQuiet" } as const;
    if (person.optedOut) return { ok: false, reason: "optedOut" } as const;
    if (!person.canSayHello) return { ok: false, reason: "tooSoon" } as const;
    const hello = await tx.quietHello.create({
      data: { userId: person.id, sentById: input.actorId, sentAt: now },
      select: { id: true },
    });
    await enqueueMessages(tx, [
      { kind: "quiet_hello", userId: person.id, payload: { helloId: hello.id } },
    ]);
    return { ok: true, helloId: hello.id } as const;
  });
}
