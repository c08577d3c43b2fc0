/**
 * Every change to a mentoring match passes through workflow.server.ts, each in one transaction,
 * and is reported as MentoringChange records; the emails they cause are recorded in the outbox
 * inside that transaction (enqueueMentoringMessages):
 * - proposed: ask the mentee and the mentor (userIds) to accept or decline within 7 days;
 * - activated: introduce them to each other (both accepted; contact details now visible);
 * - declined / expired: tell both, kindly, that they are back in the pool;
 * - ended: tell both the match has ended;
 * - rematch_requested: tell organizers (userIds holds only the mentee; never tell the mentor);
 * - checkin_due: remind the mentor (userIds) that the match has been quiet for 21 days.
 */
export type MentoringChange = {
  kind:
    | "proposed"
    | "activated"
    | "expired"
    | "declined"
    | "ended"
    | "rematch_requested"
    | "checkin_due";
  matchId: string;
  userIds: string[];
};
