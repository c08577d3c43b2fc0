import fs from "node:fs";
import path from "node:path";
import fc from "fast-check";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { startServer, type RunningServer } from "../support/e2e";
import { isAnswer, logIn, send, sessionCookieIn, type Sent } from "../support/http";
import { projectRoot } from "../support/paths";
import {
  appFieldNames,
  discoverRoutes,
  pathFor,
  vocabularyOf,
  type RouteFile,
} from "../support/routes";
import { seedWorld, type World } from "../support/world";

/**
 * Issue #9's fuzz suite against the built server. Routes come from app/routes at run time, so a
 * new route is fuzzed without editing this file. Every route with an action gets POST bodies
 * from anonymous visitors and from a signed-in member, organizer and admin: random and
 * prototype field names, huge array indexes, deep paths, Conform's reserved fields with odd
 * values, bodies that are not form-encoded, broken multipart, wrong content types, oversized
 * bodies and 10,000 fields, hostile `redirectTo` values, dates that match the format but do not
 * exist. Every route's loader gets fuzzed query strings and params.
 *
 * Properties, for every request: no status >= 500; an answer within REQUEST_TIMEOUT_MS; no body
 * larger than MAX_BODY (the server must never echo unbounded input); every redirect stays on
 * this site, resolved the way a browser resolves it. After each batch /healthz answers 200
 * within a second, and at the end the server process is alive.
 *
 * Reproducible: fast-check runs a fixed number of times from a fixed seed (FUZZ_SEED overrides
 * it, FUZZ_SCALE multiplies the runs). A failure does not stop the batch: each distinct failure
 * (route, kind, status, first error line of the server log) is collected with the first input
 * that caused it, and the batch fails listing them all with the seed. A request the server does
 * not answer gets it killed and restarted on the same database; after that, inputs of the same
 * heavy kind (huge index, oversized, many fields, deep nesting) are no longer sent (to the same
 * route with FUZZ_EXHAUSTIVE=1, to any route otherwise), which keeps a hanging server from
 * costing minutes.
 */
const SEED = Number(process.env.FUZZ_SEED ?? 20_261_209);
const SCALE = Number(process.env.FUZZ_SCALE ?? 1);
const EXHAUSTIVE = process.env.FUZZ_EXHAUSTIVE === "1";
const POST_RUNS = Math.max(1, Math.round(50 * SCALE));
const GET_RUNS = Math.max(1, Math.round(20 * SCALE));
const MUTATION_RUNS = Math.max(1, Math.round(120 * SCALE));
const REQUEST_TIMEOUT_MS = 8_000;
const HEALTH_TIMEOUT_MS = 1_000;
const MAX_BODY = 1024 * 1024;
const MAX_RESTARTS = 12;

const fuzzed = ["anonymous", "member", "organizer", "admin"] as const;
type Who = (typeof fuzzed)[number];
type SignedInWho = Exclude<Who, "anonymous">;
type Heavy = "hugeIndex" | "oversized" | "manyFields" | "deep";

const routes = discoverRoutes();
const actionRoutes = routes.filter((r) => r.hasAction);

// ---------------------------------------------------------------------------------------------
// The server under test, restartable on the same database after a hang or a crash.

type Finding = {
  key: string;
  batch: string;
  kind: string;
  route: string;
  who: Who;
  status: string;
  request: string;
  log: string;
  count: number;
};

const findings = new Map<string, Finding>();
const tripped = new Set<string>();
const stats = { sent: 0, skipped: 0, refused: 0, restarts: 0 };
let server: RunningServer;
let databaseUrl: string;
let world: World;
let gaveUp = false;
/** The test collecting findings now; each test reports only its own. */
let batch = "";
const restartReasons: string[] = [];
const sessions: Record<SignedInWho, string[]> = { member: [], organizer: [], admin: [] };

const origin = () => server.url;

async function restart(why: string) {
  stats.restarts++;
  restartReasons.push(why);
  await server.kill();
  if (stats.restarts > MAX_RESTARTS) {
    gaveUp = true;
    throw new Error(`The server needed more than ${MAX_RESTARTS} restarts (last: ${why})`);
  }
  server = await startServer({ databaseUrl });
}

function cookieOf(who: Who): string | undefined {
  return who === "anonymous" ? undefined : sessions[who][0];
}

/** The current session ended (log-out); the next request uses a fresh one. */
async function nextSession(who: SignedInWho) {
  sessions[who].shift();
  if (sessions[who].length === 0) {
    const person = world.people[who];
    sessions[who].push(await logIn(server.url, person.email, person.password));
  }
}

/** The first line of the server log that names an error, with ids and numbers blurred, for grouping. */
function signature(log: string): string {
  const lines = log.split("\n").map((l) => l.trim());
  // The last error header is this request's; an earlier one may be a late line of the request before.
  const line =
    lines.filter((l) => /^[\w$]*(Error|Exception)\b/.test(l)).at(-1) ??
    lines.find((l) => /error|invalid|cannot|unexpected|exception|refused|failed/i.test(l)) ??
    "";
  return (
    line
      .replace(/"[^"]*"|'[^']*'/g, "…")
      // Ids and tokens (long, with digits), not class names such as PrismaClientKnownRequestError.
      .replace(/\b(?=[\w-]*\d)[\w-]{16,}\b/g, "<id>")
      .replace(/\d+/g, "<n>")
      .slice(0, 160)
  );
}

function record(kind: string, file: string, input: Input, status: string, log = "") {
  const key = [batch, kind, file, status, signature(log)].join(" | ");
  const known = findings.get(key);
  if (known) {
    known.count++;
    return;
  }
  findings.set(key, {
    key,
    batch,
    kind,
    route: file,
    who: input.who,
    status,
    request: input.describe ?? describeInput(input),
    log: log.trim().slice(0, 1500),
    count: 1,
  });
}

// ---------------------------------------------------------------------------------------------
// Inputs.

type Input = {
  who: Who;
  method: "GET" | "POST";
  path: string;
  headers: Record<string, string>;
  body?: string | Uint8Array<ArrayBuffer>;
  heavy: Heavy[];
  /** How to show the request in a report, when the body is too big to print. */
  describe?: string;
};

function preview(value: string, max = 400): string {
  const shown = JSON.stringify(value.length > max ? value.slice(0, max) : value);
  return value.length > max ? `${shown}… (${value.length} chars)` : shown;
}

