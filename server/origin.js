import { verifyRequestOrigin } from "lucia";

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * Cross-site request forgery guard for every form post: a non-GET request must come from a
 * page of this site. Browsers send `Origin` on every POST; `Referer` is the fallback.
 *
 * @param {{ method: string, origin?: string | null, referer?: string | null, host?: string | null, appUrl?: string | null }} request
 * @returns {boolean}
 */
export function isAllowedOrigin({ method, origin, referer, host, appUrl }) {
  if (SAFE_METHODS.has(method.toUpperCase())) return true;
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
