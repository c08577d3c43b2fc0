import { describe, expect, it } from "vitest";
import { db } from "~/db.server";
import { draftView, organizerOverview } from "~/mentorship/queries.server";
import { runMatching } from "~/mentorship/workflow.server";
import { seedDemo } from "../../scripts/demo-seed";

describe("the demo seed's mentoring", () => {
  it("is idempotent and gives organizers something to do", async () => {
    const now = new Date();
    await seedDemo(db(), now);
    const profiles = await db().mentoringProfile.count();
    const matches = await db().mentoringMatch.count();
    await seedDemo(db(), now);
    expect(await db().mentoringProfile.count()).toBe(profiles);
    expect(await db().mentoringMatch.count()).toBe(matches);

    const overview = await organizerOverview(db(), now);
    expect(overview.matches.filter((m) => m.status === "active")).toHaveLength(2);
    expect(overview.quiet.map((m) => [m.mentee, m.mentor])).toEqual([
      ["Jean-Paul K.", "Chloé Martin"],
    ]);
    expect(overview.pendingMentors.map((m) => m.displayName)).toEqual(["Hamid R."]);

    const aiko = await db().user.findUniqueOrThrow({ where: { email: "aiko@demo.tsunagu.jp" } });
    const run = await runMatching(db(), aiko.id);
    expect(run).toEqual({ drafted: 3, unmatched: 0 });
    const pairs = (await draftView(db())).pairs.map((p) => [p.mentee, p.mentor]).sort();
    expect(pairs).toEqual([
      ["Amal", "Yuki Ito"],
      ["Daryush", "Ren Sato"],
      ["Thida", expect.stringMatching(/Yuki Ito|Chloé Martin/)],
    ]);
  });
});
