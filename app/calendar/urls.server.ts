import { env } from "~/env.server";

export function calendarFeedUrl(token: string): string {
  return new URL(`/calendar/${token}.ics`, env().appUrl).toString();
}

/** The public feed, for calendar apps (webcal:// opens the subscribe dialog on phones). */
export function publicFeedWebcal(options: { kind?: string; locale: string }): string {
  const url = new URL("/calendar/public.ics", env().appUrl);
  if (options.kind) url.searchParams.set("kind", options.kind);
  url.searchParams.set("lng", options.locale);
  return url.toString().replace(/^https?:/, "webcal:");
}