function describeInput(input: Input): string {
  const body =
    input.body === undefined
      ? ""
      : typeof input.body === "string"
        ? ` body ${preview(input.body)}`
        : ` body <${input.body.byteLength} bytes: ${Buffer.from(input.body.subarray(0, 24)).toString("hex")}…>`;
  const headers = Object.entries(input.headers)
    .filter(([name]) => name !== "Cookie")
    .map(([name, value]) => `${name}: ${preview(value, 80)}`)
    .join("; ");
  // What makes an input heavy is often past the preview's cut, so it is named.
  let text = typeof input.body === "string" ? input.body : "";
  try {
    text = decodeURIComponent(text.replace(/\+/g, " "));
  } catch {
    // Not percent-encoded (multipart, JSON, broken escapes): search it as it is.
  }
  const hints = [
    ...new Set(text.match(/[\w.]*\[\s*\d{6,}\s*\][\w.]*|"(?:index|from|to)"\s*:\s*\d{6,}/g) ?? []),
  ];
  const heavy = input.heavy.length
    ? ` {heavy: ${input.heavy.join(", ")}${hints.length ? `: ${hints.slice(0, 3).join(" ")}` : ""}}`
    : "";
  return `${input.method} ${preview(input.path, 300)} as ${input.who} [${headers}]${body}${heavy}`;
}

