import type { Db } from "~/db.server";
import { reminderLeadMs } from "./kinds";
import { enqueueMessages } from "./outbox.server";

/** One reminder per RSVP and start time: a moved event gets a reminder for its new time. */
export function reminderKey(rsvpId: string, startsAt: Date): string {
  return `reminder:${rsvpId}:${startsAt.toISOString()}`;
}

/**
 * Records the reminders that have come due. Safe to run from every process, as often as you
 * like, and after any downtime: the unique key lets exactly one row exist per reminder, and
 * nothing is kept in memory between runs. People who said yes after their reminder time already
 * have the confirmation in their inbox and get no reminder on top.
 */
export async function scheduleReminders(db: Db, now = new Date()): Promise<number> {
  let recorded = 0;
  for (const [lead, leadMs] of Object.entries(reminderLeadMs)) {
    const rsvps = await db.rsvp.findMany({
      where: {
        status: "going",
        user: { reminderLead: lead },
        event: {
          status: "scheduled",
          startsAt: { gt: now, lte: new Date(now.getTime() + leadMs) },
        },
      },
      select: {
        id: true,
        userId: true,
        eventId: true,
        confirmedAt: true,
        event: { select: { startsAt: true } },
      },
    });
    const wanted = rsvps
      .filter(
        (r) => !r.confirmedAt || r.confirmedAt.getTime() <= r.event.startsAt.getTime() - leadMs,
      )
      .map((r) => ({ ...r, key: reminderKey(r.id, r.event.startsAt) }));
    if (wanted.length === 0) continue;
    // Read first, so a round with nothing new takes no write lock.
    const existing = await db.outboxMessage.findMany({
      where: { dedupeKey: { in: wanted.map((r) => r.key) } },
      select: { dedupeKey: true },
    });
    const done = new Set(existing.map((row) => row.dedupeKey));
    const due = wanted.filter((r) => !done.has(r.key));
    if (due.length === 0) continue;
    // Another process may record the same reminder a moment earlier: that is what the key is
    // for, and the outbox skips the second.
    recorded += await enqueueMessages(
      db,
      due.map((rsvp) => ({
        kind: "event_reminder",
        userId: rsvp.userId,
        dedupeKey: rsvp.key,
        payload: { eventId: rsvp.eventId, startsAt: rsvp.event.startsAt.toISOString() },
      })),
    );
  }
  return recorded;
}
