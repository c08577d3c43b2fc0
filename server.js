// Tsunagu's HTTP server: Express in front of the Remix build. `npm start`, `npm run demo` and
// the end-to-end tests all run this file.
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { createRequestHandler } from "@remix-run/express";
import { broadcastDevReady } from "@remix-run/node";
import compression from "compression";
import express from "express";
import { prepareDatabase } from "./server/database.js";
import { logger, parseLogLevel } from "./server/log.js";
import { requestLog } from "./server/request-log.js";
import { isAllowedOrigin } from "./server/origin.js";
import { createNonce, securityHeaders } from "./server/security-headers.js";

const root = path.dirname(fileURLToPath(import.meta.url));
if (fs.existsSync(path.join(root, ".env"))) process.loadEnvFile(path.join(root, ".env"));

const mode = process.env.NODE_ENV === "development" ? "development" : "production";
const databaseUrl = process.env.DATABASE_URL ?? "file:./data/tsunagu.db";
process.env.DATABASE_URL = databaseUrl;
const port = Number(process.env.PORT ?? 3000);
const buildPath = path.join(root, "build", "index.js");
/** How long a stopping server lets requests in flight (and the email in hand) finish. */
const SHUTDOWN_GRACE_MS = 10_000;

try {
  parseLogLevel(process.env.LOG_LEVEL);
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
}
const log = logger();

await prepareDatabase(databaseUrl, { log: (line) => log.info(line) });

/** In development every request loads the newest build; in production it is loaded once. */
async function loadBuild() {
  const stamp = mode === "development" ? `?t=${fs.statSync(buildPath).mtimeMs}` : "";
  return import(pathToFileURL(buildPath).href + stamp);
}
const initialBuild = await loadBuild();
/** @type {{ stop(options?: { graceMs?: number }): Promise<void> }} */
let backgroundJobs;
/** @type {{ host: string, isProduction: boolean }} the validated environment (app/env.server.ts) */
let settings;
try {
  settings = initialBuild.entry.module.validateEnvironment();
  backgroundJobs = initialBuild.entry.module.startBackgroundJobs();
} catch (error) {
  // The environment's own message lists what is wrong, one line per setting.
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
}

let shuttingDown = false;
const app = express();
app.disable("x-powered-by");
if (process.env.TRUST_PROXY) app.set("trust proxy", process.env.TRUST_PROXY);
// First, so it counts the bytes that leave (after compression) and sees every answer.
app.use(requestLog(log));
app.use((req, res, next) => {
  if (!shuttingDown) return next();
  // Draining: tell keep-alive clients to go elsewhere, and the load balancer we are not ready.
  res.set("Connection", "close");
  if (req.path === "/readyz") {
    return res.status(503).set("Cache-Control", "no-store").json({ ready: false, stopping: true });
  }
  next();
});
// The answer to a script's form post (`?_data=`) is a few hundred bytes of JSON: setting up a
// gzip stream for it cost more than the bytes it saves. Pages and data for pages stay compressed.
app.use(
  compression({
    // A page loads a couple of dozen small script chunks; under compression's default 1 KB
    // threshold they went out uncompressed, about 1.7 KB more per page on prepaid data.
    threshold: 150,
    filter: (req, res) =>
      !(req.method === "POST" && "_data" in req.query) && compression.filter(req, res),
  }),
);

// Security headers, with a fresh CSP nonce per response; Remix's scripts get it through the
// load context (app/entry.server.tsx).
app.use((req, res, next) => {
  res.locals.cspNonce = createNonce();
  res.set(
    securityHeaders({
      nonce: res.locals.cspNonce,
      path: req.path,
      development: mode === "development",
      production: settings.isProduction,
    }),
  );
  // A 304 tells the browser to keep the copy it has, whose scripts carry that copy's nonce. The
  // headers of a 304 replace the stored ones (RFC 9111 §4.3.4), so a fresh policy here would
  // block the kept page's scripts: the stored policy must stay.
  const writeHead = res.writeHead;
  res.writeHead = /** @type {typeof res.writeHead} */ (
    function (/** @type {number} */ statusCode, /** @type {any[]} */ ...rest) {
      if (statusCode === 304) res.removeHeader("Content-Security-Policy");
      return writeHead.call(res, statusCode, ...rest);
    }
  );
  next();
});

