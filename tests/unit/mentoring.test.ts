import { describe, expect, it } from "vitest";
import {
  DAY_MS,
  decodeLanguageLevels,
  encodeLanguageLevels,
  engineMentee,
  engineMentor,
  isQuiet,
  matchingLanguages,
  parseReason,
  slots,
} from "~/mentorship/codes";
import { infeasibility, scorePair } from "~/mentorship/matching";
import { menteeProfileSchema, mentorProfileSchema } from "~/mentorship/schemas";
import { partnerView, type PartnerSource } from "~/mentorship/visibility";

const stored = {
  userId: "u1",
  languages: ",fa:fluent,ja:basic,",
  topics: ",job_search,",
  availability: ",sat-afternoon,",
  mode: "either",
  area: " Shinjuku ",
  mentorGender: "female",
  gender: null,
  capacity: 2,
};

describe("profile codes", () => {
  it("has 21 weekly slots named as the engine's reasons name them", () => {
    expect(slots).toHaveLength(21);
    expect(slots).toContain("sat-afternoon");
    expect(slots[0]).toBe("mon-morning");
  });

  it("stores languages with levels and reads them back, tolerating unknown levels", () => {
    const encoded = encodeLanguageLevels([
      { code: "fa", level: "fluent" },
      { code: "ja-x-easy", level: "basic" },
    ]);
    expect(encoded).toBe(",fa:fluent,ja-x-easy:basic,");
    expect(decodeLanguageLevels(encoded)).toEqual([
      { code: "fa", level: "fluent" },
      { code: "ja-x-easy", level: "basic" },
    ]);
    expect(decodeLanguageLevels(",ar:weird,")).toEqual([{ code: "ar", level: "conversational" }]);
  });

  it("gives the engine every language whatever the level, and areas compared loosely", () => {
    const mentee = engineMentee(stored, ["m9"]);
    expect(mentee).toEqual({
      id: "u1",
      languages: ["fa", "ja"],
      goals: ["job_search"],
      availability: ["sat-afternoon"],
      mode: "either",
      mentorGender: "female",
      excludedMentorIds: ["m9"],
      area: "shinjuku",
    });
    const mentor = engineMentor({ ...stored, userId: "m1", gender: "male", area: "shinjuku" }, 1);
    expect(mentor.capacity).toBe(1);
    expect(engineMentor(stored, -2).capacity).toBe(0);
    // A female preference never fits a male mentor; a female mentor fits, same area counts.
    expect(infeasibility(mentee, mentor)).toBe("gender");
    const female = { ...mentor, gender: "female" };
    expect(infeasibility(mentee, female)).toBeNull();
    expect(scorePair(mentee, female).reasons).toEqual([
      "goal:job_search",
      "language:fa",
      "language:ja",
      "slot:sat-afternoon",
      "area",
    ]);
  });

  it("counts Easy Japanese as Japanese for matching", () => {
    expect(matchingLanguages(",ja-x-easy:conversational,my:fluent,ja:basic,")).toEqual([
      "ja",
      "my",
    ]);
  });

  it("splits reason codes for translation", () => {
    expect(parseReason("goal:job_search")).toEqual({ kind: "goal", value: "job_search" });
    expect(parseReason("slot:sat-afternoon")).toEqual({ kind: "slot", value: "sat-afternoon" });
    expect(parseReason("area")).toEqual({ kind: "area", value: "" });
  });

  it("calls a match quiet after 21 days without a check-in, counted from the last one", () => {
    const start = new Date("2026-12-01T00:00:00Z");
    const at = (days: number) => new Date(start.getTime() + days * DAY_MS);
    expect(isQuiet({ activatedAt: start, lastCheckInAt: null }, at(20.9))).toBe(false);
    expect(isQuiet({ activatedAt: start, lastCheckInAt: null }, at(21))).toBe(true);
    expect(isQuiet({ activatedAt: start, lastCheckInAt: at(10) }, at(30))).toBe(false);
    expect(isQuiet({ activatedAt: null, lastCheckInAt: null }, at(100))).toBe(false);
  });
});

describe("who sees what of the other person", () => {
  const mentee: PartnerSource = {
    displayName: "Maryam",
    email: "maryam@example.com",
    profile: {
      languages: ",fa:fluent,",
      topics: ",cv,",
      availability: ",sat-afternoon,",
      affiliation: "",
      mode: "in_person",
      area: "Kawaguchi",
      about: "pharmacist",
      shareEmail: false,
      contactHandle: "LINE maryam",
    },
  };
  const mentor: PartnerSource = {
    displayName: "Ren",
    email: "ren@example.com",
    profile: { ...mentee.profile!, affiliation: "Sophia", about: "", shareEmail: true },
  };

  it("a proposed mentor sees name, languages, goals and times of the mentee only", () => {
    expect(Object.keys(partnerView("mentor", "proposed", mentee)).sort()).toEqual([
      "availability",
      "displayName",
      "languages",
      "topics",
    ]);
  });

  it("a proposed mentee sees the mentor's name, affiliation, languages and help", () => {
    expect(Object.keys(partnerView("mentee", "proposed", mentor)).sort()).toEqual([
      "affiliation",
      "displayName",
      "languages",
      "topics",
    ]);
  });

  it("active: contact as each chose, about-me only for the mentor", () => {
    const mentorSees = partnerView("mentor", "active", mentee);
    expect(mentorSees.contact).toEqual({ email: null, handle: "LINE maryam" });
    expect(mentorSees.about).toBe("pharmacist");
    expect(mentorSees.area).toBe("Kawaguchi");
    const menteeSees = partnerView("mentee", "active", mentor);
    expect(menteeSees.contact).toEqual({ email: "ren@example.com", handle: "LINE maryam" });
    expect(menteeSees.about).toBeUndefined();
  });

  it("anything else: the name only", () => {
    for (const status of ["draft", "declined", "expired", "ended"])
      expect(partnerView("mentor", status, mentee)).toEqual({ displayName: "Maryam" });
  });
});

describe("profile form schemas", () => {
  const base = {
    topics: ["friendship"],
    availability: ["sun-evening"],
    mode: "online",
  };

  it("drops empty language rows and defaults the level", () => {
    const parsed = menteeProfileSchema.parse({
      intent: "mentee",
      ...base,
      languages: [{ code: "fa" }, {}, { code: "ja", level: "basic" }],
    });
    expect(parsed.languages).toEqual([
      { code: "fa", level: "conversational" },
      { code: "ja", level: "basic" },
    ]);
    expect(parsed.mentorGender).toBe("any");
  });

  it("refuses unknown codes and a mentor without an affiliation", () => {
    const result = mentorProfileSchema.safeParse({
      intent: "mentor",
      ...base,
      availability: ["someday"],
      languages: [{ code: "xx" }],
      capacity: "0",
    });
    expect(result.success).toBe(false);
    const paths = result.error!.issues.map((i) => i.path[0]);
    expect(paths).toEqual(
      expect.arrayContaining(["availability", "languages", "affiliation", "capacity"]),
    );
  });
});
