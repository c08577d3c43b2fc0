const BASE = "http://tsunagu.invalid";

/** ASCII controls and spaces, which browsers strip from URLs before they resolve them. */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const STRIPPED_BY_BROWSERS = /[\u0000-\u0020\u007f]/;

/**
 * The one check for `redirectTo`-style values: a path on this site, or the fallback. The answer
 * is what the URL parser makes of it, percent-encoded, so what we send in Location is what a
 * browser would follow (no `//host`, `/\host`, `/%09/host`, encoded slashes or raw non-ASCII).
 */
export function safeRedirect(to: unknown, fallback = "/"): string {
  if (typeof to !== "string" || to.length === 0 || to.length > 1000) return fallback;
  if (!to.startsWith("/") || STRIPPED_BY_BROWSERS.test(to) || to.includes("\\")) return fallback;
  let decoded: string;
  try {
    decoded = decodeURIComponent(to);
  } catch {
    return fallback;
  }
  // Decoded once more, a value must still be a plain path: some proxies and clients decode.
  if (
    decoded.startsWith("//") ||
    decoded.includes("\\") ||
    STRIPPED_BY_BROWSERS.test(decoded.replace(/ /g, "-"))
  ) {
    return fallback;
  }
  let url: URL;
  try {
    url = new URL(to, BASE);
  } catch {
    return fallback;
  }
  if (url.origin !== BASE || url.pathname.startsWith("//")) return fallback;
  return `${url.pathname}${url.search}${url.hash}`;
}
