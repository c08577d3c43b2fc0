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

export async function send(
  baseUrl: string,
  request: Sent,
  options: { timeoutMs?: number; maxBody?: number } = {},
): Promise<Answer | Failure> {
  const timeoutMs = options.timeoutMs ?? 10_000;
  const maxBody = options.maxBody ?? 1024 * 1024;
  const started = performance.now();
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), timeoutMs);
  try {
    const response = await fetch(baseUrl + request.path, {
      method: request.method,
      headers: request.headers,
      body: request.body,
      redirect: "manual",
      signal: controller.signal,
    });
    const chunks: Uint8Array[] = [];
    let size = 0;
    const reader = response.body?.getReader();
    while (reader) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.byteLength;
      if (size > maxBody) {
        await reader.cancel();
        break;
      }
      chunks.push(value);
    }
    return {
      status: response.status,
      headers: response.headers,
      location: response.headers.get("location"),
      body: Buffer.concat(chunks).toString("utf8"),
      size,
      tooLarge: size > maxBody,
      ms: performance.now() - started,
    };
  } catch (error) {
    const ms = performance.now() - started;
    if (controller.signal.aborted)
      return { status: "timeout", error: `no answer in ${timeoutMs} ms`, ms };
    const cause = (error as { cause?: { code?: string; message?: string } }).cause;
    return { status: "network", error: cause?.code ?? cause?.message ?? String(error), ms };
  } finally {
    clearTimeout(timer);
  }
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
