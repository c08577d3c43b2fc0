import { isCalendarDate } from "~/events/schemas";
import { describe, expect, it } from "vitest";
import {
  freeSeats,
  planPromotions,
  rsvpRefusal,
  seatsOf,
  seatsTaken,
  waitlistPosition,
} from "~/events/rsvp-rules";

const party = (id: string, queueSeq: number, children = 0, guests = 0) => ({
  id,
  queueSeq,
  children,
  guests,
});

describe("seats", () => {
  it("counts the person, their children and guests", () => {
    expect(seatsOf({ children: 2, guests: 1 })).toBe(4);
    expect(freeSeats(10, 7)).toBe(3);
    expect(freeSeats(10, 12)).toBe(0);
    expect(freeSeats(null, 500)).toBe(Infinity);
  });

  it("counts the seats confirmed parties take, companions included", () => {
    expect(seatsTaken({ parties: 3, children: 2, guests: 1 })).toBe(6);
    expect(seatsTaken({ parties: 0, children: 0, guests: 0 })).toBe(0);
  });
});

describe("promotions from the waitlist", () => {
  it("promotes in arrival order while seats remain", () => {
    expect(planPromotions(10, 8, [party("c", 3), party("a", 1), party("b", 2)])).toEqual([
      "a",
      "b",
    ]);
  });

  it("lets the next party that fits go ahead of one that is too large, which keeps its place", () => {
    const waitlist = [party("family", 1, 2, 1), party("single", 2), party("pair", 3, 0, 1)];
    expect(planPromotions(10, 8, waitlist)).toEqual(["single"]);
    expect(waitlistPosition(waitlist, "family")).toBe(1);
  });

  it("promotes no one when the event is full, everyone when it has no limit", () => {
    expect(planPromotions(10, 10, [party("a", 1)])).toEqual([]);
    expect(planPromotions(null, 10, [party("a", 1), party("b", 2, 3)])).toEqual(["a", "b"]);
  });

  it("gives waitlist positions in arrival order", () => {
    const waitlist = [party("b", 5), party("a", 2)];
    expect(waitlistPosition(waitlist, "a")).toBe(1);
    expect(waitlistPosition(waitlist, "b")).toBe(2);
    expect(waitlistPosition(waitlist, "z")).toBeNull();
  });
});

describe("when RSVPs are refused", () => {
  const now = new Date("2026-12-10T00:00:00Z");
  const event = {
    status: "scheduled",
    startsAt: new Date("2026-12-12T05:00:00Z"),
    rsvpDeadline: null,
  };
  it("refuses cancelled, past and closed events", () => {
    expect(rsvpRefusal(event, now)).toBeNull();
    expect(rsvpRefusal({ ...event, status: "cancelled" }, now)).toBe("errors.eventCancelled");
    expect(rsvpRefusal({ ...event, startsAt: now }, now)).toBe("errors.eventPast");
    expect(rsvpRefusal({ ...event, rsvpDeadline: new Date("2026-12-09T00:00:00Z") }, now)).toBe(
      "errors.rsvpClosed",
    );
  });
});

describe("event dates", () => {
  it.each(["2027-02-28", "2028-02-29", "2026-12-31", "2027-01-01"])("accepts %s", (date) => {
    expect(isCalendarDate(date)).toBe(true);
  });
  it.each([
    "2027-02-30",
    "2026-02-29",
    "2026-04-31",
    "2026-13-01",
    "2026-00-10",
    "2026-01-00",
    "0000-01-01",
  ])("refuses %s, which matches the format but is no day", (date) => {
    expect(isCalendarDate(date)).toBe(false);
  });
});
