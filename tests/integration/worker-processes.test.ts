import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createAccount } from "~/accounts/accounts.server";
import { createDb, db } from "~/db.server";
import { createEvent } from "~/events/events.server";
import { answerGoing } from "~/events/rsvp.server";
import { createMailer } from "~/mail/mail.server";
import { eventInput } from "../support/fixtures";
import { startResendStandIn } from "../support/resend-standin";

const root = path.resolve(import.meta.dirname, "../..");
let resend: Awaited<ReturnType<typeof startResendStandIn>>;
const workers: ChildProcess[] = [];

beforeAll(async () => {
  resend = await startResendStandIn();
});
afterAll(async () => {
  for (const worker of workers) worker.kill("SIGKILL");
  await resend.close();
});

/** `npm run worker` as its own process, talking to the Resend stand-in. */
function startWorker() {
  // Node itself with tsx's loader (not the tsx wrapper, whose child would outlive a SIGKILL).
  const worker = spawn(process.execPath, ["--import", "tsx", "scripts/worker.ts"], {
    cwd: root,
    env: {
      ...process.env,
      DATABASE_URL: process.env.DATABASE_URL,
      RESEND_API_KEY: "re_test_key",
      RESEND_BASE_URL: resend.url,
      APP_URL: "https://tsunagu.example",
      SENDER_INTERVAL_MS: "100",
      SENDER_LEASE_MS: "2000",
      RESEND_MAX_PER_SECOND: "100",
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  workers.push(worker);
  let output = "";
  worker.stdout!.on("data", (chunk: Buffer) => (output += chunk.toString()));
  worker.stderr!.on("data", (chunk: Buffer) => (output += chunk.toString()));
  return { worker, output: () => output };
}

async function until(condition: () => Promise<boolean>, timeoutMs: number) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await condition()) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error("Timed out");
}

describe("two sender processes on one database", () => {
  it("deliver every confirmation and reminder exactly once, even when one is killed mid-send", async () => {
    const organizer = await createAccount(db(), {
      email: "organizer@example.com",
      password: "a long passphrase",
      displayName: "Aiko",
      locale: "ja",
    });
    if (!organizer.ok) throw new Error("no account");
    const created = await createEvent(
      db(),
      eventInput({ date: "2030-01-01", capacity: undefined }),
      organizer.user.id,
      new Date("2029-12-01T00:00:00Z"),
    );
    if (!created.ok) throw new Error("no event");
    const people = [];
    for (let i = 0; i < 16; i++) {
      const made = await createAccount(db(), {
        email: `worker-${i}@example.com`,
        password: "a long passphrase",
        displayName: `Person ${i}`,
        locale: (["fa", "ar", "fr", "ja"] as const)[i % 4]!,
      });
      if (!made.ok) throw new Error("no account");
      people.push(made.user);
      await answerGoing(
        db(),
        {
          eventId: created.eventId,
          userId: made.user.id,
          children: 0,
          guests: 0,
          interpretation: null,
          note: "",
        },
        new Date(Date.now() - 2 * 86_400_000), // said yes two days ago
      );
    }
    // The event starts in an hour, so everyone (reminder "1 day before") is due a reminder too.
    const startsAt = new Date(Date.now() + 3_600_000);
    await db().event.update({
      where: { id: created.eventId },
      data: { startsAt, endsAt: new Date(startsAt.getTime() + 7_200_000) },
    });

    resend.state.delayMs = 150;
    const a = startWorker();
    const b = startWorker();
    await until(async () => resend.deliveries.length >= 4, 30_000).catch(() => {
      throw new Error(`Nothing sent.\nA: ${a.output()}\nB: ${b.output()}`);
    });
    a.worker.kill("SIGKILL"); // mid-request, holding a lease
    const c = startWorker(); // the restart

    const expected = people.length * 2;
    await until(
      async () => (await db().outboxMessage.count({ where: { status: "sent" } })) === expected,
      60_000,
    ).catch(async () => {
      const states = await db().outboxMessage.groupBy({ by: ["kind", "status"], _count: true });
      throw new Error(
        `Not all sent: ${JSON.stringify(states)}\nB: ${b.output()}\nC: ${c.output()}`,
      );
    });

    for (const p of people) {
      const mails = resend.deliveriesTo(p.email);
      expect(mails.map((m) => m.idempotencyKey)).toHaveLength(2);
      expect(new Set(mails.map((m) => m.idempotencyKey)).size).toBe(2);
    }
    expect(resend.deliveries).toHaveLength(expected);
    expect(await db().outboxMessage.count({ where: { kind: "event_reminder" } })).toBe(
      people.length,
    );
  }, 120_000);
});

describe("the dev mailbox beside several senders", () => {
  it("keeps one copy when senders in several processes store the same message at once", async () => {
    // A sender whose lease ran out and the one that took the message over may both get as far
    // as the mailbox; like Resend with its idempotency key, the second is told it went out.
    const processes = Array.from({ length: 4 }, () => createDb(process.env.DATABASE_URL!));
    try {
      for (let round = 0; round < 5; round++) {
        const idempotencyKey = `tsunagu-message-same-${round}`;
        const outcomes = await Promise.all(
          processes.map((database) =>
            createMailer({
              db: database,
              apiKey: undefined,
              from: "Tsunagu <hello@tsunagu.example>",
              devMailboxEnabled: true,
            }).send(
              { to: "aiko@example.com", subject: "A place for you", html: "<p>Hi</p>", text: "Hi" },
              { idempotencyKey },
            ),
          ),
        );
        expect(outcomes.map((o) => o.ok)).toEqual([true, true, true, true]);
        expect(await db().devMail.count({ where: { idempotencyKey } })).toBe(1);
      }
    } finally {
      for (const database of processes) await database.$disconnect();
    }
  });
});
