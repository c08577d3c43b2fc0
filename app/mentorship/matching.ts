import { MinCostFlow } from "./min-cost-flow";

/**
 * The matching engine: which mentee-mentor pairs are possible, how good each is (0-1000, with
 * reasons as codes the interface translates), and the optimal matching: the most mentees
 * matched, then the highest total score, never over a mentor's capacity. Pure and
 * deterministic; see docs/decisions/0005-mentor-matching.md.
 */

export type Mode = "online" | "in_person" | "either";
export type GenderPreference = "any" | "female" | "male";

export type Mentee = {
  id: string;
  languages: string[];
  goals: string[];
  availability: string[];
  mode: Mode;
  mentorGender: GenderPreference;
  excludedMentorIds: string[];
  /** Optional: where they can meet in person (compared for equality). */
  area?: string | null;
};

export type Mentor = {
  id: string;
  languages: string[];
  skills: string[];
  availability: string[];
  mode: Mode;
  gender?: string | null;
  capacity: number;
  area?: string | null;
};

export type Infeasibility =
  "excluded" | "gender" | "no_shared_language" | "no_shared_time" | "mode";

/** Why a pair cannot be matched, or null when it can; the checks run in this order. */
export function infeasibility(mentee: Mentee, mentor: Mentor): Infeasibility | null {
  if (mentee.excludedMentorIds.includes(mentor.id)) return "excluded";
  if (mentee.mentorGender !== "any" && mentee.mentorGender !== mentor.gender) return "gender";
  if (!mentee.languages.some((l) => mentor.languages.includes(l))) return "no_shared_language";
  if (!mentee.availability.some((s) => mentor.availability.includes(s))) return "no_shared_time";
  if (
    (mentee.mode === "online" && mentor.mode === "in_person") ||
    (mentee.mode === "in_person" && mentor.mode === "online")
  ) {
    return "mode";
  }
  return null;
}

export const SCORE_WEIGHTS = {
  /** Share of the mentee's goals the mentor can help with. */
  goals: 500,
  /** First shared language, then each further one. */
  firstLanguage: 150,
  extraLanguage: 50,
  maxLanguage: 250,
  /** Per shared time slot, up to three. */
  perSlot: 50,
  maxSlots: 3,
  /** Same area, when they may meet in person. */
  area: 100,
} as const;

export type Scored = { score: number; reasons: string[] };

/**
 * 0-1000. Goals matter most (what the mentee came for), then talking easily (shared
 * languages), then ease of meeting (shared slots, same area). Reasons: `goal:<goal>`,
 * `language:<code>`, `slot:<slot>`, `area`; a mentee with no goals gets half the goal points,
 * since any mentor can be a friend.
 */
export function scorePair(mentee: Mentee, mentor: Mentor): Scored {
  const w = SCORE_WEIGHTS;
  const reasons: string[] = [];
  const menteeGoals = [...new Set(mentee.goals)];
  const goals = menteeGoals.filter((g) => mentor.skills.includes(g));
  const goalPoints =
    menteeGoals.length === 0
      ? w.goals / 2
      : Math.round((w.goals * goals.length) / menteeGoals.length);
  reasons.push(...goals.map((g) => `goal:${g}`));

  const languages = [...new Set(mentee.languages)].filter((l) => mentor.languages.includes(l));
  const languagePoints =
    languages.length === 0
      ? 0
      : Math.min(w.maxLanguage, w.firstLanguage + (languages.length - 1) * w.extraLanguage);
  reasons.push(...languages.map((l) => `language:${l}`));

  const slots = [...new Set(mentee.availability)].filter((s) => mentor.availability.includes(s));
  const slotPoints = Math.min(slots.length, w.maxSlots) * w.perSlot;
  reasons.push(...slots.map((s) => `slot:${s}`));

  const meetInPerson = mentee.mode !== "online" && mentor.mode !== "online";
  const sameArea = meetInPerson && !!mentee.area && mentee.area === mentor.area;
  if (sameArea) reasons.push("area");

  return { score: goalPoints + languagePoints + slotPoints + (sameArea ? w.area : 0), reasons };
}

