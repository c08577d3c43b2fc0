import type { Db } from "~/db.server";
import { normalizeEmail } from "~/accounts/accounts.server";
import { womenOnlyRefusal, type WomenOnlyRefusal } from "./rsvp-rules";

/**
 * Gatherings for women: the member's own answer in settings, and the organizers' named
 * exceptions per event. The rule itself is pure (rsvp-rules.ts) and is applied by every RSVP
 * path (rsvp.server.ts); this module stores and reads what it needs.
 */

export const womanAnswers = ["yes", "no", "unsaid"] as const;
export type WomanAnswer = (typeof womanAnswers)[number];

export function answerOf(describesAsWoman: boolean | null): WomanAnswer {
  return describesAsWoman === null ? "unsaid" : describesAsWoman ? "yes" : "no";
}

export async function saveWomanAnswer(db: Db, userId: string, answer: WomanAnswer) {
  await db.user.update({
    where: { id: userId },
    data: { describesAsWoman: answer === "unsaid" ? null : answer === "yes" },
  });
}

export async function womanAnswer(db: Db, userId: string): Promise<WomanAnswer> {
  const user = await db.user.findUnique({
    where: { id: userId },
    select: { describesAsWoman: true },
  });
  return answerOf(user?.describesAsWoman ?? null);
}

/** Why this person may not RSVP to this event (null: they may, or it is not for women). */
export async function womenOnlyRefusalFor(
  db: Db,
  event: { id: string; womenOnly: boolean },
  userId: string,
): Promise<WomenOnlyRefusal | null> {
  if (!event.womenOnly) return null;
  const [user, exception] = await Promise.all([
    db.user.findUnique({ where: { id: userId }, select: { describesAsWoman: true } }),
    db.womenOnlyException.findUnique({ where: { eventId_userId: { eventId: event.id, userId } } }),
  ]);
  return womenOnlyRefusal(event, {
    describesAsWoman: user?.describesAsWoman ?? null,
    hasException: exception !== null,
  });
}

/** Named exceptions for one event, for its organizers; display names only. */
export async function exceptionsFor(db: Db, eventId: string) {
  const rows = await db.womenOnlyException.findMany({
    where: { eventId },
    orderBy: { createdAt: "asc" },
    select: { userId: true, createdAt: true, user: { select: { displayName: true } } },
  });
  return rows.map((r) => ({ userId: r.userId, displayName: r.user.displayName, at: r.createdAt }));
}

/**
 * An organizer names a person (by the email address the person gave them) who may RSVP to this
 * one event. By address, not by a search: nobody can browse the members list from here.
 */
export async function addException(
  db: Db,
  input: { eventId: string; email: string; organizerId: string },
): Promise<{ ok: true; displayName: string } | { ok: false; error: string }> {
  const user = await db.user.findUnique({
    where: { email: normalizeEmail(input.email) },
    select: { id: true, displayName: true },
  });
  if (!user) return { ok: false, error: "womenOnly.noSuchPerson" };
  await db.womenOnlyException.upsert({
    where: { eventId_userId: { eventId: input.eventId, userId: user.id } },
    create: { eventId: input.eventId, userId: user.id, createdById: input.organizerId },
    update: {},
  });
  return { ok: true, displayName: user.displayName };
}

/** Takes an exception back; a place already given stays (as when an event becomes for women). */
export async function removeException(db: Db, eventId: string, userId: string): Promise<void> {
  await db.womenOnlyException.deleteMany({ where: { eventId, userId } });
}

/**
 * People going or waiting who could not answer now: they answered before the event became a
 * gathering for women. Their places are kept; organizers see how many, to talk to them.
 */
export async function placesFromBefore(db: Db, eventId: string): Promise<number> {
  return db.rsvp.count({
    where: {
      eventId,
      status: { in: ["going", "waitlisted"] },
      event: { womenOnly: true },
      user: {
        // Not "NOT true": SQL's NOT drops the people who never answered (null).
        OR: [{ describesAsWoman: null }, { describesAsWoman: false }],
        womenOnlyExceptions: { none: { eventId } },
      },
    },
  });
}
