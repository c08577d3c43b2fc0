import { describe, expect, it } from "vitest";
import {
  alertKey,
  eventConflicts,
  exclusionsFrom,
  hiddenOnCheckIn,
  keptApart,
} from "~/safety/keep-apart-rules";
import { infeasibility, matchMentees, type Mentee, type Mentor } from "~/mentorship/matching";

const rule = { id: "r1", protectedId: "maryam", otherId: "karim" };

describe("who is kept from whom", () => {
  it("holds in both directions, and only for the pair", () => {
    expect(keptApart([rule], "maryam", "karim")).toBe(true);
    expect(keptApart([rule], "karim", "maryam")).toBe(true);
    expect(keptApart([rule], "maryam", "yuki")).toBe(false);
    expect(keptApart([], "maryam", "karim")).toBe(false);
  });

  it("excludes each from the other, once, whoever is the mentee", () => {
    const twice = [rule, { id: "r2", protectedId: "karim", otherId: "maryam" }];
    expect(Object.fromEntries(exclusionsFrom(twice))).toEqual({
      maryam: ["karim"],
      karim: ["maryam"],
    });
  });

  it("keeps the engine from proposing the pair even when they are the best fit", () => {
    const base = { languages: ["fa"], availability: ["sat-afternoon"], mode: "either" as const };
    const mentee: Mentee = {
      ...base,
      id: "maryam",
      goals: ["job_search"],
      mentorGender: "any",
      excludedMentorIds: exclusionsFrom([rule]).get("maryam") ?? [],
    };
    const mentor = (id: string): Mentor => ({ ...base, id, skills: ["job_search"], capacity: 1 });
    expect(infeasibility(mentee, mentor("karim"))).toBe("excluded");
    const result = matchMentees([mentee], [mentor("karim"), mentor("ren")]);
    expect(result.matches.map((m) => m.mentorId)).toEqual(["ren"]);
  });
});

describe("events both people come to", () => {
  it("finds each event where both have a seat or a waiting-list place, whoever came first", () => {
    const attendance = [
      { eventId: "cafe", userId: "karim", status: "going" },
      { eventId: "cafe", userId: "maryam", status: "waitlisted" },
      { eventId: "yoga", userId: "maryam", status: "going" },
      { eventId: "yoga", userId: "karim", status: "cancelled" },
      { eventId: "talk", userId: "maryam", status: "going" },
      { eventId: "talk", userId: "yuki", status: "going" },
    ];
    expect(eventConflicts([rule], attendance)).toEqual([
      { ruleId: "r1", eventId: "cafe", protectedId: "maryam", otherId: "karim" },
    ]);
    expect(eventConflicts([], attendance)).toEqual([]);
  });

  it("keys the organizers' email by pair, event and recipient, in either order", () => {
    expect(alertKey("cafe", "maryam", "karim", "aiko")).toBe(
      alertKey("cafe", "karim", "maryam", "aiko"),
    );
    expect(alertKey("cafe", "maryam", "karim", "aiko")).not.toBe(
      alertKey("yoga", "maryam", "karim", "aiko"),
    );
    expect(alertKey("cafe", "maryam", "karim", "aiko")).not.toBe(
      alertKey("cafe", "maryam", "karim", "ren"),
    );
  });
});

describe("check-in screens", () => {
  it("leave out the name only of a protected member who asked", () => {
    const protectedIds = new Set(["maryam"]);
    expect(hiddenOnCheckIn({ userId: "maryam", hideOnCheckIn: true }, protectedIds)).toBe(true);
    expect(hiddenOnCheckIn({ userId: "maryam", hideOnCheckIn: false }, protectedIds)).toBe(false);
    expect(hiddenOnCheckIn({ userId: "karim", hideOnCheckIn: true }, protectedIds)).toBe(false);
  });
});