function heavyIn(parts: string[]): Heavy[] {
  const heavy = new Set<Heavy>();
  for (const part of parts) {
    if (/\[\s*\+?\d{6,}\s*\]/.test(part)) heavy.add("hugeIndex");
    if (/"(?:index|from|to)"\s*:\s*(?:\d{6,}|\d+e\d+)/i.test(part)) heavy.add("hugeIndex");
    if ((part.match(/[.[]/g)?.length ?? 0) > 100) heavy.add("deep");
  }
  return [...heavy];
}

/** Conform's reserved field names, read from the installed @conform-to/dom. */
function conformReservedNames(): string[] {
  const names = new Set(["__intent__", "__state__", "__INTENT__"]);
  const dist = path.join(projectRoot, "node_modules", "@conform-to", "dom", "dist");
  for (const file of fs.existsSync(dist) ? fs.readdirSync(dist) : []) {
    if (!file.endsWith(".mjs")) continue;
    const source = fs.readFileSync(path.join(dist, file), "utf8");
    for (const m of source.matchAll(/var (?:INTENT|STATE|\w*INTENT_NAME) = '([^']+)'/g))
      names.add(m[1]!);
  }
  return [...names];
}

const protoNames = [
  "__proto__",
  "constructor",
  "prototype",
  "toString",
  "hasOwnProperty",
  "valueOf",
  "isPrototypeOf",
  "__defineGetter__",
  "toJSON",
  "then",
];
const conformReserved = conformReservedNames();
const evilRedirects = [
  "//evil.example",
  "//evil.example/%2F..",
  "/\\evil.example",
  "/\\/evil.example",
  "/%09/evil.example",
  "/\t/evil.example",
  "/\n/evil.example",
  "/\r\nSet-Cookie: fuzz=1",
  "/%0d%0aSet-Cookie:%20fuzz=1",
  "/\u0000",
  "/\u0007bell",
  "/\u2028/evil.example",
  "/é/日本語/فارسی",
  "/%2F%2Fevil.example",
  "/.//evil.example",
  " //evil.example",
  "\\\\evil.example",
  "http://evil.example",
  "https:evil.example",
  "javascript:alert(1)",
  "/" + "a".repeat(10_000),
];
const oddDates = [
  "2027-02-30",
  "2027-02-29",
  "2028-02-29",
  "2026-13-01",
  "2026-00-10",
  "2026-04-31",
  "0000-01-01",
  "9999-12-31",
  "1969-12-31",
  "2026-1-1",
  "24:00",
  "23:60",
  "99:99",
  "00:00",
];
const oddNumbers = [
  "0",
  "-1",
  "1.5",
  "1e3",
  "1e309",
  "-1e309",
  "NaN",
  "Infinity",
  "9007199254740993",
  "2147483648",
  "99999999999999999999",
  "0x10",
  " 7 ",
  "",
  "１２",
];
const conformValues = [
  "",
  "{",
  "null",
  "1",
  "[]",
  '"x"',
  '{"type":"validate","payload":{"name":"__proto__"}}',
  '{"type":"update","payload":{"value":"not an object"}}',
  '{"type":"update","payload":{"name":"__proto__","value":{"polluted":1}}}',
  '{"type":"update","payload":{"name":"constructor.prototype","value":{"polluted":1}}}',
  '{"type":"update","payload":{"name":"","value":null}}',
  '{"type":"reset","payload":{}}',
  '{"type":"insert","payload":{"name":"wanted","index":10000000,"defaultValue":"x"}}',
  '{"type":"insert","payload":{"name":"languages"}}',
  '{"type":"remove","payload":{"name":"languages","index":-5}}',
  '{"type":"reorder","payload":{"name":"languages","from":0,"to":999999999}}',
  '{"validated":{"__proto__":true},"key":{"constructor":1}}',
  "[".repeat(20_000),
];
const globalNames = appFieldNames();

function idValues(w: World): string[] {
  const people = Object.values(w.people);
  return [
    w.eventId,
    w.seriesEventId,
    w.seriesId,
    w.rsvpId,
    w.matchId,
    w.devMailId,
    w.calendarToken,
    `${w.calendarToken}.ics`,
    w.mailToken,
    w.resetToken,
    ...people.map((p) => p.id),
  ];
}

/** Values for route params: real ids and tokens, names the routes know, and garbage. */
function paramArb(w: World): fc.Arbitrary<string> {
  return fc.oneof(
    { weight: 6, arbitrary: fc.constantFrom(...idValues(w)) },
    {
      weight: 2,
      arbitrary: fc.constantFrom(
        "en",
        "fa",
        "ja-x-easy",
        "0",
        "1",
        "-1",
        "99999999999",
        "rsvp_confirmed",
        "event_reminder",
        "password_reset",
        "public.ics",
        "new",
      ),
    },
    {
      weight: 3,
      arbitrary: fc.constantFrom(
        "nonexistent",
        "x.ics",
        "..",
        ".",
        "%00",
        "a/b",
        "a\\b",
        "\u0000",
        "😀",
        "فارسی",
        "' OR 1=1 --",
        "${7*7}",
        "<script>",
        ...protoNames,
        "x".repeat(5000),
      ),
    },
    { weight: 2, arbitrary: fc.string({ minLength: 1, maxLength: 30, unit: "grapheme" }) },
  );
}

/** A plausible real value for a param, by its name, for requests that should reach the action. */
function realParam(name: string): string {
  const byName: Record<string, string> = {
    token: world.mailToken,
    kind: "event_changed",
    lng: "en",
    index: "0",
  };
  return byName[name] ?? world.eventId;
}

function pathArb(route: RouteFile, w: World): fc.Arbitrary<string> {
  if (route.params.length === 0) return fc.constant(pathFor(route, {}));
  return fc
    .tuple(...route.params.map(() => paramArb(w)))
    .map((values) =>
      pathFor(route, Object.fromEntries(route.params.map((p, i) => [p, values[i]!]))),
    );
}

function nameArb(local: string[]): fc.Arbitrary<string> {
  const base = fc.constantFrom(...(local.length ? local : ["a"]), "a", "wanted", "languages");
  const all = [...new Set([...local, ...globalNames])];
  return fc.oneof(
    { weight: 6, arbitrary: fc.constantFrom(...(local.length ? local : all)) },
    { weight: 3, arbitrary: fc.constantFrom(...all) },
    { weight: 2, arbitrary: fc.constantFrom(...protoNames) },
    { weight: 2, arbitrary: fc.constantFrom(...conformReserved) },
    { weight: 2, arbitrary: fc.string({ maxLength: 12 }) },
    { weight: 1, arbitrary: fc.string({ maxLength: 8, unit: "binary" }) },
    { weight: 2, arbitrary: fc.tuple(base, fc.nat({ max: 20 })).map(([b, i]) => `${b}[${i}]`) },
    {
      weight: 1,
      arbitrary: fc
        .tuple(base, fc.constantFrom("10000000", "999999999", "4294967295", "9007199254740993"))
        .map(([b, i]) => `${b}[${i}]`),
    },
    {
      weight: 1,
      arbitrary: fc
        .tuple(base, fc.nat({ max: 3 }), fc.constantFrom("code", "level", "x", "__proto__"))
        .map(([b, i, k]) => `${b}[${i}].${k}`),
    },
    {
      weight: 1,
      arbitrary: fc
        .array(fc.constantFrom("a", "b", "c", "__proto__", "constructor", "prototype", "0"), {
          minLength: 2,
          maxLength: 8,
        })
        .map((parts) => parts.join(".")),
    },
    { weight: 1, arbitrary: fc.integer({ min: 20, max: 3000 }).map((n) => `${"a.".repeat(n)}z`) },
    {
      weight: 1,
      arbitrary: fc.constantFrom(
        "__proto__.polluted",
        "constructor.prototype.polluted",
        "a.__proto__.b",
        "toString.x",
        "a[0].__proto__",
        "hasOwnProperty[0]",
        "a[",
        "a]",
        "[]",
        "a[]b",
        "a..b",
        ".a",
        "a.",
        "a[-1]",
        "a[1.5]",
        "a[ 1]",
        "a[0x10]",
        "a[1e3]",
        "[0]",
        "a[][]",
        "",
      ),
    },
  );
}

function valueArb(local: string[], w: World): fc.Arbitrary<string> {
  // Not the fuzzing sessions' own addresses: failed log-ins would lock those accounts.
  const emails = [
    ...[w.people.mentee, w.people.mentor, w.people.pendingMentor, w.people.resetter].map(
      (p) => p.email,
    ),
    "someone@example.com",
    "a@b",
  ];
  return fc.oneof(
    { weight: 4, arbitrary: local.length ? fc.constantFrom(...local) : fc.constant("") },
    { weight: 3, arbitrary: fc.constantFrom(...idValues(w)) },
    { weight: 2, arbitrary: fc.constantFrom(...protoNames) },
    { weight: 2, arbitrary: fc.constantFrom(...oddNumbers) },
    { weight: 2, arbitrary: fc.constantFrom(...oddDates) },
    { weight: 2, arbitrary: fc.constantFrom(...evilRedirects) },
    { weight: 1, arbitrary: fc.constantFrom(...emails) },
    { weight: 2, arbitrary: fc.constantFrom(...conformValues) },
    { weight: 3, arbitrary: fc.string({ maxLength: 40 }) },
    { weight: 1, arbitrary: fc.string({ maxLength: 40, unit: "binary" }) },
    { weight: 1, arbitrary: fc.string({ maxLength: 20, unit: "grapheme" }) },
    { weight: 1, arbitrary: fc.nat({ max: 20_000 }).map((n) => "ä".repeat(n)) },
  );
}

type Pairs = [string, string][];

/** `arb` one time in `n`, null otherwise (fc.option's `freq` counts the other way round). */
function oneIn<T>(n: number, arb: fc.Arbitrary<T>): fc.Arbitrary<T | null> {
  return fc.oneof({ weight: n - 1, arbitrary: fc.constant(null) }, { weight: 1, arbitrary: arb });
}

function pairsArb(route: RouteFile, w: World): fc.Arbitrary<Pairs> {
  const vocabulary = vocabularyOf(route.source);
  const value = valueArb(vocabulary.values, w);
  const pair = fc.tuple(nameArb(vocabulary.names), value);
  const intent = vocabulary.values.length
    ? oneIn(
        2,
        fc.tuple(
          fc.constantFrom("intent", ...conformReserved),
          fc.oneof(fc.constantFrom(...vocabulary.values), fc.constantFrom(...protoNames)),
        ),
      )
    : fc.constant(null);
  const redirect = oneIn(4, fc.tuple(fc.constant("redirectTo"), fc.constantFrom(...evilRedirects)));
  // Now and then every field name the app knows at once, so schemas get past "required".
  const everyName = oneIn(
    3,
    fc.tuple(
      ...[...vocabulary.names, ...globalNames].map((name) => fc.tuple(fc.constant(name), value)),
    ),
  );
  return fc
    .tuple(intent, redirect, everyName, fc.array(pair, { maxLength: 10 }))
    .map(
      ([i, r, e, rest]) => [...(i ? [i] : []), ...(r ? [r] : []), ...(e ?? []), ...rest] as Pairs,
    );
}

type Encoding = "urlencoded" | "multipart" | "json" | "text" | "mislabelled" | "unlabelled";
const encodingArb = fc.oneof(
  { weight: 6, arbitrary: fc.constant<Encoding>("urlencoded") },
  { weight: 2, arbitrary: fc.constant<Encoding>("multipart") },
  { weight: 1, arbitrary: fc.constant<Encoding>("json") },
  { weight: 1, arbitrary: fc.constant<Encoding>("text") },
  { weight: 1, arbitrary: fc.constant<Encoding>("mislabelled") },
  { weight: 1, arbitrary: fc.constant<Encoding>("unlabelled") },
);

/** A multipart body written by hand, so names with quotes and line breaks reach the server. */
function multipart(pairs: Pairs, boundary: string): string {
  const escape = (name: string) =>
    name.replace(/"/g, "%22").replace(/\r/g, "%0D").replace(/\n/g, "%0A");
  return (
    pairs
      .map(
        ([name, value]) =>
          `--${boundary}\r\nContent-Disposition: form-data; name="${escape(name)}"\r\n\r\n${value}\r\n`,
      )
      .join("") + `--${boundary}--\r\n`
  );
}

function encode(
  pairs: Pairs,
  encoding: Encoding,
): { body: string | Uint8Array<ArrayBuffer>; type?: string } {
  switch (encoding) {
    case "urlencoded":
      return {
        body: new URLSearchParams(pairs).toString(),
        type: "application/x-www-form-urlencoded",
      };
    case "multipart":
      return {
        body: multipart(pairs, "fuzzBoundary7MA4YWxk"),
        type: "multipart/form-data; boundary=fuzzBoundary7MA4YWxk",
      };
    case "json":
      return { body: JSON.stringify(Object.fromEntries(pairs)), type: "application/json" };
    case "text":
      return {
        body: pairs.map(([n, v]) => `${n}=${v}`).join("\r\n"),
        type: "text/plain;charset=UTF-8",
      };
    case "mislabelled":
      return { body: new URLSearchParams(pairs).toString(), type: "multipart/form-data" };
    case "unlabelled":
      return { body: new Uint8Array(Buffer.from(new URLSearchParams(pairs).toString())) };
  }
}

const originArb = fc.oneof(
  { weight: 8, arbitrary: fc.constant<string | null>("same") },
  { weight: 1, arbitrary: fc.constant<string | null>("null") },
  { weight: 1, arbitrary: fc.constant<string | null>("http://evil.example") },
  { weight: 1, arbitrary: fc.constant<string | null>("http://localhost:1") },
  { weight: 1, arbitrary: fc.constant<string | null>("referer") },
  { weight: 1, arbitrary: fc.constant<string | null>(null) },
);

function originHeaders(choice: string | null): Record<string, string> {
  if (choice === "same") return { Origin: origin() };
  if (choice === "referer") return { Referer: `${origin()}/somewhere` };
  if (choice === null) return {};
  return { Origin: choice };
}

function withCookie(who: Who, headers: Record<string, string>): Record<string, string> {
  const cookie = cookieOf(who);
  return cookie ? { ...headers, Cookie: cookie } : headers;
}

// ---------------------------------------------------------------------------------------------
// Sending, and the per-request properties.

function scopeFor(route: RouteFile, heavy: Heavy) {
  return EXHAUSTIVE ? `${route.file}|${heavy}` : heavy;
}

async function fire(route: RouteFile, input: Input): Promise<void> {
  if (gaveUp) return;
  if (input.heavy.some((h) => tripped.has(scopeFor(route, h)))) {
    stats.skipped++;
    return;
  }
  // Cookies and the Origin follow the server through restarts.
  if (input.headers.Origin === "__same__")
    input = { ...input, headers: { ...input.headers, Origin: origin() } };
  const headers = withCookie(input.who, input.headers);
  const request: Sent = { method: input.method, path: input.path, headers, body: input.body };
  const logStart = server.log().length;
  stats.sent++;
  const answer = await send(server.url, request, {
    timeoutMs: REQUEST_TIMEOUT_MS,
    maxBody: MAX_BODY,
  });
  const logNow = () => server.log().slice(logStart);
  if (!isAnswer(answer)) {
    const crashed = !server.alive();
    // Node refuses request heads over 16 KB (431) and may close a connection once it has
    // answered without reading a big body; a reset then is the refusal, not a failure.
    const bodyBytes = input.body === undefined ? 0 : Buffer.byteLength(input.body);
    if (
      !crashed &&
      answer.status === "network" &&
      (input.path.length > 15_000 || bodyBytes >= 1_000_000)
    ) {
      stats.refused++;
      return;
    }
    record(
      crashed ? "crash" : answer.status === "timeout" ? "no answer" : "connection error",
      route.file,
      input,
      crashed ? "process exited" : answer.error,
      logNow().slice(-1500),
    );
    for (const h of input.heavy) tripped.add(scopeFor(route, h));
    if (crashed || answer.status === "timeout") await restart(`${route.file}: ${answer.error}`);
    return;
  }
  // The server's stderr may reach us just after its answer.
  if (answer.status >= 500) await new Promise((r) => setTimeout(r, 50));
  if (answer.status >= 500)
    record("server error", route.file, input, String(answer.status), logNow());
  if (answer.tooLarge) record("body over 1 MB", route.file, input, String(answer.status));
  for (const header of ["location", "x-remix-redirect"]) {
    const target = answer.headers.get(header);
    if (target === null) continue;
    let resolved: URL | null = null;
    try {
      resolved = new URL(target, server.url);
    } catch {
      record(
        "unparsable redirect",
        route.file,
        input,
        `${answer.status} ${header}: ${preview(target, 80)}`,
      );
      continue;
    }
    if (resolved.origin !== new URL(server.url).origin)
      record(
        "open redirect",
        route.file,
        input,
        `${answer.status} ${header}: ${preview(target, 80)} → ${resolved.origin}`,
      );
  }
  if (input.who !== "anonymous" && sessionCookieIn(answer.headers) === "")
    await nextSession(input.who);
}

async function afterBatch() {
  if (gaveUp) return;
  const health = await send(
    server.url,
    { method: "GET", path: "/healthz" },
    { timeoutMs: HEALTH_TIMEOUT_MS },
  );
  if (!isAnswer(health) || health.status !== 200) {
    const why = isAnswer(health) ? String(health.status) : health.error;
    record(
      "healthz failed after the batch",
      "healthz.tsx",
      { who: "anonymous", method: "GET", path: "/healthz", headers: {}, heavy: [] },
      why,
    );
    await restart(`healthz after ${batch}: ${why}`);
  }
  // Fuzzing must not quietly continue as anonymous: check each session, take a fresh one if it ended.
  for (const who of ["member", "organizer", "admin"] as const) {
    const answer = await send(server.url, {
      method: "GET",
      path: "/settings",
      headers: { Cookie: cookieOf(who)! },
    });
    if (!isAnswer(answer) || answer.status !== 200) await nextSession(who);
  }
}

function report(label: string) {
  const mine = [...findings.values()].filter((f) => f.batch === batch);
  if (mine.length === 0) return;
  const lines = mine.map(
    (f) =>
      `• ${f.route}: ${f.kind} (${f.status}) ×${f.count}\n  first input: ${f.request}${f.log ? `\n  server log: ${f.log.split("\n").slice(0, 12).join("\n    ")}` : ""}`,
  );
  throw new Error(
    `${label}: ${mine.length} distinct failure(s). Reproduce with FUZZ_SEED=${SEED} (runs: POST ${POST_RUNS}, GET ${GET_RUNS}).\n${lines.join("\n")}`,
  );
}

const property = <T>(
  arb: fc.Arbitrary<T>,
  run: (value: T) => Promise<void>,
  numRuns: number,
  salt: string,
) => {
  // One seed per batch, derived from the suite's seed and the batch name, so batches are
  // independent of each other's order and of which routes exist before them.
  let hash = SEED;
  for (const char of salt) hash = (Math.imul(hash, 31) + char.charCodeAt(0)) | 0;
  return fc.assert(
    fc.asyncProperty(arb, async (value) => {
      await run(value);
    }),
    { seed: hash, numRuns },
  );
};

// ---------------------------------------------------------------------------------------------

beforeAll(async () => {
  server = await startServer();
  databaseUrl = server.databaseUrl;
  world = await seedWorld(server);
  // A few sessions each: fuzzed log-outs end them, and fuzzed failed log-ins may get this
  // address throttled later, so they are made now.
  for (const who of ["member", "organizer", "admin"] as const) {
    sessions[who].push(world.people[who].cookie);
    for (let i = 0; i < 6; i++) {
      sessions[who].push(
        await logIn(server.url, world.people[who].email, world.people[who].password),
      );
    }
  }
}, 180_000);

beforeEach((context) => {
  batch = `${context.task.suite?.name ?? ""} > ${context.task.name}`;
});

afterAll(async () => {
  if (findings.size > 0) {
    const summary = [...findings.values()].map(
      (f) => `${f.route}: ${f.kind} (${f.status}) ×${f.count} ${signature(f.log)}`,
    );
    console.warn(`Fuzz findings (seed ${SEED}):\n${summary.join("\n")}`);
  }
  console.info(
    `Fuzz: ${stats.sent} requests, ${stats.refused} refused by closing the connection, ${stats.skipped} skipped after a hang, ${stats.restarts} restarts`,
  );
  await server?.stop();
});

describe("the route list", () => {
  it("reads every route file as Remix's flat-routes convention does", async () => {
    const { createRequire } = await import("node:module");
    const require = createRequire(import.meta.url);
    const { flatRoutes } = require("@remix-run/dev/dist/config/flat-routes.js") as {
      flatRoutes: (
        appDir: string,
      ) => Record<string, { id: string; path?: string; parentId?: string }>;
    };
    const manifest = flatRoutes(path.join(projectRoot, "app"));
    const fullPath = (id: string): string => {
      const route = manifest[id];
      if (!route) return "";
      const parent = route.parentId && route.parentId !== "root" ? fullPath(route.parentId) : "";
      return [parent, route.path ?? ""].filter(Boolean).join("/");
    };
    const ours = Object.fromEntries(routes.map((r) => [r.id, r.pattern]));
    const theirs = Object.fromEntries(Object.keys(manifest).map((id) => [id, `/${fullPath(id)}`]));
    expect(ours).toEqual(theirs);
    expect(actionRoutes.length).toBeGreaterThan(0);
  });
});

describe("POST bodies from anonymous visitors, members, organizers and admins", () => {
  it.each(actionRoutes)("$pattern ($file)", async (route) => {
    const arb = fc.record({
      who: fc.constantFrom(...fuzzed),
      path: pathArb(route, world),
      // Remix's data endpoint, as fetchers post: this route, another one, none.
      data: oneIn(5, fc.constantFrom(route.id, "root", "routes/nothing", "")),
      pairs: pairsArb(route, world),
      encoding: encodingArb,
      origin: originArb,
    });
    await property(
      arb,
      async (c) => {
        const { body, type } = encode(c.pairs, c.encoding);
        const query = c.data === null ? "" : `?_data=${encodeURIComponent(c.data)}`;
        await fire(route, {
          who: c.who,
          method: "POST",
          path: c.path + query,
          headers: { ...originHeaders(c.origin), ...(type ? { "Content-Type": type } : {}) },
          body,
          heavy: heavyIn(c.pairs.flat()),
        });
      },
      POST_RUNS,
      `post:${route.file}`,
    );
    await afterBatch();
    report(`POST ${route.pattern}`);
  });
});

/** Bodies every action must survive. */
function hostileBodies(
  route: RouteFile,
): { name: string; body: string | Uint8Array<ArrayBuffer>; type?: string; heavy: Heavy[] }[] {
  const random = new Uint8Array(4096);
  let x = SEED;
  for (let i = 0; i < random.length; i++)
    random[i] = (x = (Math.imul(x, 1103515245) + 12345) | 0) >>> 24;
  const firstName = vocabularyOf(route.source).names[0] ?? "wanted";
  const form = "application/x-www-form-urlencoded";
  const megabyte = "x".repeat(1024 * 1024);
  return [
    { name: "empty form", body: "", type: form, heavy: [] },
    {
      name: "JSON object",
      body: JSON.stringify({ intent: "x", __proto__: { polluted: 1 }, a: [1, { b: null }] }),
      type: "application/json",
      heavy: [],
    },
    { name: "JSON labelled as a form", body: '{"intent":"cancel"}', type: form, heavy: [] },
    { name: "plain text", body: "intent=cancel\r\nwhatever", type: "text/plain", heavy: [] },
    {
      name: "random bytes as octet-stream",
      body: random,
      type: "application/octet-stream",
      heavy: [],
    },
    { name: "random bytes labelled as a form", body: random, type: form, heavy: [] },
    {
      name: "invalid UTF-8 and bad percent-escapes",
      body: new Uint8Array([0x61, 0x3d, 0xff, 0xfe, 0x25, 0x7a, 0x7a, 0x26, 0x25, 0x3d, 0x25]),
      type: form,
      heavy: [],
    },
    {
      name: "multipart without a boundary",
      body: multipart([["intent", "x"]], "abc"),
      type: "multipart/form-data",
      heavy: [],
    },
    {
      name: "multipart with the wrong boundary",
      body: multipart([["intent", "x"]], "abc"),
      type: "multipart/form-data; boundary=xyz",
      heavy: [],
    },
    {
      name: "truncated multipart",
      body: multipart(
        [
          ["intent", "x"],
          ["a", "b".repeat(100)],
        ],
        "abc",
      ).slice(0, 90),
      type: "multipart/form-data; boundary=abc",
      heavy: [],
    },
    {
      name: "multipart file upload",
      body: `--abc\r\nContent-Disposition: form-data; name="${firstName}"; filename="a.bin"\r\nContent-Type: application/octet-stream\r\n\r\n${"\u0000".repeat(2000)}\r\n--abc--\r\n`,
      type: "multipart/form-data; boundary=abc",
      heavy: [],
    },
    {
      name: "a boundary of 5,000 characters",
      body: multipart([["a", "b"]], "b".repeat(5000)),
      type: `multipart/form-data; boundary=${"b".repeat(5000)}`,
      heavy: [],
    },
    {
      name: "two 1 MB fields",
      body: `intent=${megabyte}&${firstName}=${megabyte}`,
      type: form,
      heavy: [],
    },
    {
      name: "10 MB field",
      body: `${firstName}=${"x".repeat(10 * 1024 * 1024)}`,
      type: form,
      heavy: ["oversized"],
    },
    {
      name: "10 MB multipart",
      body: multipart([[firstName, "x".repeat(10 * 1024 * 1024)]], "abc"),
      type: "multipart/form-data; boundary=abc",
      heavy: ["oversized"],
    },
    {
      name: "10,000 distinct fields",
      body: Array.from({ length: 10_000 }, (_, i) => `f${i}=x`).join("&"),
      type: form,
      heavy: ["manyFields"],
    },
    {
      name: `10,000 × ${firstName}`,
      body: Array.from({ length: 10_000 }, () => `${firstName}=x`).join("&"),
      type: form,
      heavy: ["manyFields"],
    },
    {
      name: "10,000 indexed fields",
      body: Array.from({ length: 10_000 }, (_, i) => `${firstName}[${i}]=x`).join("&"),
      type: form,
      heavy: ["manyFields"],
    },
  ];
}

describe("bodies that are not what a form sends", () => {
  it.each(actionRoutes)("$pattern ($file)", async (route) => {
    const params = Object.fromEntries(route.params.map((p) => [p, realParam(p)]));
    for (const hostile of hostileBodies(route)) {
      // The big ones once, as an admin (who gets past every role check); the rest as both.
      const senders = hostile.heavy.length
        ? (["admin"] as const)
        : (["anonymous", "admin"] as const);
      for (const who of senders) {
        await fire(route, {
          who,
          method: "POST",
          path: pathFor(route, params),
          headers: {
            Origin: "__same__",
            ...(hostile.type ? { "Content-Type": hostile.type } : {}),
          },
          body: hostile.body,
          heavy: hostile.heavy,
          describe: `POST ${pathFor(route, params)} as ${who}: ${hostile.name} (${hostile.type ?? "no content type"})`,
        });
      }
    }
    await afterBatch();
    report(`hostile bodies to ${route.pattern}`);
  });
});

/**
 * Valid forms with one field made hostile, so fuzzing gets past validation into the domain code
 * (dates that match the format but do not exist, huge numbers, prototype names as intents).
 * Routes are named by file; one that no longer exists simply drops out.
 */
function validForms(w: World): { file: string; who: SignedInWho; path: string; fields: Pairs }[] {
  const event: Pairs = [
    ["kind", "cafe"],
    ["title", "Fuzz café"],
    ["description", "Tea."],
    ["locale", "en"],
    ["languages", "ja"],
    ["date", "2027-03-10"],
    ["startTime", "14:00"],
    ["endTime", "16:00"],
    ["timeZone", "Asia/Tokyo"],
    ["venueName", "Hall"],
    ["venueAddress", "1-1 Street"],
    ["capacity", "10"],
    ["rsvpDeadlineHours", "2"],
  ];
  const profile: Pairs = [
    ["languages[0].code", "fa"],
    ["languages[0].level", "fluent"],
    ["topics", "job_search"],
    ["availability", "sat-afternoon"],
    ["mode", "either"],
  ];
  const resource: Pairs = [
    ["name", "Fuzz clinic"],
    ["description", "Free."],
    ["locale", "en"],
    ["topics", "health"],
    ["languages", "fa"],
    ["audience", "anyone"],
    ["free", "on"],
    ["phone", "00-0000-0000"],
    ["website", "https://example.org/"],
    ["status", "open"],
    ["hours[0].weekday", "1"],
    ["hours[0].opens", "09:00"],
    ["hours[0].closes", "17:00"],
    ["hours[1].weekday", ""],
  ];
  return [
    {
      file: "organize.resources.new.tsx",
      who: "organizer",
      path: "/organize/resources/new",
      fields: resource,
    },
    {
      file: "organize.resources.$id.tsx",
      who: "admin",
      path: `/organize/resources/${w.resourceId}`,
      fields: [["intent", "save"], ...resource],
    },
    {
      file: "organize.resources.$id.tsx",
      who: "organizer",
      path: `/organize/resources/${w.resourceId}`,
      fields: [
        ["intent", "translation"],
        ["locale", "fa"],
        ["name", "درمانگاه"],
        ["description", ""],
      ],
    },
    {
      file: "organize._index.tsx",
      who: "organizer",
      path: "/organize",
      fields: [
        ["intent", "hello"],
        ["userId", w.people.member.id],
      ],
    },
    {
      file: "organize.events.new.tsx",
      who: "organizer",
      path: "/organize/events/new",
      fields: [...event, ["repeat", "weekly"], ["untilDate", "2027-05-01"]],
    },
    {
      file: "organize.events.new.tsx",
      who: "organizer",
      path: "/organize/events/new",
      fields: [...event, ["repeat", "monthly-last"], ["untilDate", "2028-01-31"]],
    },
    {
      file: "organize.events.$id.edit.tsx",
      who: "organizer",
      path: `/organize/events/${w.seriesEventId}/edit`,
      fields: [...event, ["scope", "following"]],
    },
    {
      file: "organize.events.$id.edit.tsx",
      who: "admin",
      path: `/organize/events/${w.eventId}/edit`,
      fields: [
        ["intent", "translation"],
        ["locale", "fa"],
        ["title", "کافه"],
        ["description", ""],
      ],
    },
    {
      file: "events.$id.tsx",
      who: "member",
      path: `/events/${w.seriesEventId}`,
      fields: [
        ["intent", "going"],
        ["children", "1"],
        ["guests", "0"],
        ["interpretation", "fa"],
        ["note", "hi"],
      ],
    },
    {
      file: "mentoring.profile.tsx",
      who: "member",
      path: "/mentoring/profile?role=mentee",
      fields: [
        ["intent", "mentee"],
        ...profile,
        ["mentorGender", "any"],
        ["about", ""],
        ["contactHandle", ""],
      ],
    },
    {
      file: "mentoring.profile.tsx",
      who: "organizer",
      path: "/mentoring/profile?role=mentor",
      fields: [
        ["intent", "mentor"],
        ...profile,
        ["affiliation", "Uni"],
        ["gender", "unsaid"],
        ["capacity", "2"],
      ],
    },
    {
      file: "settings.notifications.tsx",
      who: "member",
      path: "/settings/notifications",
      fields: [
        ["wanted", "rsvp_confirmed"],
        ["reminderLead", "1d"],
      ],
    },
    {
      file: "settings.profile.tsx",
      who: "member",
      path: "/settings/profile",
      fields: [
        ["displayName", "Member"],
        ["locale", "en"],
      ],
    },
    {
      file: "settings.women-only.tsx",
      who: "member",
      path: "/settings/women-only",
      fields: [["answer", "yes"]],
    },
    {
      file: "organize.events.new.tsx",
      who: "organizer",
      path: "/organize/events/new",
      fields: [...event, ["womenOnly", "on"], ["repeat", "none"]],
    },
    {
      file: "report.tsx",
      who: "member",
      path: `/report?about=event%3A${w.eventId}`,
      fields: [
        ["intent", "report"],
        ["about", "happened"],
        ["context", `event:${w.eventId}`],
        ["personName", "Someone"],
        ["body", "Fuzz report."],
      ],
    },
    {
      file: "organize.events.$id.exceptions.tsx",
      who: "organizer",
      path: `/organize/events/${w.eventId}/exceptions`,
      fields: [
        ["intent", "add"],
        ["email", w.people.mentee.email],
      ],
    },
    {
      file: "organize.events.$id.check-in.tsx",
      who: "organizer",
      path: `/organize/events/${w.eventId}/check-in`,
      fields: [
        ["intent", "toggle"],
        ["rsvpId", w.rsvpId],
        ["attended", "yes"],
      ],
    },
    {
      file: "organize.events.$id.check-in.tsx",
      who: "organizer",
      path: `/organize/events/${w.eventId}/check-in`,
      fields: [
        ["intent", "walk-in"],
        ["name", "Guest"],
      ],
    },
    {
      file: "organize.mentoring.draft.tsx",
      who: "organizer",
      path: "/organize/mentoring/draft",
      fields: [
        ["intent", "pick"],
        ["menteeId", w.people.mentee.id],
        ["mentorId", w.people.mentor.id],
      ],
    },
    {
      file: "organize.mentoring.pool.tsx",
      who: "organizer",
      path: "/organize/mentoring/pool",
      fields: [
        ["intent", "block"],
        ["menteeId", w.people.mentee.id],
        ["mentorId", w.people.pendingMentor.id],
      ],
    },
    {
      file: "mentoring._index.tsx",
      who: "member",
      path: "/mentoring",
      fields: [
        ["intent", "checkin"],
        ["matchId", w.matchId],
        ["met", "yes"],
        ["note", ""],
      ],
    },
    {
      file: "language.tsx",
      who: "member",
      path: "/language",
      fields: [
        ["lng", "fa"],
        ["redirectTo", "/events"],
      ],
    },
    {
      file: "unsubscribe.$token.$kind.tsx",
      who: "member",
      path: `/unsubscribe/${w.mailToken}/event_changed`,
      fields: [["intent", "resubscribe"]],
    },
    {
      file: "forgot-password.tsx",
      who: "member",
      path: "/forgot-password",
      fields: [["email", "nobody-here@example.com"]],
    },
    {
      file: "reset-password.tsx",
      who: "member",
      path: "/reset-password",
      fields: [
        ["token", "not-a-token"],
        ["password", "a new passphrase"],
      ],
    },
  ];
}

describe("valid forms with one field made hostile", () => {
  it("every form reaches the domain code and fails softly", async () => {
    const forms = validForms(world).filter((f) => routes.some((r) => r.file === f.file));
    const hostileValue = fc.oneof(
      fc.constantFrom(...oddDates, ...oddNumbers, ...protoNames, ...evilRedirects),
      fc.constantFrom(...conformValues),
      fc.string({ maxLength: 30, unit: "binary" }),
      fc.constantFrom("x".repeat(5000), "😀".repeat(300), "\u0000", " ", "\u202e"),
    );
    const arb = fc.record({
      form: fc.constantFrom(...forms),
      index: fc.nat(),
      value: hostileValue,
      mode: fc.constantFrom("replace", "duplicate", "extra", "rename"),
      extraName: nameArb(["intent", "wanted", "languages"]),
    });
    await property(
      arb,
      async (c) => {
        const fields = [...c.form.fields];
        const at = c.index % fields.length;
        const [name] = fields[at]!;
        if (c.mode === "replace") fields[at] = [name, c.value];
        else if (c.mode === "duplicate") fields.push([name, c.value]);
        else if (c.mode === "extra") fields.push([c.extraName, c.value]);
        else fields[at] = [c.extraName, fields[at]![1]];
        const route = routes.find((r) => r.file === c.form.file)!;
        await fire(route, {
          who: c.form.who,
          method: "POST",
          path: c.form.path,
          headers: { Origin: "__same__", "Content-Type": "application/x-www-form-urlencoded" },
          body: new URLSearchParams(fields).toString(),
          heavy: heavyIn(fields.flat()),
        });
      },
      MUTATION_RUNS,
      "mutations",
    );
    await afterBatch();
    report("valid forms with one field made hostile");
  });

  it("dates that match the format but do not exist are refused, not crashed on", async () => {
    const route = routes.find((r) => r.file === "organize.events.new.tsx");
    if (!route) return;
    const base = validForms(world)[0]!.fields;
    for (const date of [
      "2027-02-30",
      "2026-02-29",
      "2026-04-31",
      "2026-13-01",
      "2026-00-00",
      "0000-01-01",
      "9999-12-31",
    ]) {
      for (const field of ["date", "untilDate"]) {
        const fields = base.map(([n, v]): [string, string] => [n, n === field ? date : v]);
        await fire(route, {
          who: "organizer",
          method: "POST",
          path: "/organize/events/new",
          headers: { Origin: "__same__", "Content-Type": "application/x-www-form-urlencoded" },
          body: new URLSearchParams(fields).toString(),
          heavy: [],
          describe: `POST /organize/events/new as organizer with ${field}=${date}`,
        });
      }
    }
    report("impossible dates");
  });
});

describe("redirect targets", () => {
  it("stay on this site for every hostile redirectTo", async () => {
    const login = routes.find((r) => r.file === "login.tsx");
    const language = routes.find((r) => r.file === "language.tsx");
    const member = world.people.member;
    for (const target of evilRedirects) {
      if (login) {
        await fire(login, {
          who: "member",
          method: "GET",
          path: `/login?redirectTo=${encodeURIComponent(target)}`,
          headers: {},
          heavy: [],
        });
        await fire(login, {
          who: "anonymous",
          method: "POST",
          path: "/login",
          headers: { Origin: "__same__", "Content-Type": "application/x-www-form-urlencoded" },
          body: new URLSearchParams([
            ["email", member.email],
            ["password", member.password],
            ["redirectTo", target],
          ]).toString(),
          heavy: [],
          describe: `POST /login with the member's real password and redirectTo=${preview(target, 80)}`,
        });
      }
      if (language) {
        await fire(language, {
          who: "anonymous",
          method: "POST",
          path: "/language",
          headers: { Origin: "__same__", "Content-Type": "application/x-www-form-urlencoded" },
          body: new URLSearchParams([
            ["lng", "fa"],
            ["redirectTo", target],
          ]).toString(),
          heavy: [],
        });
      }
    }
    report("redirect targets");
  });
});

describe("GET query strings and params", () => {
  it.each(routes)("$pattern ($file)", async (route) => {
    const queryName = fc.oneof(
      fc.constantFrom(
        "page",
        "kind",
        "language",
        "lng",
        "role",
        "token",
        "redirectTo",
        "saved",
        "reset",
        "farewell",
        "v",
        "index",
        "_data",
      ),
      nameArb(vocabularyOf(route.source).names),
    );
    const queryValue = fc.oneof(
      {
        weight: 3,
        arbitrary: fc.constantFrom(
          "1e15",
          "99999999999999999999",
          "2147483648",
          "9007199254740993",
          "-1",
          "0",
          "1.5",
          "NaN",
          "Infinity",
          "1e400",
          "0x10",
          "",
          " 2",
          "2",
        ),
      },
      {
        weight: 2,
        arbitrary: fc.constantFrom(...routes.map((r) => r.id), "root", "routes/../../etc/passwd"),
      },
      {
        weight: 3,
        arbitrary: valueArb(["yoga", "cafe", "fa", "ja", "mentor", "mentee", "profile"], world),
      },
    );
    const arb = fc.record({
      who: fc.constantFrom(...fuzzed),
      path: pathArb(route, world),
      query: fc.array(fc.tuple(queryName, queryValue), { maxLength: 6 }),
      raw: oneIn(
        4,
        fc.constantFrom(
          "%",
          "%zz",
          "a=%E0%A4%A",
          "&&&==",
          "page=1&page=2&page=3",
          "a[10000000]=1",
          "__proto__[x]=1",
          "x".repeat(8000),
        ),
      ),
    });
    await property(
      arb,
      async (c) => {
        const query = [new URLSearchParams(c.query).toString(), c.raw].filter(Boolean).join("&");
        await fire(route, {
          who: c.who,
          method: "GET",
          path: query ? `${c.path}?${query}` : c.path,
          headers: {},
          heavy: heavyIn([query]),
        });
      },
      GET_RUNS,
      `get:${route.file}`,
    );
    await afterBatch();
    report(`GET ${route.pattern}`);
  });

  it("huge page numbers on the lists are answered without an error", async () => {
    for (const route of routes.filter((r) => /page/.test(r.source) && r.params.length === 0)) {
      for (const page of [
        "2",
        "1000",
        "2147483647",
        "2147483648",
        "1e15",
        "9007199254740993",
        "99999999999999999999",
      ]) {
        for (const who of ["anonymous", "organizer"] as const) {
          await fire(route, {
            who,
            method: "GET",
            path: `${route.pattern}?page=${page}`,
            headers: {},
            heavy: [],
          });
        }
      }
    }
    report("huge page numbers");
  });
});

describe("a targeted case from issue #9", () => {
  it("wanted[10000000]=rsvp_confirmed on /settings/notifications as a member answers 4xx quickly and does not crash", async () => {
    const started = performance.now();
    const answer = await send(
      server.url,
      {
        method: "POST",
        path: "/settings/notifications",
        headers: {
          Origin: server.url,
          "Content-Type": "application/x-www-form-urlencoded",
          Cookie: cookieOf("member")!,
        },
        body: "reminderLead=1d&wanted[10000000]=rsvp_confirmed",
      },
      { timeoutMs: 5_000, maxBody: MAX_BODY },
    );
    const ms = performance.now() - started;
    const alive = server.alive();
    const log = server.log().slice(-1500);
    if (!isAnswer(answer)) await restart("the targeted wanted[10000000] request");
    expect(
      { status: isAnswer(answer) ? answer.status : answer.error, fast: ms < 2_000, alive },
      `answered in ${Math.round(ms)} ms; server log:\n${log}`,
    ).toMatchObject({ status: expect.any(Number), fast: true, alive: true });
    if (isAnswer(answer)) {
      expect(answer.status).toBeGreaterThanOrEqual(400);
      expect(answer.status).toBeLessThan(500);
      expect(answer.tooLarge).toBe(false);
    }
  });
});

describe("at the end", () => {
  it("the server process is still the first one, alive and healthy", async () => {
    expect(server.alive()).toBe(true);
    const health = await send(
      server.url,
      { method: "GET", path: "/healthz" },
      { timeoutMs: HEALTH_TIMEOUT_MS },
    );
    expect(isAnswer(health) && health.status).toBe(200);
    // Every restart replaced a process that hung or died; the batches above name the inputs.
    expect(restartReasons, "the server had to be restarted").toEqual([]);
  });
});
