import { decodeList, encodeList } from "~/utils/comma-list";
import type { GenderPreference, Mentee, Mentor, Mode } from "./matching";

/**
 * The codes a mentoring profile is made of, shared by forms, the database and the matching
 * engine (whose reasons are `goal:<goal>`, `language:<code>`, `slot:<slot>`, `area`). Pure.
 */

/** What a mentee would like help with; for a mentor, what they can help with. */
export const goals = [
  "japanese_practice",
  "job_search",
  "interviews",
  "school",
  "daily_life",
  "friendship",
  "other",
] as const;
export type Goal = (typeof goals)[number];

export const weekdays = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"] as const;
export const dayParts = ["morning", "afternoon", "evening"] as const;
/** Weekly time slots, "mon-morning" … "sun-evening". */
export const slots = weekdays.flatMap((day) => dayParts.map((part) => `${day}-${part}`));

export const languageLevels = ["basic", "conversational", "fluent"] as const;
export type LanguageLevel = (typeof languageLevels)[number];

export const modes = ["online", "in_person", "either"] as const satisfies readonly Mode[];
export const genderPreferences = [
  "any",
  "female",
  "male",
] as const satisfies readonly GenderPreference[];
/** A mentor's gender, if they say; "unsaid" is stored as null. */
export const mentorGenders = ["unsaid", "female", "male"] as const;
export const fitAnswers = ["yes", "unsure", "no"] as const;
export type FitAnswer = (typeof fitAnswers)[number];

export const mentoringRoles = ["mentee", "mentor"] as const;
export type MentoringRole = (typeof mentoringRoles)[number];

/** Both must accept within this many days, or the proposal expires. */
export const PROPOSAL_DAYS = 7;
/** An active match with no check-in for this long is shown to organizers. */
export const QUIET_DAYS = 21;
export const DAY_MS = 86_400_000;

export type LanguageWithLevel = { code: string; level: LanguageLevel };

/** Stored as ",fa:fluent,ja:basic,". */
export function encodeLanguageLevels(items: readonly LanguageWithLevel[]): string {
  return encodeList(items.map((item) => `${item.code}:${item.level}`));
}

export function decodeLanguageLevels(stored: string): LanguageWithLevel[] {
  return decodeList(stored).map((entry) => {
    const [code = "", level = "conversational"] = entry.split(":");
    return {
      code,
      level: (languageLevels as readonly string[]).includes(level)
        ? (level as LanguageLevel)
        : "conversational",
    };
  });
}

/** Areas are free text ("Shinjuku", " shinjuku "); the engine compares them for equality. */
export function normalizeArea(area: string): string {
  return area.trim().toLowerCase();
}

type StoredProfile = {
  userId: string;
  languages: string;
  topics: string;
  availability: string;
  mode: string;
  area: string;
  mentorGender: string;
  gender: string | null;
  capacity: number;
};

/**
 * The languages the engine compares: every listed one, whatever the level (a mentee with a
 * little Japanese is exactly who Japanese practice is for), with Easy Japanese counted as
 * Japanese, since anyone who speaks Japanese can speak it simply.
 */
export function matchingLanguages(stored: string): string[] {
  return [
    ...new Set(decodeLanguageLevels(stored).map((l) => (l.code === "ja-x-easy" ? "ja" : l.code))),
  ];
}

const asMode = (mode: string): Mode =>
  (modes as readonly string[]).includes(mode) ? (mode as Mode) : "either";

/** A mentee profile as the engine reads it. */
export function engineMentee(profile: StoredProfile, excludedMentorIds: string[]): Mentee {
  return {
    id: profile.userId,
    languages: matchingLanguages(profile.languages),
    goals: decodeList(profile.topics),
    availability: decodeList(profile.availability),
    mode: asMode(profile.mode),
    mentorGender: (genderPreferences as readonly string[]).includes(profile.mentorGender)
      ? (profile.mentorGender as GenderPreference)
      : "any",
    excludedMentorIds,
    area: normalizeArea(profile.area) || null,
  };
}

/** A mentor profile as the engine reads it, with the places they have left. */
export function engineMentor(profile: StoredProfile, spare: number): Mentor {
  return {
    id: profile.userId,
    languages: matchingLanguages(profile.languages),
    skills: decodeList(profile.topics),
    availability: decodeList(profile.availability),
    mode: asMode(profile.mode),
    gender: profile.gender,
    capacity: Math.max(0, spare),
    area: normalizeArea(profile.area) || null,
  };
}

/** "goal:job_search" → { kind: "goal", value: "job_search" }; "area" → { kind: "area" }. */
export function parseReason(reason: string): { kind: string; value: string } {
  const at = reason.indexOf(":");
  return at < 0
    ? { kind: reason, value: "" }
    : { kind: reason.slice(0, at), value: reason.slice(at + 1) };
}

/** When an active match last showed life: its latest check-in, else its start. */
export function quietSince(match: { activatedAt: Date | null; lastCheckInAt: Date | null }) {
  return match.lastCheckInAt ?? match.activatedAt;
}

export function isQuiet(
  match: { activatedAt: Date | null; lastCheckInAt: Date | null },
  now: Date,
): boolean {
  const since = quietSince(match);
  return since !== null && now.getTime() - since.getTime() >= QUIET_DAYS * DAY_MS;
}

/** Open matches hold a mentee and a mentor's place; closed ones only keep the pair apart. */
export const openStatuses = ["proposed", "active"] as const;
export const closedStatuses = ["declined", "expired", "ended"] as const;
