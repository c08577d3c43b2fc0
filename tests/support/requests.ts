/** Builds the real `Request`s that Remix hands to loaders and actions. */
export const origin = "http://localhost:3000";

export function formRequest(
  path: string,
  fields: Record<string, string>,
  cookie?: string,
): Request {
  const body = new URLSearchParams(fields);
  const headers = new Headers({
    "Content-Type": "application/x-www-form-urlencoded",
    Origin: origin,
  });
  if (cookie) headers.set("Cookie", cookie);
  return new Request(origin + path, { method: "POST", body, headers });
}

export function getRequest(path: string, headers: Record<string, string> = {}): Request {
  return new Request(origin + path, { headers });
}

/** The `name=value` part of a Set-Cookie header, ready to send back as a Cookie header. */
export function cookieFrom(response: Response, name: string): string {
  const setCookie = response.headers.getSetCookie().find((c) => c.startsWith(`${name}=`));
  if (!setCookie) throw new Error(`No ${name} cookie in response`);
  return setCookie.split(";")[0]!;
}

export const context = { clientIp: "203.0.113.7" };

/** Runs a loader or action and returns its Response, whether it was returned or thrown. */
export async function respond(run: () => unknown): Promise<Response> {
  try {
    const result = await run();
    if (result instanceof Response) return result;
    return new Response(JSON.stringify(result), {
      headers: { "Content-Type": "application/json" },
    });
  } catch (thrown) {
    if (thrown instanceof Response) return thrown;
    throw thrown;
  }
}
