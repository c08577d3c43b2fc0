import { useMatches } from "@remix-run/react";

/** Route modules export `handle: RouteHandle` to name their page title's translation key. */
export type RouteHandle = { titleKey?: string };

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
    if (handle?.titleKey) return handle.titleKey;
  }
  return undefined;
}
