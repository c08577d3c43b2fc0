import { describe, expect, it } from "vitest";
import { quietMembers } from "~/care/quiet.server";
import { db } from "~/db.server";
import { seedDemo } from "../../scripts/demo-seed";

describe("the demo", () => {
  it("has exactly one person on the quiet list, who may be greeted", async () => {
    const at = new Date();
    await seedDemo(db(), at);
    const farid = await db().user.findUniqueOrThrow({ where: { email: "farid@demo.tsunagu.jp" } });
    const demoIds = new Set(
      (await db().user.findMany({ where: { email: { endsWith: "@demo.tsunagu.jp" } } })).map(
        (u) => u.id,
      ),
    );
    const quiet = (await quietMembers(db(), at)).filter((q) => demoIds.has(q.id));
    expect(quiet.map((q) => [q.id, q.canSayHello])).toEqual([[farid.id, true]]);
  });
});
