import { isResetTokenValid } from "~/accounts/password-reset.server";
import type { Db } from "~/db.server";
import { organizerNoticeReason } from "~/safety/keep-apart.server";
import type { MessageKind } from "./kinds";

export type MessageToCheck = {
  id: string;
  kind: MessageKind;
  userId: string;
  createdAt: Date;
  payload: Record<string, string>;
};

/** The RSVP each event email is about must still be in one of these states when it goes out. */
const rsvpMustBe: Partial<Record<MessageKind, readonly string[]>> = {
  rsvp_confirmed: ["going"],
  rsvp_promoted: ["going"],
  rsvp_waitlisted: ["waitlisted"],
  event_changed: ["going", "waitlisted"],
  event_reminder: ["going"],
};

/** Kinds where a newer message of the same kind about the same event says it better. */
const supersededByNewer: readonly MessageKind[] = [
  "rsvp_confirmed",
  "rsvp_waitlisted",
  "rsvp_promoted",
  "event_changed",
];

const rsvpNow: Record<string, string> = {
  going: "now going",
  waitlisted: "now on the waiting list",
  cancelled: "cancelled",
};

function rsvpReason(kind: MessageKind, status: string | null): string {
  const now = status ? (rsvpNow[status] ?? status) : "no answer any more";
  if (kind === "rsvp_waitlisted") return `The person is no longer on the waiting list (${now}).`;
  if (kind === "event_changed") return `The person is no longer going or waiting (${now}).`;
  return `The person is no longer going (${now}).`;
}

/** What must still be true of a match for each mentoring email. */
const matchStillTrue: Record<
  string,
  (m: { status: string; checkInDueAt: Date | null }) => boolean
> = {
  mentoring_proposed: (m) => m.status === "proposed",
  mentoring_introduction: (m) => m.status === "active",
  mentoring_not_going_ahead: (m) => m.status === "declined" || m.status === "expired",
  mentoring_ended: (m) => m.status === "ended",
  // A check-in logged since the flag answers the question already.
  mentoring_checkin: (m) => m.status === "active" && m.checkInDueAt !== null,
  mentoring_rematch: (m) => m.status === "active",
};

async function eventReason(db: Db, message: MessageToCheck, now: Date): Promise<string | null> {
  const { kind, userId } = message;
  const eventId = message.payload.eventId ?? "";
  const event = await db.event.findUnique({
    where: { id: eventId },
    select: {
      status: true,
      startsAt: true,
      rsvps: { where: { userId }, select: { status: true } },
    },
  });
  if (!event) return "The event no longer exists.";
  if (kind !== "event_cancelled" && event.status === "cancelled") {
    return "The event was cancelled; the cancellation message says so.";
  }
  const allowed = rsvpMustBe[kind];
  if (allowed) {
    const status = event.rsvps[0]?.status ?? null;
    if (!status || !allowed.includes(status)) return rsvpReason(kind, status);
  }
  if (kind === "event_reminder") {
    if (event.startsAt <= now) return "The event has already started.";
    if (message.payload.startsAt && message.payload.startsAt !== event.startsAt.toISOString()) {
      return "The event moved; a reminder for the new time is scheduled separately.";
    }
  }
  if (supersededByNewer.includes(kind)) {
    const newer = await db.outboxMessage.findMany({
      where: {
        userId,
        kind,
        id: { not: message.id },
        createdAt: { gt: message.createdAt },
        status: { in: ["pending", "sent"] },
      },
      select: { payload: true },
    });
    const aboutThis = newer.some(
      (m) => (JSON.parse(m.payload) as Record<string, string>).eventId === eventId,
    );
    if (aboutThis) return "A newer email of the same kind about this event replaces it.";
  }
  return null;
}

/**
 * Why a message no longer makes sense to send, or null if it still does. Checked before every
 * try, including retries of a message already rendered: what was true when it was recorded
 * (a place on the waiting list, a match waiting for an answer, a valid reset link) may have
 * passed by the time a sender gets to it, and a late email would then tell the person
 * something untrue (or show an address they may no longer see).
 */
export async function reasonHasPassed(
  db: Db,
  message: MessageToCheck,
  now: Date,
): Promise<string | null> {
  const { kind, payload } = message;
  if (kind === "password_reset") {
    if (!payload.token) {
      return "The reset link was erased after it could not be sent; the person can ask for a new one.";
    }
    if (payload.expiresAt && new Date(payload.expiresAt) <= now) {
      return "The reset link expired before it could be sent.";
    }
    if (!(await isResetTokenValid(db, payload.token, now))) {
      return "The reset link was used, or replaced by a newer one.";
    }
    return null;
  }
  if (kind === "signup_confirm") {
    if (!payload.token) return "The link was erased after it could not be sent.";
    if (payload.expiresAt && new Date(payload.expiresAt) <= now) {
      return "The link expired before it could be sent.";
    }
    return null;
  }
  if (kind === "organizer_notice") return organizerNoticeReason(db, payload, now);
  if (kind === "waiting_reminder") {
    const report = await db.report.findUnique({
      where: { id: payload.reportId ?? "" },
      select: { state: true },
    });
    if (!report) return "The report no longer exists.";
    if (report.state !== "received") return "Someone has taken the report since.";
    return null;
  }
  // "Someone tried to sign up with your address" stays true.
  if (kind === "signup_existing") return null;
  if (kind.startsWith("mentoring_")) {
    const match = await db.mentoringMatch.findUnique({
      where: { id: payload.matchId ?? "" },
      select: { status: true, checkInDueAt: true },
    });
    if (!match) return "The match no longer exists.";
    if (!matchStillTrue[kind]?.(match))
      return `The match has moved on since (now ${match.status}).`;
    return null;
  }
  if (kind === "help_reply" || kind === "help_waiting") {
    const request = await db.helpRequest.findUnique({
      where: { id: payload.requestId ?? "" },
      select: { status: true },
    });
    if (!request) return "The request no longer exists.";
    if (kind === "help_waiting" && request.status !== "received") {
      return `Someone has it now (${request.status}).`;
    }
    return null;
  }
  if (kind.startsWith("rsvp_") || kind.startsWith("event_")) return eventReason(db, message, now);
  return null;
}
