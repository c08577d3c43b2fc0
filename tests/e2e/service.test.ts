import http from "node:http";
import net from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createAccount } from "~/accounts/accounts.server";
import { createDb } from "~/db.server";
import { freshTestDatabase, testEngine } from "../support/database";
import { exited, spawnTracked, startServer, type RunningServer } from "../support/e2e";
import { projectRoot } from "../support/paths";
import { startResendStandIn } from "../support/resend-standin";

/**
 * Issue #13 item 5, running as a service: health and readiness, the JSON request log and
 * LOG_LEVEL, and what SIGTERM does to requests in flight and to a worker's outbox leases.
 */

type LogLine = Record<string, unknown> & { level: string; msg: string };

/** The JSON lines of a process's output; every line it prints must be one. */
function logLines(output: string): LogLine[] {
  return output
    .split("\n")
    .filter((line) => line.trim() !== "")
    .map((line) => {
      try {
        return JSON.parse(line) as LogLine;
      } catch {
        throw new Error(`Not a JSON log line: ${line}`);
      }
    });
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function waitFor(what: string, probe: () => boolean | Promise<boolean>, ms = 20_000) {
  const deadline = Date.now() + ms;
  while (!(await probe())) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await sleep(50);
  }
}

describe("health and readiness", () => {
  let server: RunningServer;
  beforeAll(async () => {
    server = await startServer({ env: { TSUNAGU_SENDER: "off" } });
  });
  afterAll(async () => {
    await server?.stop();
  });

  it("reports the engine and migration state, never the database's address", async () => {
    const response = await fetch(`${server.url}/healthz`);
    expect(response.status).toBe(200);
    expect(response.headers.get("cache-control")).toBe("no-store");
    const text = await response.text();
    expect(text).not.toMatch(/file:|postgres(ql)?:\/\/|tsunagu:tsunagu|\.db\b/);
    const health = JSON.parse(text);
    expect(health).toMatchObject({ engine: testEngine, database: "reachable", ready: true });
    expect(health.migrations).toMatchObject({
      pending: [],
      newest: expect.stringMatching(/^\d{14}_/),
    });
    expect((await fetch(`${server.url}/readyz`)).status).toBe(200);
  });

  it("refuses an address with a NUL character before it reaches a query (PostgreSQL refuses NUL)", async () => {
    for (const path of ["/organize/resources/%00", "/events/%00", "/report?about=event:%00x"]) {
      const answer = await fetch(`${server.url}${path}`, { redirect: "manual" });
      expect(answer.status, path).toBe(400);
    }
    expect((await fetch(`${server.url}/events`)).status).toBe(200);
  });

  it("is not ready while a migration is pending, and stays alive", async () => {
    const newest = (await (await fetch(`${server.url}/healthz`)).json()).migrations.newest;
    const db = createDb(server.databaseUrl);
    try {
      await db.$executeRaw`DELETE FROM _prisma_migrations WHERE migration_name = ${newest}`;
    } finally {
      await db.$disconnect();
    }
    // The migration state is cached for 5 seconds.
    await waitFor(
      "readiness to fail",
      async () => (await fetch(`${server.url}/readyz`)).status === 503,
      10_000,
    );
    const ready = await (await fetch(`${server.url}/readyz`)).json();
    expect(ready).toMatchObject({ ready: false, migrations: { pending: [newest] } });
    const alive = await fetch(`${server.url}/healthz`);
    expect(alive.status).toBe(200);
    expect((await alive.json()).migrations.pending).toEqual([newest]);
  });
});

