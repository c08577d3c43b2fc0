import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import path from "node:path";
import { chromium, type Browser, type Page } from "playwright-core";
import { withJavaScript } from "./browser";
import { freshTestDatabase } from "./database";
import { projectRoot, tmpDir } from "./paths";

export const chromiumPath = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

/**
 * Whether the browser suite can run. Outside CI a missing Chromium skips it with a hint;
 * in CI (CI=true) it is a failure, so a broken install can never look green.
 */
export function browserAvailability(): { run: true } | { run: false; reason: string } {
  if (fs.existsSync(chromiumPath)) return { run: true };
  const hint = `Chromium not found at ${chromiumPath}. Install it with: apt-get update && apt-get install -y chromium`;
  if (process.env.CI === "true") throw new Error(`${hint} (CI=true, so this is a failure)`);
  console.warn(`Skipping end-to-end tests. ${hint}`);
  return { run: false, reason: hint };
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

export type RunningServer = {
  url: string;
  /** The server's DATABASE_URL: a SQLite file or a PostgreSQL database of its own. */
  databaseUrl: string;
  /** Everything the server printed so far (stdout and stderr). */
  output: () => string;
  /** The same as output: the server's log, for failing requests. */
  log: () => string;
  /** Whether the process is still running. */
  alive: () => boolean;
  /** `kill -9`: no shutdown handler runs; the database file is left as the crash left it. */
  kill: () => Promise<void>;
  /** SIGTERM and wait; removes the database unless the caller passed its own. */
  stop: () => Promise<void>;
};

export type ServerOptions = {
  /** An existing database to serve (e.g. to restart on it); the caller removes it. */
  databaseUrl?: string;
  /** Extra environment, e.g. `TSUNAGU_SENDER: "off"` when `npm run worker` processes send. */
  env?: Record<string, string>;
};

// Every process a test starts dies with the test run, even when an assertion throws first.
const spawned = new Set<ChildProcess>();
process.once("exit", () => {
  for (const child of spawned) child.kill("SIGKILL");
});

/** Spawns a child that is SIGKILLed when the test process exits, whatever happens before. */
export function spawnTracked(...args: Parameters<typeof spawn>): ChildProcess {
  const child = spawn(...args);
  spawned.add(child);
  child.once("exit", () => spawned.delete(child));
  return child;
}

/** Waits until the child has exited (at once if it already has). */
export function exited(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => child.once("exit", () => resolve()));
}

/**
 * Starts the built server (`node server.js`) in demo mode on a random port with its own
 * database (or `databaseUrl`); `env` overrides the environment (e.g. production mode).
 */
export async function startServer(options: ServerOptions = {}): Promise<RunningServer> {
  if (!fs.existsSync(path.join(projectRoot, "build", "index.js"))) {
    throw new Error("No build found: run `npm run build` first (npm test does).");
  }
  fs.mkdirSync(tmpDir, { recursive: true });
  const owned = options.databaseUrl ? undefined : await freshTestDatabase("e2e");
  const databaseUrl = options.databaseUrl ?? owned!.url;
  const port = await freePort();
  const child = spawnTracked(process.execPath, ["server.js"], {
    cwd: projectRoot,
    env: {
      ...process.env,
      NODE_ENV: "production",
      TSUNAGU_MODE: "demo",
      PORT: String(port),
      DATABASE_URL: databaseUrl,
      APP_URL: `http://localhost:${port}`,
      RESEND_API_KEY: "",
      ...options.env,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout?.on("data", (chunk) => (output += chunk));
  child.stderr?.on("data", (chunk) => (output += chunk));
  const url = `http://localhost:${port}`;
  const deadline = Date.now() + 60_000;
  let healthy = false;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) {
      throw new Error(`Server exited early (code ${child.exitCode}):\n${output}`);
    }
    try {
      if ((await fetch(`${url}/healthz`)).ok) {
        healthy = true;
        break;
      }
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  if (!healthy) {
    child.kill("SIGKILL");
    throw new Error(`Server did not become healthy:\n${output}`);
  }
  return {
    url,
    databaseUrl,
    output: () => output,
    log: () => output,
    alive: () => child.exitCode === null && child.signalCode === null,
    kill: async () => {
      child.kill("SIGKILL");
      await exited(child);
    },
    stop: async () => {
      if (child.exitCode === null && child.signalCode === null) {
        child.kill("SIGTERM");
        await exited(child);
      }
      await owned?.remove();
    },
  };
}

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath,
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--no-first-run",
    ],
  });
}

/** A phone-sized page (360 px wide), with or without JavaScript. */
export async function newPhonePage(
  browser: Browser,
  options: { baseURL: string; javaScript?: boolean; locale?: string },
): Promise<Page> {
  const javaScript = options.javaScript ?? true;
  const context = await browser.newContext({
    baseURL: options.baseURL,
    viewport: { width: 360, height: 740 },
    javaScriptEnabled: javaScript,
    locale: options.locale ?? "en-US",
    acceptDownloads: true,
  });
  const page = await context.newPage();
  if (javaScript) withJavaScript.add(page);
  return page;
}