export type Match = { menteeId: string; mentorId: string; score: number; reasons: string[] };
export type Unmatched = { menteeId: string; reason: Infeasibility | "mentors_full" };
export type MatchResult = {
  matches: Match[];
  unmatched: Unmatched[];
  matchedCount: number;
  totalScore: number;
  scores?: { menteeId: string; mentorId: string; score: number }[];
};

/** Each distinct string gets a bit; a list becomes a bitset, so overlaps are a few ANDs. */
class Vocabulary {
  private bits = new Map<string, number>();
  add(items: string[]) {
    for (const item of items) if (!this.bits.has(item)) this.bits.set(item, this.bits.size);
  }
  get words() {
    return Math.max(1, Math.ceil(this.bits.size / 32));
  }
  encode(items: string[]): Uint32Array {
    const set = new Uint32Array(this.words);
    for (const item of items) {
      const bit = this.bits.get(item);
      if (bit !== undefined) set[bit >>> 5]! |= 1 << (bit & 31);
    }
    return set;
  }
}

function overlap(a: Uint32Array, b: Uint32Array): number {
  let count = 0;
  for (let i = 0; i < a.length; i++) {
    let x = a[i]! & b[i]!;
    while (x) {
      x &= x - 1;
      count++;
    }
  }
  return count;
}

const unique = (items: string[]) => [...new Set(items)];

/**
 * Every feasible pair with its score, in input order (mentee, then mentor). The same rules and
 * points as `infeasibility` and `scorePair`, on bitsets, because a pool of 1,000 × 400 has
 * 400,000 pairs to look at (a test checks the two agree).
 */
export function feasiblePairs(mentees: Mentee[], mentors: Mentor[]) {
  const languages = new Vocabulary();
  const slots = new Vocabulary();
  const goals = new Vocabulary();
  for (const m of mentors) {
    languages.add(m.languages);
    slots.add(m.availability);
    goals.add(m.skills);
  }
  const mentorSets = mentors.map((m) => ({
    languages: languages.encode(m.languages),
    slots: slots.encode(m.availability),
    skills: goals.encode(m.skills),
  }));
  const w = SCORE_WEIGHTS;
  const pairs: { mentee: number; mentor: number; score: number }[] = [];
  mentees.forEach((mentee, i) => {
    const menteeGoals = unique(mentee.goals);
    const sets = {
      languages: languages.encode(mentee.languages),
      slots: slots.encode(mentee.availability),
      goals: goals.encode(menteeGoals),
    };
    const excluded = new Set(mentee.excludedMentorIds);
    mentors.forEach((mentor, j) => {
      if (mentor.capacity <= 0 || excluded.has(mentor.id)) return;
      if (mentee.mentorGender !== "any" && mentee.mentorGender !== mentor.gender) return;
      if (
        (mentee.mode === "online" && mentor.mode === "in_person") ||
        (mentee.mode === "in_person" && mentor.mode === "online")
      )
        return;
      const sharedLanguages = overlap(sets.languages, mentorSets[j]!.languages);
      if (sharedLanguages === 0) return;
      const sharedSlots = overlap(sets.slots, mentorSets[j]!.slots);
      if (sharedSlots === 0) return;
      const covered = overlap(sets.goals, mentorSets[j]!.skills);
      const goalPoints =
        menteeGoals.length === 0
          ? w.goals / 2
          : Math.round((w.goals * covered) / menteeGoals.length);
      const languagePoints = Math.min(
        w.maxLanguage,
        w.firstLanguage + (sharedLanguages - 1) * w.extraLanguage,
      );
      const slotPoints = Math.min(sharedSlots, w.maxSlots) * w.perSlot;
      const sameArea =
        mentee.mode !== "online" &&
        mentor.mode !== "online" &&
        !!mentee.area &&
        mentee.area === mentor.area;
      pairs.push({
        mentee: i,
        mentor: j,
        score: goalPoints + languagePoints + slotPoints + (sameArea ? w.area : 0),
      });
    });
  });
  return pairs;
}