describe("the request log", () => {
  it("prints one JSON line per request with no personal data", async () => {
    const server = await startServer({ env: { TSUNAGU_SENDER: "off" } });
    try {
      const response = await fetch(
        `${server.url}/events?email=hidden.person%40example.com&q=secretsearch`,
        {
          headers: {
            Cookie: "tsunagu_session=cookie-secret-value",
            "X-Forwarded-For": "203.0.113.9",
            // The log counts the bytes that leave, after compression: uncompressed, they are the body.
            "Accept-Encoding": "identity",
          },
        },
      );
      expect(response.status).toBe(200);
      const bytes = (await response.arrayBuffer()).byteLength;
      const requestId = response.headers.get("x-request-id");
      expect(requestId).toMatch(/^[0-9a-f-]{36}$/);
      await fetch(`${server.url}/calendar/some-feed-token-value.ics`);
      await sleep(200);

      const output = server.output();
      for (const secret of [
        "hidden.person",
        "example.com",
        "secretsearch",
        "cookie-secret-value",
        "203.0.113.9",
        "some-feed-token-value",
      ]) {
        expect(output).not.toContain(secret);
      }
      const lines = logLines(output);
      const requests = lines.filter((line) => line.msg === "request");
      const events = requests.filter((line) => line.path === "/events");
      expect(events).toHaveLength(1);
      expect(events[0]).toEqual({
        time: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
        level: "info",
        msg: "request",
        method: "GET",
        path: "/events",
        status: 200,
        durationMs: expect.any(Number),
        bytes,
        requestId,
      });
      expect(
        requests.some(
          (line) => line.path === "/calendar/:token.ics" || line.path === "/calendar/:token",
        ),
      ).toBe(true);
      for (const line of requests)
        expect(JSON.stringify(line)).not.toMatch(/127\.0\.0\.1|::1|ffff/);
      expect(lines.some((line) => String(line.msg).startsWith("Tsunagu is ready at"))).toBe(true);
    } finally {
      await server.stop();
    }
  });

  it("prints no request lines with LOG_LEVEL=error", async () => {
    const server = await startServer({ env: { TSUNAGU_SENDER: "off", LOG_LEVEL: "error" } });
    try {
      expect((await fetch(`${server.url}/events`)).status).toBe(200);
      await sleep(200);
      expect(logLines(server.output()).filter((line) => line.level !== "error")).toEqual([]);
    } finally {
      await server.stop();
    }
  });

  it("refuses a LOG_LEVEL it does not know", async () => {
    await expect(startServer({ env: { LOG_LEVEL: "verbose" } })).rejects.toThrow(
      /LOG_LEVEL: must be one of error, warn, info, debug/,
    );
  });
});

describe("SIGTERM", () => {
  it("finishes a request in flight, refuses new connections, and exits cleanly", async () => {
    const server = await startServer({ env: { TSUNAGU_SENDER: "off" } });
    const db = createDb(server.databaseUrl);
    try {
      await createAccount(db, {
        email: "slow@example.com",
        password: "a long passphrase",
        displayName: "Slow",
        locale: "en",
      });
    } finally {
      await db.$disconnect();
    }
    const port = Number(new URL(server.url).port);
    const body = new URLSearchParams({
      email: "slow@example.com",
      password: "a long passphrase",
      redirectTo: "/events",
    }).toString();
    // A login whose form arrives slowly: half before SIGTERM, the rest a second after.
    const answer = new Promise<{ status: number; cookie: string }>((resolve, reject) => {
      const request = http.request(
        {
          host: "127.0.0.1",
          port,
          path: "/login",
          method: "POST",
          headers: {
            Origin: server.url,
            "Content-Type": "application/x-www-form-urlencoded",
            "Content-Length": Buffer.byteLength(body),
          },
        },
        (response) => {
          response.resume();
          response.on("end", () =>
            resolve({
              status: response.statusCode ?? 0,
              cookie: (response.headers["set-cookie"] ?? []).join(";"),
            }),
          );
        },
      );
      request.on("error", reject);
      request.write(body.slice(0, 10));
      setTimeout(() => request.end(body.slice(10)), 1500);
    });
    await sleep(300);
    const stopped = server.stop();
    await sleep(500);
    const refused = await new Promise<boolean>((resolve) => {
      const socket = net.connect({ host: "127.0.0.1", port });
      socket.once("connect", () => (socket.destroy(), resolve(false)));
      socket.once("error", () => resolve(true));
    });
    expect(refused).toBe(true);
    const { status, cookie } = await answer;
    expect(status).toBe(302);
    expect(cookie).toContain("tsunagu_session=");
    await stopped;
    const lines = logLines(server.output());
    expect(lines.find((line) => line.msg === "request" && line.path === "/login")).toMatchObject({
      status: 302,
    });
    expect(lines.at(-1)).toMatchObject({ msg: "Stopped" });
  });
});

