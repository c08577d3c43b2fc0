import { useMatches } from "@remix-run/react";

/**
 * Route modules export `handle: RouteHandle` to name their page title's translation key, or
 * `neutralTitle: true` for pages about safety and help, whose tab and history entry must say
 * only "Tsunagu" (someone else may look at the phone).
 */
export type RouteHandle = { titleKey?: string; neutralTitle?: boolean };

/**
 * Pages about help and safety are titled just "Tsunagu": a tab, the history list or a shared
 * screen then says nothing about what the person was reading.
 */
export const neutralTitleKey = "app.name";

/** The deepest route's title key; rendered by the root layout, where translations live. */
export function usePageTitleKey(): string | undefined {
  const matches = useMatches();
  for (let i = matches.length - 1; i >= 0; i--) {
    const handle = matches[i]?.handle as RouteHandle | undefined;
    if (handle?.neutralTitle) return "app.name";
    if (handle?.titleKey) return handle.titleKey;
  }
  return undefined;
}
