import { getSessionUser } from "~/accounts/sessions.server";
import type { Locale } from "~/i18n/config";
import { localeDetector } from "~/i18n/i18next.server";
import { perRequestOf } from "~/utils/request.server";

// The detector asks for the saved preference with the request only; the load context it needs
// to share the session lookup with the loaders travels beside the request.
const contexts = new WeakMap<Request, unknown>();
const detect = localeDetector(
  async (request) => (await getSessionUser(request, contexts.get(request)))?.user.locale ?? null,
);
const localeKey = Symbol("locale");

/**
 * The request's language, with a signed-in member's saved preference in its place; with the
 * load context, worked out once for all of a visit's loaders (Remix gives each loader its own
 * copy of the Request, so a memo on the Request would not do).
 */
export function getLocale(request: Request, context?: unknown): Promise<Locale> {
  const store = perRequestOf(context);
  let pending = store?.get(localeKey) as Promise<Locale> | undefined;
  if (!pending) {
    contexts.set(request, context);
    pending = detect(request);
    store?.set(localeKey, pending);
  }
  return pending;
}
