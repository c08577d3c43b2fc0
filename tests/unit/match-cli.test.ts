import { execFile } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { projectRoot } from "../support/paths";

const run = promisify(execFile);
const tsx = path.join(projectRoot, "node_modules", ".bin", "tsx");

async function match(input: unknown, ...flags: string[]) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "match-"));
  const file = path.join(dir, "input.json");
  fs.writeFileSync(file, typeof input === "string" ? input : JSON.stringify(input));
  try {
    const { stdout } = await run(tsx, ["scripts/match.ts", file, ...flags], { cwd: projectRoot });
    return { code: 0, stdout, stderr: "" };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

const input = {
  mentees: [
    {
      id: "e1",
      languages: ["fa"],
      goals: ["cv"],
      availability: ["sat-pm"],
      mode: "online",
      mentorGender: "any",
      excludedMentorIds: [],
    },
    {
      id: "e2",
      languages: ["ar"],
      goals: [],
      availability: ["sun-am"],
      mode: "in_person",
      mentorGender: "female",
      excludedMentorIds: [],
    },
  ],
  mentors: [
    {
      id: "m1",
      languages: ["fa", "ja"],
      skills: ["cv"],
      availability: ["sat-pm"],
      mode: "either",
      gender: "male",
      capacity: 2,
    },
  ],
};

describe("npm run match (the command-line contract)", () => {
  it("prints matches, unmatched with reasons, counts, and every feasible score with --all-scores", async () => {
    const { code, stdout } = await match(input, "--all-scores");
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toEqual({
      matches: [
        {
          menteeId: "e1",
          mentorId: "m1",
          score: 700,
          reasons: ["goal:cv", "language:fa", "slot:sat-pm"],
        },
      ],
      unmatched: [{ menteeId: "e2", reason: "gender" }],
      matchedCount: 1,
      totalScore: 700,
      scores: [{ menteeId: "e1", mentorId: "m1", score: 700 }],
    });
    const plain = JSON.parse((await match(input)).stdout);
    expect(plain).not.toHaveProperty("scores");
  }, 30_000);

  it("exits non-zero with a clear message for invalid input", async () => {
    const broken = await match("{ not json");
    expect(broken.code).not.toBe(0);
    expect(broken.stderr).toContain("is not valid JSON");
    const wrongShape = await match({ mentees: [{ id: "e1", mode: "sometimes" }], mentors: [] });
    expect(wrongShape.code).not.toBe(0);
    expect(wrongShape.stderr).toContain("mentees.0.mode");
    const duplicate = await match({ mentees: [], mentors: [input.mentors[0], input.mentors[0]] });
    expect(duplicate.stderr).toContain('duplicate id "m1"');
  }, 30_000);
});
