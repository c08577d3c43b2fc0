/**
 * `npm run bench:match`: time, matched count and total score of the optimal matching for
 * 100×40, 1,000×400 and 3,000×1,200 (mentors of capacity 1-3), next to the greedy baseline.
 */
import os from "node:os";
import { goals, slots } from "~/mentorship/codes";
import { greedyMatch, matchMentees, type Mentee, type Mentor } from "~/mentorship/matching";

function random(seed: number) {
  return () => {
    seed = (seed * 1664525 + 1013904223) % 4294967296;
    return seed / 4294967296;
  };
}

// Roughly the pools we see: Japanese and English common, Persian, Arabic, French, Dari,
// Burmese, Kurdish and others less so; 21 weekly slots; seven goals.
const languages = ["ja", "en", "fa", "ar", "fr", "prs", "my", "ku", "tr", "ta"];
const languageWeights = [0.7, 0.6, 0.2, 0.2, 0.12, 0.08, 0.08, 0.06, 0.05, 0.04];
const areas = ["shinjuku", "chiyoda", "saitama", "yokohama", "chiba", "tama"];
const modes = ["online", "in_person", "either"] as const;

function instance(menteeCount: number, mentorCount: number, seed: number) {
  const rand = random(seed);
  const some = <T>(items: readonly T[], p: number) => items.filter(() => rand() < p);
  const langs = () => {
    const chosen = languages.filter((_, i) => rand() < languageWeights[i]!);
    return chosen.length ? chosen : ["ja"];
  };
  const mentors: Mentor[] = Array.from({ length: mentorCount }, (_, j) => ({
    id: `m${j}`,
    languages: langs(),
    skills: some(goals, 0.45),
    availability: some(slots, 0.25),
    mode: modes[Math.floor(rand() * 3)]!,
    gender: rand() < 0.55 ? "female" : rand() < 0.9 ? "male" : null,
    capacity: 1 + Math.floor(rand() * 3),
    area: areas[Math.floor(rand() * areas.length)]!,
  }));
  const mentees: Mentee[] = Array.from({ length: menteeCount }, (_, i) => ({
    id: `e${i}`,
    languages: langs(),
    goals: some(goals, 0.3),
    availability: some(slots, 0.2),
    mode: modes[Math.floor(rand() * 3)]!,
    mentorGender: rand() < 0.7 ? "any" : rand() < 0.8 ? "female" : "male",
    excludedMentorIds: rand() < 0.1 ? [`m${Math.floor(rand() * mentorCount)}`] : [],
    area: areas[Math.floor(rand() * areas.length)]!,
  }));
  return { mentees, mentors };
}

console.log(`${os.cpus()[0]?.model ?? "cpu"} x${os.cpus().length}, Node ${process.version}`);
console.log(
  `${"size".padEnd(12)} ${"pairs".padStart(9)} ${"optimal ms".padStart(11)} ${"matched".padStart(8)} ${"score".padStart(9)} | ${"greedy ms".padStart(9)} ${"matched".padStart(8)} ${"score".padStart(9)}`,
);
for (const [mentees, mentors] of [
  [100, 40],
  [1000, 400],
  [3000, 1200],
] as const) {
  const data = instance(mentees, mentors, mentees * 31 + mentors);
  let start = performance.now();
  const optimal = matchMentees(data.mentees, data.mentors, { allScores: true });
  const optimalMs = performance.now() - start;
  start = performance.now();
  const greedy = greedyMatch(data.mentees, data.mentors);
  const greedyMs = performance.now() - start;
  console.log(
    `${`${mentees}×${mentors}`.padEnd(12)} ${String(optimal.scores!.length).padStart(9)} ${optimalMs.toFixed(0).padStart(11)} ${String(optimal.matchedCount).padStart(8)} ${String(optimal.totalScore).padStart(9)} | ${greedyMs.toFixed(0).padStart(9)} ${String(greedy.matchedCount).padStart(8)} ${String(greedy.totalScore).padStart(9)}`,
  );
}
