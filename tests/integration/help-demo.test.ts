import { describe, expect, it } from "vitest";
import { helpQueue, helpViewer } from "~/care/help-requests.server";
import { db } from "~/db.server";
import { seedDemo } from "../../scripts/demo-seed";

describe("the demo seed's help requests", () => {
  it("puts Maryam's (Persian, asking for a woman) and Amal's in the queue the demo organizers and admin see, once", async () => {
    const now = new Date("2026-12-01T10:00:00Z");
    await seedDemo(db(), now);
    await seedDemo(db(), now);
    for (const email of ["aiko@demo.tsunagu.jp", "sara@demo.tsunagu.jp", "admin@demo.tsunagu.jp"]) {
      const user = await db().user.findUniqueOrThrow({ where: { email } });
      const queue = await helpQueue(db(), await helpViewer(db(), user.id));
      expect(
        queue.map((r) => [r.topic, r.urgency, r.wantsWoman]),
        email,
      ).toEqual([
        ["sleep", "today", true],
        ["papers", "week", false],
      ]);
    }
    const maryam = await db().helpRequest.findFirstOrThrow({
      where: { member: { email: "maryam@demo.tsunagu.jp" } },
      include: { messages: true },
    });
    expect(maryam.languages).toBe(",fa,en,");
    expect(maryam.messages[0]?.body).toMatch(/[\u0600-\u06FF]/);
  });
});