// Fingerprinted assets never change; everything else in public/ is revalidated hourly.
app.use(
  "/build",
  express.static(path.join(root, "public", "build"), { immutable: true, maxAge: "1y" }),
);
app.use(express.static(path.join(root, "public"), { maxAge: "1h" }));

// No link a person follows holds a NUL character, and PostgreSQL refuses NUL in text, so a URL
// with one (`/organize/resources/%00`, `?about=%00`) is refused here instead of reaching a query.
app.use((req, res, next) => {
  if (/%00/i.test(req.originalUrl)) {
    return res.status(400).type("text/plain").send("This address is not valid.");
  }
  next();
});

app.use((req, res, next) => {
  const allowed = isAllowedOrigin({
    method: req.method,
    path: req.path,
    origin: req.get("origin"),
    referer: req.get("referer"),
    host: req.get("host"),
    appUrl: process.env.APP_URL,
  });
  if (allowed) {
    // Checked here, once, for every path (the unsubscribe token stands in for it there). Remix's
    // own copy of the check would answer a mail provider's one-click POST with a 500.
    delete req.headers.origin;
    return next();
  }
  res
    .status(403)
    .type("text/plain")
    .send("This form was sent from another site, so it was refused.");
});

app.all(
  "*",
  createRequestHandler({
    build: mode === "development" ? loadBuild : initialBuild,
    mode,
    getLoadContext: (req, res) => ({
      clientIp: req.ip ?? "unknown",
      cspNonce: String(res.locals.cspNonce ?? ""),
      // What the root and route loaders of this one request share (app/utils/request.server.ts).
      perRequest: new Map(),
    }),
  }),
);

// HOST (default 127.0.0.1) decides who can reach the server; see README "Configuration".
const server = app.listen(port, settings.host, () => {
  const address = server.address();
  const actualPort = typeof address === "object" && address ? address.port : port;
  const everywhere = ["0.0.0.0", "::", "127.0.0.1", "::1", "localhost"].includes(settings.host);
  const shownHost = everywhere
    ? "localhost"
    : settings.host.includes(":")
      ? `[${settings.host}]`
      : settings.host;
  log.info(`Tsunagu is ready at http://${shownHost}:${actualPort} (listening on ${settings.host})`);
  if (mode === "development") broadcastDevReady(initialBuild);
});

/**
 * SIGTERM (systemd, containers) or Ctrl-C: stop accepting connections, let requests in flight
 * and the email in hand finish (for at most SHUTDOWN_GRACE_MS, then they are cut off and the
 * sender's lease handed back), close the database, exit 0.
 * @param {string} signal
 */
async function shutDown(signal) {
  shuttingDown = true;
  log.info("Shutting down: finishing requests in flight", { signal });
  const started = Date.now();
  const requestsDone = new Promise((resolve) => server.close(() => resolve(undefined)));
  // Keep-alive connections with no request in flight would hold close() open until they time out.
  server.closeIdleConnections();
  const idle = setInterval(() => server.closeIdleConnections(), 100);
  /** @type {NodeJS.Timeout | undefined} */
  let grace;
  const cutOff = new Promise((resolve) => {
    grace = setTimeout(() => resolve("cut off"), SHUTDOWN_GRACE_MS);
  });
  const [requests] = await Promise.all([
    Promise.race([requestsDone.then(() => "finished"), cutOff]),
    backgroundJobs
      .stop({ graceMs: SHUTDOWN_GRACE_MS })
      .catch((error) => log.error("Could not stop the background jobs", { error })),
  ]);
  clearTimeout(grace);
  clearInterval(idle);
  if (requests === "cut off") {
    log.warn("Requests still running after the grace period were cut off", {
      graceMs: SHUTDOWN_GRACE_MS,
    });
    server.closeAllConnections();
  }
  await initialBuild.entry.module
    .closeDatabase()
    .catch((/** @type {unknown} */ error) => log.error("Could not close the database", { error }));
  log.info("Stopped", { durationMs: Date.now() - started });
  process.exit(0);
}

for (const signal of ["SIGTERM", "SIGINT"]) {
  process.once(signal, () => void shutDown(signal));
}
