/** What the Express server passes to every loader and action. */
export type AppLoadContext = { clientIp: string };

export function clientIpOf(context: unknown): string {
  const ip = (context as Partial<AppLoadContext> | undefined)?.clientIp;
  return typeof ip === "string" && ip ? ip : "unknown";
}
