import { describe, expect, it } from "vitest";
import {
  adminEscalationDue,
  compareForQueue,
  isUrgent,
  maySeeRequest,
  organizerEscalationDue,
  organizerMaySee,
  retentionEnds,
  topicsFor,
  urgencyRank,
} from "~/care/help-rules";

const at = (iso: string) => new Date(iso);
const HOUR = 3_600_000;

describe("which requests are urgent", () => {
  it("is someone frightening her (whatever she chose), or nowhere to sleep today", () => {
    expect(isUrgent({ topic: "frightened", urgency: "whenever" })).toBe(true);
    expect(isUrgent({ topic: "sleep", urgency: "today" })).toBe(true);
    expect(isUrgent({ topic: "sleep", urgency: "week" })).toBe(false);
    expect(isUrgent({ topic: "health", urgency: "today" })).toBe(false);
  });
});

describe("the queue's order", () => {
  it("puts the urgent kinds first, then today, this week, no hurry, and the oldest first within each", () => {
    const requests = [
      {
        id: "whenever-old",
        topic: "food",
        urgency: "whenever",
        createdAt: at("2026-11-01T00:00Z"),
      },
      { id: "week", topic: "work", urgency: "week", createdAt: at("2026-11-20T00:00Z") },
      { id: "today-new", topic: "health", urgency: "today", createdAt: at("2026-11-30T10:00Z") },
      { id: "today-old", topic: "money", urgency: "today", createdAt: at("2026-11-30T08:00Z") },
      {
        id: "frightened",
        topic: "frightened",
        urgency: "week",
        createdAt: at("2026-11-30T11:00Z"),
      },
      { id: "sleep-today", topic: "sleep", urgency: "today", createdAt: at("2026-11-30T09:00Z") },
    ];
    expect([...requests].sort(compareForQueue).map((r) => r.id)).toEqual([
      "sleep-today",
      "frightened",
      "today-old",
      "today-new",
      "week",
      "whenever-old",
    ]);
    expect(urgencyRank({ topic: "other", urgency: "whenever" })).toBe(3);
  });
});

describe("escalation windows", () => {
  const createdAt = at("2026-12-01T00:00:00Z");
  it("are 2 hours, 2 days and 5 days for organizers, and as long again for admins", () => {
    expect(organizerEscalationDue({ urgency: "today", createdAt }).getTime()).toBe(
      createdAt.getTime() + 2 * HOUR,
    );
    expect(organizerEscalationDue({ urgency: "week", createdAt }).getTime()).toBe(
      createdAt.getTime() + 48 * HOUR,
    );
    expect(organizerEscalationDue({ urgency: "whenever", createdAt }).getTime()).toBe(
      createdAt.getTime() + 120 * HOUR,
    );
    expect(adminEscalationDue({ urgency: "today", createdAt }).getTime()).toBe(
      createdAt.getTime() + 4 * HOUR,
    );
    expect(adminEscalationDue({ urgency: "whenever", createdAt }).getTime()).toBe(
      createdAt.getTime() + 240 * HOUR,
    );
  });

  it("keep texts 90 days after closing", () => {
    expect(retentionEnds(createdAt).toISOString()).toBe("2027-03-01T00:00:00.000Z");
  });
});

describe("who may read a request", () => {
  const member = { id: "m", role: "member", answersWomenRequests: false };
  const other = { id: "o", role: "member", answersWomenRequests: false };
  const organizer = { id: "org", role: "organizer", answersWomenRequests: false };
  const womenOrganizer = { id: "w", role: "organizer", answersWomenRequests: true };
  const admin = { id: "a", role: "admin", answersWomenRequests: false };
  const plain = { memberId: "m", wantsWoman: false };
  const woman = { memberId: "m", wantsWoman: true };

  it("the member herself, never another member", () => {
    expect(maySeeRequest(member, woman)).toBe(true);
    expect(maySeeRequest(other, plain)).toBe(false);
    // Detached from a deleted account: nobody "owns" it any more.
    expect(maySeeRequest({ ...member, id: "" }, { memberId: null, wantsWoman: false })).toBe(false);
  });

  it("organizers, except for requests asking for a woman unless they answer those; admins always", () => {
    expect(organizerMaySee(organizer, plain)).toBe(true);
    expect(organizerMaySee(organizer, woman)).toBe(false);
    expect(organizerMaySee(womenOrganizer, woman)).toBe(true);
    expect(organizerMaySee(admin, woman)).toBe(true);
    expect(organizerMaySee(member, plain)).toBe(false);
  });

  it("matches every directory topic for 'something else'", () => {
    expect(topicsFor("other")).toEqual([]);
    expect(topicsFor("sleep")).toEqual(["sleep"]);
  });
});
