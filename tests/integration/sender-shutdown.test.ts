import { beforeEach, describe, expect, it } from "vitest";
import { db } from "~/db.server";
import type { Mailer } from "~/mail/mail.server";
import { startOutboxWorker } from "~/notifications/worker.server";
import { createPerson } from "../support/people";

/**
 * Issue #13 item 5: a sender that is stopped takes no new message, lets the one in hand finish,
 * and hands back a lease it cannot finish, so another sender need not wait for it to run out.
 */

/** Messages that stay relevant whatever happens meanwhile ("someone tried to sign up as you"). */
async function seedMessages(count: number) {
  const people = await Promise.all(Array.from({ length: count }, () => createPerson()));
  await db().outboxMessage.createMany({
    data: people.map((p) => ({
      kind: "signup_existing",
      userId: p.id,
      payload: "{}",
    })),
  });
  return people.map((p) => p.id);
}

const rowsOf = (userIds: string[]) =>
  db().outboxMessage.findMany({
    where: { userId: { in: userIds } },
    select: { status: true, leaseUntil: true, attempts: true },
  });

/** A mailer whose sends wait until `release` is called (or forever). */
function gatedMailer() {
  const started: string[] = [];
  let open: () => void = () => {};
  const gate = new Promise<void>((resolve) => (open = resolve));
  const mailer: Mailer = {
    minIntervalMs: 0,
    async send(mail) {
      started.push(mail.to);
      await gate;
      return { ok: true };
    },
  };
  return { mailer, started, release: () => open() };
}

const quickMailer: Mailer = {
  minIntervalMs: 0,
  send: async () => ({ ok: true }),
};

async function until(what: string, probe: () => boolean, ms = 10_000) {
  const deadline = Date.now() + ms;
  while (!probe()) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

const options = {
  appUrl: "http://localhost:3000",
  intervalMs: 60_000,
  leaseMs: 600_000,
  onError: (error: unknown) => {
    throw error;
  },
};

describe("stopping a sender", () => {
  // Each test's sender must see only that test's messages.
  beforeEach(async () => {
    await db().outboxMessage.deleteMany();
  });

  it("finishes the message in hand and leaves the rest pending and unleased", async () => {
    const userIds = await seedMessages(5);
    const gated = gatedMailer();
    const worker = startOutboxWorker({ db: db(), mailer: gated.mailer, ...options });
    await until("the first send", () => gated.started.length === 1);

    const stopped = worker.stop();
    gated.release();
    await stopped;

    expect(gated.started).toHaveLength(1);
    const rows = await rowsOf(userIds);
    expect(rows.filter((r) => r.status === "sent")).toHaveLength(1);
    const rest = rows.filter((r) => r.status !== "sent");
    expect(rest).toEqual(
      Array.from({ length: 4 }, () => ({ status: "pending", leaseUntil: null, attempts: 0 })),
    );
  });

  it("hands back the lease of a send that outlives the grace, and another sender takes it at once", async () => {
    const userIds = await seedMessages(3);
    const hung = gatedMailer();
    const worker = startOutboxWorker({ db: db(), mailer: hung.mailer, ...options });
    await until("the first send", () => hung.started.length === 1);
    const [leased] = (await rowsOf(userIds)).filter((r) => r.leaseUntil !== null);
    expect(leased).toMatchObject({ status: "pending", attempts: 1 });

    const started = Date.now();
    await worker.stop({ graceMs: 200 });
    expect(Date.now() - started).toBeLessThan(5_000);
    // The lease (600 s) is handed back, and the claim is not counted as a try.
    expect(await rowsOf(userIds)).toEqual(
      Array.from({ length: 3 }, () => ({ status: "pending", leaseUntil: null, attempts: 0 })),
    );

    // Its first round starts at once; the 600 s lease would otherwise keep one message back.
    const next = startOutboxWorker({ db: db(), mailer: quickMailer, ...options });
    let after = await rowsOf(userIds);
    const deadline = Date.now() + 10_000;
    while (after.some((r) => r.status !== "sent") && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 50));
      after = await rowsOf(userIds);
    }
    await next.stop();
    expect(after).toEqual(
      Array.from({ length: 3 }, () => ({ status: "sent", leaseUntil: null, attempts: 1 })),
    );
    hung.release();
  });
});
