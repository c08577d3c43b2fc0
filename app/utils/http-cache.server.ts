import crypto from "node:crypto";

/**
 * HTTP caching for pages whose content does not depend on who is looking (docs/decisions/0016).
 *
 * The language can come from the session's user or the `lng` cookie (both in Cookie) or from
 * Accept-Language (app/i18n/i18next.server.ts; `?lng` is in the URL already), so every such
 * page varies on both.
 */
export const VARY_LANGUAGE = "Cookie, Accept-Language";
const SHARED = "public, no-cache";
const PERSONAL = "private, no-store";

/**
 * Cache headers for a page that is the same for every visitor without an account: visitors'
 * copies may be kept anywhere and revalidated with their ETag (entry.server.tsx); a signed-in
 * member's page has their name and answers in it, so it is never stored.
 */
export function viewerCacheHeaders(signedIn: boolean): Record<string, string> {
  return { "Cache-Control": signedIn ? PERSONAL : SHARED, Vary: VARY_LANGUAGE };
}

/** Whether an If-None-Match header lists this ETag (weak comparison, as RFC 9110 asks for GET). */
export function etagMatches(ifNoneMatch: string | null, etag: string): boolean {
  if (!ifNoneMatch) return false;
  const opaque = (tag: string) => tag.trim().replace(/^W\//, "");
  return ifNoneMatch.split(",").some((tag) => tag.trim() === "*" || opaque(tag) === opaque(etag));
}

/**
 * What entry.server.tsx does with a page before rendering it. A page its route marked shared
 * gets an ETag made from what decides its content (the build, the status and every loader's
 * data, which hold the language); when the browser already has that version it gets a 304 and
 * nothing is rendered. The ETag is weak because each response carries its own CSP nonce, so two
 * copies are equivalent but not byte-identical.
 *
 * A page with a signed-in member or a cookie being set is never left shared, whatever a route
 * said.
 */
export function conditionalDocument(options: {
  request: Request;
  status: number;
  headers: Headers;
  buildVersion: string;
  loaderData: unknown;
  signedIn: boolean;
}): Response | null {
  const { request, status, headers } = options;
  const shared = /\bpublic\b/.test(headers.get("Cache-Control") ?? "");
  if (!shared) return null;
  if (options.signedIn || headers.has("Set-Cookie")) {
    headers.set("Cache-Control", PERSONAL);
    return null;
  }
  if (status !== 200 || (request.method !== "GET" && request.method !== "HEAD")) return null;
  const etag = `W/"${crypto
    .createHash("sha256")
    .update(`${options.buildVersion}\n${status}\n${JSON.stringify(options.loaderData)}`)
    .digest("base64url")
    .slice(0, 27)}"`;
  headers.set("ETag", etag);
  if (!etagMatches(request.headers.get("If-None-Match"), etag)) return null;
  return new Response(null, {
    status: 304,
    headers: {
      ETag: etag,
      "Cache-Control": headers.get("Cache-Control")!,
      Vary: headers.get("Vary") ?? VARY_LANGUAGE,
    },
  });
}
