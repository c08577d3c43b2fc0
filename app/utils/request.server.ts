/**
 * What the Express server passes to every loader and action. `perRequest` is new for each
 * request (server.js): Remix hands each loader its own copy of the Request, so values the root
 * loader and a route's loader both need (the session) are shared through it instead.
 */
export type AppLoadContext = {
  clientIp: string;
  cspNonce: string;
  perRequest?: Map<symbol, unknown>;
};

/** The request's own store (server.js makes one per request); undefined in tests and tools. */
export function perRequestOf(context: unknown): Map<symbol, unknown> | undefined {
  const store = (context as Partial<AppLoadContext> | undefined)?.perRequest;
  return store instanceof Map ? store : undefined;
}

export function clientIpOf(context: unknown): string {
  const ip = (context as Partial<AppLoadContext> | undefined)?.clientIp;
  return typeof ip === "string" && ip ? ip : "unknown";
}

/** The response's Content-Security-Policy nonce; "" when no server made one (tests, tools). */
export function cspNonceOf(context: unknown): string {
  const nonce = (context as Partial<AppLoadContext> | undefined)?.cspNonce;
  return typeof nonce === "string" ? nonce : "";
}
