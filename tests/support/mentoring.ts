import type { MenteeProfileInput, MentorProfileInput } from "~/mentorship/schemas";

/** A complete mentee profile (Persian, a little Japanese, weekends); tests override the rest. */
export function menteeInput(overrides: Partial<MenteeProfileInput> = {}): MenteeProfileInput {
  return {
    intent: "mentee",
    languages: [
      { code: "fa", level: "fluent" },
      { code: "ja", level: "basic" },
    ],
    topics: ["japanese_practice", "job_search"],
    availability: ["sat-afternoon", "sun-morning"],
    mode: "either",
    area: "",
    mentorGender: "any",
    about: "",
    shareEmail: false,
    contactHandle: "",
    ...overrides,
  };
}

/** A complete mentor profile that fits menteeInput(): Persian and Japanese, Saturday afternoons. */
export function mentorInput(overrides: Partial<MentorProfileInput> = {}): MentorProfileInput {
  return {
    intent: "mentor",
    languages: [
      { code: "fa", level: "conversational" },
      { code: "ja", level: "fluent" },
    ],
    topics: ["japanese_practice", "job_search", "friendship"],
    availability: ["sat-afternoon"],
    mode: "either",
    area: "",
    affiliation: "Sophia University",
    gender: "unsaid",
    capacity: 2,
    shareEmail: false,
    contactHandle: "",
    ...overrides,
  };
}
