import http from "node:http";
/**
 * Plain HTTP against the built server, for suites that need no browser: no redirects followed,
 * a time limit per request, and response bodies read only up to a bound, so a server that
 * echoes a 10 MB body back cannot exhaust the test process.
 */
export type Sent = {
  method: string;
  path: string;
  headers?: Record<string, string>;
  body?: string | Uint8Array<ArrayBuffer> | URLSearchParams;
};

export type Answer = {
  status: number;
  headers: Headers;
  location: string | null;
  /** The body as text, cut at `maxBody` bytes. */
  body: string;
  /** Bytes received (at most maxBody + 1: more means "larger than the bound"). */
  size: number;
  tooLarge: boolean;
  ms: number;
};

export type Failure = { status: "timeout" | "network"; error: string; ms: number };

export const isAnswer = (result: Answer | Failure): result is Answer =>
  typeof result.status === "number";

/**
 * One request on a fresh connection (node:http, no keep-alive), so a connection the server
 * closed after an earlier answer can never be mistaken for this request failing, and an
 * answer the server gives before it has read the whole body still counts.
 */
export function send(
  baseUrl: string,
  request: Sent,
  options: { timeoutMs?: number; maxBody?: number } = {},
): Promise<Answer | Failure> {
  const timeoutMs = options.timeoutMs ?? 10_000;
  const maxBody = options.maxBody ?? 1024 * 1024;
  const started = performance.now();
  const body =
    request.body === undefined
      ? undefined
      : request.body instanceof URLSearchParams
        ? Buffer.from(request.body.toString())
        : Buffer.from(request.body);
  const url = new URL(request.path, baseUrl);
  return new Promise((resolve) => {
    let settled = false;
    const finish = (result: Answer | Failure) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve(result);
    };
    const req = http.request({
      host: url.hostname,
      port: url.port,
      method: request.method,
      // The path as given: fuzzed paths must reach the server without being normalised.
      path: request.path,
      headers: {
        ...request.headers,
        ...(body ? { "Content-Length": String(body.byteLength) } : {}),
      },
      agent: false,
    });
    const timer = setTimeout(() => {
      finish({
        status: "timeout",
        error: `no answer in ${timeoutMs} ms`,
        ms: performance.now() - started,
      });
      req.destroy();
    }, timeoutMs);
    req.on("response", (response) => {
      const chunks: Buffer[] = [];
      let size = 0;
      const done = () => {
        const headers = new Headers();
        for (const [name, value] of Object.entries(response.headers)) {
          for (const one of Array.isArray(value) ? value : value === undefined ? [] : [value]) {
            try {
              headers.append(name, one);
            } catch {
              // A header value Headers refuses (control characters) is kept out; status still counts.
            }
          }
        }
        finish({
          status: response.statusCode ?? 0,
          headers,
          location:
            typeof response.headers.location === "string" ? response.headers.location : null,
          body: Buffer.concat(chunks).toString("utf8"),
          size,
          tooLarge: size > maxBody,
          ms: performance.now() - started,
        });
      };
      response.on("data", (chunk: Buffer) => {
        size += chunk.byteLength;
        if (size > maxBody) {
          done();
          response.destroy();
          req.destroy();
        } else chunks.push(chunk);
      });
      response.on("end", done);
      response.on("error", done);
      response.on("aborted", done);
    });
    req.on("error", (error: NodeJS.ErrnoException) => {
      finish({
        status: "network",
        error: error.code ?? error.message,
        ms: performance.now() - started,
      });
    });
    // The server may answer and close before reading everything; that error comes after the answer.
    if (body) req.end(body);
    else req.end();
  });
}

export const form = (fields: Record<string, string> | [string, string][]) =>
  new URLSearchParams(fields).toString();

export const formHeaders = (origin: string, cookie?: string): Record<string, string> => ({
  "Content-Type": "application/x-www-form-urlencoded",
  Origin: origin,
  ...(cookie ? { Cookie: cookie } : {}),
});

/** The `tsunagu_session=…` pair a response sets, or null; "" when it clears the cookie. */
export function sessionCookieIn(headers: Headers): string | null {
  const set = headers.getSetCookie().find((c) => c.startsWith("tsunagu_session="));
  if (!set) return null;
  const pair = set.split(";")[0]!;
  return pair === "tsunagu_session=" ? "" : pair;
}

/** Signs in through the log-in form, as a browser would, and returns the session cookie. */
export async function logIn(baseUrl: string, email: string, password: string): Promise<string> {
  const answer = await send(baseUrl, {
    method: "POST",
    path: "/login",
    headers: formHeaders(baseUrl),
    body: form({ email, password }),
  });
  const cookie = isAnswer(answer) ? sessionCookieIn(answer.headers) : null;
  if (!isAnswer(answer) || answer.status !== 302 || !cookie) {
    throw new Error(`Could not log in as ${email}: ${JSON.stringify(answer).slice(0, 500)}`);
  }
  return cookie;
}

/** A loader's JSON through Remix's data endpoint (`?_data=<route id>`), as a signed-in person. */
export async function loaderData<T>(
  baseUrl: string,
  path: string,
  routeId: string,
  cookie?: string,
): Promise<T> {
  const separator = path.includes("?") ? "&" : "?";
  const answer = await send(
    baseUrl,
    {
      method: "GET",
      path: `${path}${separator}_data=${encodeURIComponent(routeId)}`,
      headers: cookie ? { Cookie: cookie } : {},
    },
    { maxBody: 8 * 1024 * 1024 },
  );
  if (!isAnswer(answer) || answer.status !== 200) {
    throw new Error(`GET ${path} (${routeId}) failed: ${JSON.stringify(answer).slice(0, 500)}`);
  }
  return JSON.parse(answer.body) as T;
}
