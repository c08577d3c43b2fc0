/** What the Express server passes to every loader and action. */
export type AppLoadContext = { clientIp: string; cspNonce: string };

export function clientIpOf(context: unknown): string {
  const ip = (context as Partial<AppLoadContext> | undefined)?.clientIp;
  return typeof ip === "string" && ip ? ip : "unknown";
}

/** The response's Content-Security-Policy nonce; "" when no server made one (tests, tools). */
export function cspNonceOf(context: unknown): string {
  const nonce = (context as Partial<AppLoadContext> | undefined)?.cspNonce;
  return typeof nonce === "string" ? nonce : "";
}
