import { createCookie } from "@remix-run/node";
import { createInstance, type i18n, type TFunction } from "i18next";
import { RemixI18Next } from "remix-i18next/server";
import { env } from "~/env.server";
import { defaultLocale, i18nOptions, isLocale, supportedLocales, type Locale } from "./config";
import { resources } from "./resources.server";

/** Remembers a language picked without an account; one year, readable only by the server. */
export const localeCookie = createCookie("lng", {
  path: "/",
  sameSite: "lax",
  httpOnly: true,
  maxAge: 60 * 60 * 24 * 365,
});

/**
 * The Set-Cookie header for a chosen language: `Secure` in production, like the session cookie.
 * Decided per call, not when the module loads, so a bad environment is still reported by
 * server.js's check rather than by an import.
 */
export function localeCookieHeader(locale: Locale): Promise<string> {
  return localeCookie.serialize(locale, { secure: env().isProduction });
}

/**
 * Language: `?lng`, then the cookie, then the saved preference, then Accept-Language. The saved
 * preference is the caller's to look up (utils/locale.server.ts asks accounts), so i18n
 * depends on no domain.
 */
export function localeDetector(
  savedLocale: (request: Request) => Promise<string | null>,
): (request: Request) => Promise<Locale> {
  const detector = new RemixI18Next({
    detection: {
      supportedLanguages: [...supportedLocales],
      fallbackLanguage: defaultLocale,
      cookie: localeCookie,
      order: ["searchParams", "cookie", "custom", "header"],
      findLocale: savedLocale,
    },
    i18next: { ...i18nOptions, resources },
  });
  return async (request) => {
    const locale = await detector.getLocale(request);
    return isLocale(locale) ? locale : defaultLocale;
  };
}

// One instance holds every translation; requests use cheap clones or fixed translators of it.
const shared = createInstance();
void shared.init({ ...i18nOptions, resources, initImmediate: false });

// Cloning cost about 1 % of a page's CPU on every request (docs/performance.md, "Events page").
// A server render only reads its instance (the language is fixed, nothing changes it, resources
// are shared anyway), so one clone per language serves every request in that language.
const perLocale = new Map<Locale, i18n>();

/** The i18next instance for a language, sharing the loaded translations; never change it. */
export function instanceFor(locale: Locale): i18n {
  let instance = perLocale.get(locale);
  if (!instance) {
    instance = shared.cloneInstance({ lng: locale, initImmediate: false });
    perLocale.set(locale, instance);
  }
  return instance;
}

export function getFixedT(locale: Locale): Promise<TFunction> {
  return Promise.resolve(shared.getFixedT(locale));
}
