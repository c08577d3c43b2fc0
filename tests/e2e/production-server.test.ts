import net from "node:net";
import os from "node:os";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createAccount } from "~/accounts/accounts.server";
import { createDb } from "~/db.server";
import { startServer, type RunningServer } from "../support/e2e";

/**
 * Issue #9, the parts that need the real server process but no browser: what production mode
 * promises browsers (HSTS, Secure cookies), and which network addresses the server listens on.
 */
const production = {
  TSUNAGU_MODE: "production",
  RESEND_API_KEY: "re_unused_test_key",
  TSUNAGU_SENDER: "off",
};

/** A non-loopback IPv4 address of this machine, if it has one. */
const outsideAddress = Object.values(os.networkInterfaces())
  .flat()
  .find((a) => a && a.family === "IPv4" && !a.internal)?.address;

function reachable(host: string, port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ host, port, timeout: 2000 });
    socket.once("connect", () => {
      socket.destroy();
      resolve(true);
    });
    socket.once("error", () => resolve(false));
    socket.once("timeout", () => {
      socket.destroy();
      resolve(false);
    });
  });
}

const portOf = (server: RunningServer) => Number(new URL(server.url).port);

describe("in production mode", () => {
  let server: RunningServer;
  const setCookies: string[] = [];

  beforeAll(async () => {
    server = await startServer({ env: production });
    const db = createDb(server.databaseUrl);
    try {
      await createAccount(db, {
        email: "prod@example.com",
        password: "a long passphrase",
        displayName: "Prod",
        locale: "en",
      });
    } finally {
      await db.$disconnect();
    }
  });

  afterAll(async () => {
    await server?.stop();
  });

  async function post(path: string, fields: Record<string, string>, cookie = "") {
    const response = await fetch(server.url + path, {
      method: "POST",
      redirect: "manual",
      headers: {
        Origin: server.url,
        "Content-Type": "application/x-www-form-urlencoded",
        ...(cookie ? { Cookie: cookie } : {}),
      },
      body: new URLSearchParams(fields),
    });
    setCookies.push(...response.headers.getSetCookie());
    return response;
  }

  it("asks browsers to use only https, for two years and every subdomain", async () => {
    for (const path of ["/", "/events", "/favicon.svg"]) {
      const response = await fetch(server.url + path);
      expect(response.headers.get("strict-transport-security"), path).toBe(
        "max-age=63072000; includeSubDomains",
      );
    }
    expect((await fetch(`${server.url}/dev/mailbox`)).status).toBe(404);
  });

  it("marks every cookie it sets Secure: language, session and its end", async () => {
    await post("/language", { lng: "fa", redirectTo: "/" });
    const loggedIn = await post("/login", {
      email: "prod@example.com",
      password: "a long passphrase",
      redirectTo: "/",
    });
    expect(loggedIn.status).toBe(302);
    const session = loggedIn.headers
      .getSetCookie()
      .find((c) => c.startsWith("tsunagu_session="))!
      .split(";")[0]!;
    const saved = await post("/settings/profile", { displayName: "Prod", locale: "fr" }, session);
    expect(saved.status).toBe(302);
    await post("/logout", {}, session);

    const names = setCookies.map((c) => c.split("=")[0]);
    expect(new Set(names)).toEqual(new Set(["lng", "tsunagu_session"]));
    expect(setCookies.length).toBeGreaterThanOrEqual(4);
    for (const cookie of setCookies) {
      expect(cookie).toMatch(/;\s*Secure/i);
      expect(cookie).toMatch(/;\s*HttpOnly/i);
      expect(cookie).toMatch(/;\s*SameSite=Lax/i);
    }
  });
});

describe("the listening address", () => {
  it("is loopback only by default, so a laptop's demo is not open to the café's Wi-Fi", async () => {
    const server = await startServer();
    try {
      expect(await reachable("127.0.0.1", portOf(server))).toBe(true);
      if (outsideAddress) expect(await reachable(outsideAddress, portOf(server))).toBe(false);
    } finally {
      await server.stop();
    }
  });

  it.skipIf(!outsideAddress)(
    "is every interface with HOST=0.0.0.0, as in a container",
    async () => {
      const server = await startServer({ env: { HOST: "0.0.0.0" } });
      try {
        expect(await reachable(outsideAddress!, portOf(server))).toBe(true);
      } finally {
        await server.stop();
      }
    },
  );

  it("refuses to start with a HOST that is not an address", async () => {
    await expect(startServer({ env: { HOST: "everywhere" } })).rejects.toThrow(
      /HOST: must be an IP address/,
    );
  });
});
