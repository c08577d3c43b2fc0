import { beforeEach, describe, expect, it } from "vitest";
import { createDb, db } from "~/db.server";
import { createEvent } from "~/events/events.server";
import { mailer } from "~/mail/mail.server";
import { reminderLeadMs } from "~/notifications/kinds";
import { scheduleReminders } from "~/notifications/reminders.server";
import { deliverDue } from "~/notifications/sender.server";
import { eventInput } from "../support/fixtures";
import { createPerson } from "../support/people";

const HOUR = 3_600_000;
const person = (reminderLead: string) => createPerson({ data: { reminderLead } });

/** An event starting at `startsAt` with these people confirmed at `confirmedAt`. */
async function eventWith(startsAt: Date, people: { id: string }[], confirmedAt: Date) {
  const organizer = await person("off");
  const created = await createEvent(
    db(),
    eventInput({ date: "2030-01-01", capacity: undefined }),
    organizer.id,
    new Date("2029-01-01T00:00:00Z"),
  );
  if (!created.ok) throw new Error(JSON.stringify(created.errors));
  await db().event.update({
    where: { id: created.eventId },
    data: { startsAt, endsAt: new Date(startsAt.getTime() + 2 * HOUR) },
  });
  for (const p of people) {
    await db().rsvp.create({
      data: { eventId: created.eventId, userId: p.id, status: "going", queueSeq: 1, confirmedAt },
    });
  }
  return created.eventId;
}

const reminders = () => db().outboxMessage.findMany({ where: { kind: "event_reminder" } });

beforeEach(async () => {
  await db().outboxMessage.deleteMany();
  await db().event.deleteMany();
});

describe("reminders before an event", () => {
  it("comes a day or two hours before, as each person chose, and never for someone who turned it off", async () => {
    const start = new Date("2030-03-10T05:00:00Z");
    const dayBefore = await person("1d");
    const twoHours = await person("2h");
    const off = await person("off");
    await eventWith(start, [dayBefore, twoHours, off], new Date("2030-03-01T00:00:00Z"));

    const at = (msBefore: number) => new Date(start.getTime() - msBefore);
    expect(await scheduleReminders(db(), at(reminderLeadMs["1d"] + HOUR))).toBe(0);
    expect(await scheduleReminders(db(), at(reminderLeadMs["1d"] - 1000))).toBe(1);
    expect(await scheduleReminders(db(), at(3 * HOUR))).toBe(0); // already recorded; 2 h not yet
    expect(await scheduleReminders(db(), at(2 * HOUR - 1000))).toBe(1);
    expect(await scheduleReminders(db(), at(HOUR))).toBe(0);
    expect(await scheduleReminders(db(), at(-HOUR))).toBe(0); // the event has started
    expect((await reminders()).map((r) => r.userId).sort()).toEqual(
      [dayBefore.id, twoHours.id].sort(),
    );
  });

  it("records each reminder once when two processes schedule at the same moment", async () => {
    const start = new Date("2030-04-10T05:00:00Z");
    const people = await Promise.all(Array.from({ length: 12 }, () => person("1d")));
    await eventWith(start, people, new Date("2030-04-01T00:00:00Z"));
    const other = createDb(process.env.DATABASE_URL!);
    try {
      const at = new Date(start.getTime() - HOUR);
      const counts = await Promise.all([
        scheduleReminders(db(), at),
        scheduleReminders(other, at),
        scheduleReminders(db(), at),
      ]);
      expect(counts.reduce((a, b) => a + b, 0)).toBe(12);
      expect(await reminders()).toHaveLength(12);
    } finally {
      await other.$disconnect();
    }
  });

  it("sends nothing extra to someone who said yes after their reminder time, or who then cancelled", async () => {
    const start = new Date("2030-05-10T05:00:00Z");
    const lateYes = await person("1d");
    const cancels = await person("1d");
    const eventId = await eventWith(start, [lateYes], new Date(start.getTime() - 3 * HOUR));
    await db().rsvp.create({
      data: {
        eventId,
        userId: cancels.id,
        status: "going",
        queueSeq: 2,
        confirmedAt: new Date("2030-05-01T00:00:00Z"),
      },
    });
    const at = new Date(start.getTime() - 2 * HOUR);
    expect(await scheduleReminders(db(), at)).toBe(1); // only the early "yes"
    await db().rsvp.update({
      where: { eventId_userId: { eventId, userId: cancels.id } },
      data: { status: "cancelled" },
    });
    const report = await deliverDue(db(), mailer(), { appUrl: "http://localhost", now: at });
    expect(report).toMatchObject({ sent: 0, skipped: 1 });
  });

  it("schedules a new reminder when the event moves, and drops the one for the old time", async () => {
    const start = new Date("2030-06-10T05:00:00Z");
    const p = await person("2h");
    const eventId = await eventWith(start, [p], new Date("2030-06-01T00:00:00Z"));
    const at = new Date(start.getTime() - HOUR);
    expect(await scheduleReminders(db(), at)).toBe(1);
    const moved = new Date(start.getTime() + 30 * 60_000);
    await db().event.update({ where: { id: eventId }, data: { startsAt: moved } });
    expect(await scheduleReminders(db(), at)).toBe(1);
    const report = await deliverDue(db(), mailer(), { appUrl: "http://localhost", now: at });
    expect(report).toMatchObject({ sent: 1, skipped: 1 });
  });
});
