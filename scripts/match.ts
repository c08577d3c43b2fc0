/**
 * npm run --silent match -- <input.json> [--all-scores]
 * Reads mentees and mentors as JSON and prints the optimal matching as JSON. Exits 2 on bad input.
 */
import fs from "node:fs";
import { describeIssues, matchInputSchema } from "~/mentorship/match-input";
import { matchMentees } from "~/mentorship/matching";

const args = process.argv.slice(2);
const allScores = args.includes("--all-scores");
const files = args.filter((a) => !a.startsWith("--"));
const unknown = args.filter((a) => a.startsWith("--") && a !== "--all-scores");

function fail(message: string): never {
  process.stderr.write(`${message}\n`);
  process.exit(2);
}

if (files.length !== 1 || unknown.length) {
  fail("Usage: npm run --silent match -- <input.json> [--all-scores]");
}
let raw: string;
try {
  raw = fs.readFileSync(files[0]!, "utf8");
} catch (error) {
  fail(`Cannot read ${files[0]}: ${(error as Error).message}`);
}
let json: unknown;
try {
  json = JSON.parse(raw);
} catch (error) {
  fail(`${files[0]} is not valid JSON: ${(error as Error).message}`);
}
const parsed = matchInputSchema.safeParse(json);
if (!parsed.success)
  fail(`${files[0]} does not have the expected shape:\n${describeIssues(parsed.error)}`);

const result = matchMentees(parsed.data.mentees, parsed.data.mentors, { allScores });
process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
