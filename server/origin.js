import { verifyRequestOrigin } from "lucia";

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * One-click unsubscribe (RFC 8058) is POSTed by mail providers' servers, which send no Origin.
 * The secret token in the URL is the authorization there, and a forged request could only do
 * what the token's owner asked for anyway.
 */
const TOKEN_AUTHORIZED_PATHS = ["/unsubscribe/"];

/**
 * Cross-site request forgery guard for every form post: a non-GET request must come from a
 * page of this site. Browsers send `Origin` on every POST; `Referer` is the fallback.
 *
 * @param {{ method: string, path?: string, origin?: string | null, referer?: string | null, host?: string | null, appUrl?: string | null }} request
 * @returns {boolean}
 */
export function isAllowedOrigin({ method, path, origin, referer, host, appUrl }) {
  if (SAFE_METHODS.has(method.toUpperCase())) return true;
  if (path && TOKEN_AUTHORIZED_PATHS.some((prefix) => path.startsWith(prefix))) return true;
  const claimed = origin && origin !== "null" ? origin : refererOrigin(referer);
  if (!claimed) return false;
  /** @type {string[]} */
  const allowed = [];
  if (host) allowed.push(host);
  if (appUrl) allowed.push(new URL(appUrl).host);
  return allowed.length > 0 && verifyRequestOrigin(claimed, allowed);
}

/** @param {string | null | undefined} referer */
function refererOrigin(referer) {
  if (!referer) return null;
  try {
    return new URL(referer).origin;
  } catch {
    return null;
  }
}
