import crypto from "node:crypto";

/**
 * The dev mailbox shows each kept email in a sandboxed frame loaded from this address
 * (app/routes/dev.mailbox.$id.html.tsx). Emails carry inline styles, because mail clients drop
 * stylesheets, so that one document gets a policy of its own instead of the site's.
 */
const MAIL_PREVIEW_PATH = /^\/dev\/mailbox\/[^/]+\/html$/;

/** A fresh value for every response: 128 random bits, as CSP asks of a nonce. */
export function createNonce() {
  return crypto.randomBytes(16).toString("base64");
}

/**
 * The site's Content-Security-Policy. Scripts run only from our own files or with this
 * response's nonce (Remix's inline hydration scripts carry it); the app styles everything with
 * classes from its stylesheet, so no inline style is allowed either.
 *
 * No 'strict-dynamic' (see docs/decisions/0009): it lets trusted scripts load others, which
 * only third-party loaders need; every script here is a file of our own build, nothing on
 * this origin serves text a visitor controls as JavaScript (nosniff), and keeping 'self' as
 * the rule means no browser's handling of Remix's nonce-less modulepreload links can differ.
 *
 * @param {{ nonce: string, development: boolean }} options
 * @returns {string}
 */
export function contentSecurityPolicy({ nonce, development }) {
  const directives = {
    "default-src": ["'self'"],
    "script-src": ["'self'", `'nonce-${nonce}'`],
    "style-src": ["'self'"],
    "img-src": ["'self'", "data:"],
    // `remix dev` reloads the page through a WebSocket on its own port.
    "connect-src": development ? ["'self'", "ws:"] : ["'self'"],
    "form-action": ["'self'"],
    "frame-ancestors": ["'none'"],
    "base-uri": ["'self'"],
    "object-src": ["'none'"],
  };
  return Object.entries(directives)
    .map(([name, sources]) => `${name} ${sources.join(" ")}`)
    .join("; ");
}

/** An email shown in the dev mailbox: its own inline styles and data: images, nothing else. */
const MAIL_PREVIEW_POLICY = [
  "default-src 'none'",
  "style-src 'unsafe-inline'",
  "img-src data:",
  "form-action 'none'",
  "base-uri 'none'",
  "frame-ancestors 'self'",
  "sandbox allow-popups allow-popups-to-escape-sandbox",
].join("; ");

/** Two years, the preload list's minimum; subdomains too, so no cookie leaks over plain http. */
const STRICT_TRANSPORT_SECURITY = "max-age=63072000; includeSubDomains";

/**
 * Headers for every response.
 *
 * @param {{ nonce: string, path: string, development: boolean, production: boolean }} options
 *   `development`: the `remix dev` build (live reload); `production`: TSUNAGU_MODE=production,
 *   the only mode served over https, so the only one that may promise browsers https.
 * @returns {Record<string, string>}
 */
export function securityHeaders({ nonce, path, development, production }) {
  const mailPreview = !production && MAIL_PREVIEW_PATH.test(path);
  /** @type {Record<string, string>} */
  const headers = {
    "Content-Security-Policy": mailPreview
      ? MAIL_PREVIEW_POLICY
      : contentSecurityPolicy({ nonce, development }),
    "Referrer-Policy": "same-origin",
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": mailPreview ? "SAMEORIGIN" : "DENY",
  };
  if (production) headers["Strict-Transport-Security"] = STRICT_TRANSPORT_SECURITY;
  return headers;
}