/** The optimal matching (exact: min-cost max-flow over mentor capacities). */
export function matchMentees(
  mentees: Mentee[],
  mentors: Mentor[],
  options: { allScores?: boolean } = {},
): MatchResult {
  const pairs = feasiblePairs(mentees, mentors);
  const source = 0;
  const menteeNode = (i: number) => 1 + i;
  const mentorNode = (j: number) => 1 + mentees.length + j;
  const sink = 1 + mentees.length + mentors.length;
  const graph = new MinCostFlow(sink + 1);

  mentees.forEach((_, i) => graph.addEdge(source, menteeNode(i), 1, 0));
  const pairEdges = pairs.map((p) =>
    graph.addEdge(menteeNode(p.mentee), mentorNode(p.mentor), 1, -p.score),
  );
  mentors.forEach((m, j) => graph.addEdge(mentorNode(j), sink, Math.max(0, m.capacity), 0));

  // Shortest distances from the source on the empty graph (a DAG), as starting potentials.
  const potential = new Float64Array(sink + 1);
  const best = new Float64Array(mentors.length);
  for (const p of pairs) best[p.mentor] = Math.min(best[p.mentor]!, -p.score);
  mentors.forEach((_, j) => (potential[mentorNode(j)] = best[j]!));
  potential[sink] = best.reduce((min, value) => Math.min(min, value), 0);

  graph.run(source, sink, potential);

  const matches: Match[] = [];
  const matched = new Set<number>();
  pairs.forEach((p, k) => {
    if (graph.flowOn(pairEdges[k]!) === 1) {
      matched.add(p.mentee);
      const { reasons } = scorePair(mentees[p.mentee]!, mentors[p.mentor]!);
      matches.push({
        menteeId: mentees[p.mentee]!.id,
        mentorId: mentors[p.mentor]!.id,
        score: p.score,
        reasons,
      });
    }
  });

  const unmatched: Unmatched[] = mentees
    .map((mentee, i) => ({ mentee, i }))
    .filter(({ i }) => !matched.has(i))
    .map(({ mentee, i }) => ({
      menteeId: mentee.id,
      reason: unmatchedReason(mentee, i, mentors, pairs),
    }));

  return {
    matches,
    unmatched,
    matchedCount: matches.length,
    totalScore: matches.reduce((sum, m) => sum + m.score, 0),
    ...(options.allScores
      ? {
          scores: pairs.map((p) => ({
            menteeId: mentees[p.mentee]!.id,
            mentorId: mentors[p.mentor]!.id,
            score: p.score,
          })),
        }
      : {}),
  };
}

/** "mentors_full" when someone would fit but the places went to others; else the commonest obstacle. */
function unmatchedReason(
  mentee: Mentee,
  index: number,
  mentors: Mentor[],
  pairs: { mentee: number }[],
): Unmatched["reason"] {
  if (pairs.some((p) => p.mentee === index)) return "mentors_full";
  const counts = new Map<Infeasibility, number>();
  for (const mentor of mentors) {
    const why = infeasibility(mentee, mentor);
    if (why) counts.set(why, (counts.get(why) ?? 0) + 1);
  }
  let reason: Infeasibility = "no_shared_language";
  let most = 0;
  for (const [why, count] of counts) {
    if (count > most) {
      reason = why;
      most = count;
    }
  }
  return mentors.length === 0 || most === 0 ? "mentors_full" : reason;
}

/** The simple baseline organizers use by hand: best-scoring pairs first, while places last. */
export function greedyMatch(
  mentees: Mentee[],
  mentors: Mentor[],
): { matchedCount: number; totalScore: number } {
  const pairs = feasiblePairs(mentees, mentors).sort((a, b) => b.score - a.score);
  const left = mentors.map((m) => m.capacity);
  const taken = new Set<number>();
  let matchedCount = 0;
  let totalScore = 0;
  for (const p of pairs) {
    if (taken.has(p.mentee) || left[p.mentor]! <= 0) continue;
    taken.add(p.mentee);
    left[p.mentor]!--;
    matchedCount++;
    totalScore += p.score;
  }
  return { matchedCount, totalScore };
}