describe("a worker stopped mid-batch", () => {
  it("finishes the message in hand, leaves no lease behind, and the next worker sends the rest at once", async () => {
    const database = await freshTestDatabase("service");
    const resend = await startResendStandIn();
    const db = createDb(database.url);
    try {
      const ids: string[] = [];
      for (let i = 0; i < 5; i++) {
        const created = await createAccount(db, {
          email: `batch-${i}@example.com`,
          password: "a long passphrase",
          displayName: `Batch ${i}`,
          locale: "en",
        });
        if (!created.ok) throw new Error("no account");
        ids.push(created.user.id);
      }
      await db.outboxMessage.createMany({
        data: ids.map((userId) => ({ kind: "signup_existing", userId, payload: "{}" })),
      });
      const worker = (extra: Record<string, string> = {}) => {
        const child = spawnTracked(process.execPath, ["--import", "tsx", "scripts/worker.ts"], {
          cwd: projectRoot,
          env: {
            ...process.env,
            NODE_ENV: "production",
            TSUNAGU_MODE: "demo",
            DATABASE_URL: database.url,
            APP_URL: "http://localhost:3000",
            RESEND_API_KEY: "re_test_key",
            RESEND_BASE_URL: resend.url,
            RESEND_MAX_PER_SECOND: "1000",
            SENDER_INTERVAL_MS: "100",
            // A minute: "at once" below is far sooner than a lease running out.
            SENDER_LEASE_MS: "60000",
            ...extra,
          },
          stdio: ["ignore", "pipe", "pipe"],
        });
        let output = "";
        child.stdout!.on("data", (chunk: Buffer) => (output += chunk.toString()));
        child.stderr!.on("data", (chunk: Buffer) => (output += chunk.toString()));
        return { child, output: () => output };
      };
      const rows = () =>
        db.outboxMessage.findMany({ select: { status: true, leaseUntil: true, attempts: true } });

      resend.state.delayMs = 2000;
      const first = worker();
      await waitFor("the first send to reach Resend", () => resend.state.requests >= 1, 30_000);
      const stoppedAt = Date.now();
      first.child.kill("SIGTERM");
      await exited(first.child);
      expect(first.child.exitCode, first.output()).toBe(0);
      expect(Date.now() - stoppedAt).toBeLessThan(10_000);
      expect(resend.deliveries).toHaveLength(1);
      const after = await rows();
      expect(after.filter((r) => r.status === "sent")).toHaveLength(1);
      expect(after.filter((r) => r.status !== "sent")).toEqual(
        Array.from({ length: 4 }, () => ({ status: "pending", leaseUntil: null, attempts: 0 })),
      );
      expect(after.every((r) => r.leaseUntil === null)).toBe(true);

      resend.state.delayMs = 0;
      const second = worker();
      const startedAt = Date.now();
      await waitFor(
        "the rest to be sent",
        async () => (await rows()).every((r) => r.status === "sent"),
        30_000,
      );
      expect(Date.now() - startedAt).toBeLessThan(30_000);
      second.child.kill("SIGTERM");
      await exited(second.child);
      expect(second.child.exitCode).toBe(0);
      expect(resend.deliveries).toHaveLength(5);
      expect(new Set(resend.deliveries.map((d) => d.idempotencyKey)).size).toBe(5);
      logLines(first.output() + second.output());
    } finally {
      await db.$disconnect();
      await resend.close();
      await database.remove();
    }
  });
});
