import type { i18n } from "i18next";
import { translate, type Messages, type TranslateOptions } from "./translator";

/** Where the browser fetches one route's translations; versioned, so cached for good. */
export function translationUrl(locale: string, routeId: string, version: string): string {
  return `/locales/${locale}?route=${encodeURIComponent(routeId)}&v=${version}`;
}

function merge(into: Messages, from: Messages) {
  for (const [key, value] of Object.entries(from)) {
    const existing = into[key];
    if (typeof value !== "string" && existing && typeof existing !== "string")
      merge(existing, value);
    else into[key] = value;
  }
}

type Listener = (language: string) => void;

/**
 * What react-i18next needs of an i18next instance in the browser, on top of the translator:
 * the translations of the routes seen so far, merged per language, and the language change
 * event. Routes' translations are loaded before their page renders (root's clientLoader), so
 * every namespace counts as loaded.
 */
export function createBrowserI18n(locale: string, version: string) {
  const bundles = new Map<string, Messages>();
  const loaded = new Map<string, Promise<void>>();
  const listeners = new Map<string, Set<Listener>>();
  const bundle = (language: string) => {
    let messages = bundles.get(language);
    if (!messages) bundles.set(language, (messages = {}));
    return messages;
  };
  const fetchJson = async (url: string): Promise<Messages | null> => {
    const response = await fetch(url);
    if (response.status === 404) return null;
    if (!response.ok) throw new Error(`Translations: ${response.status} for ${url}`);
    return (await response.json()) as Messages;
  };

  const instance = {
    language: locale,
    languages: [locale],
    isInitialized: true,
    options: { defaultNS: "translation", ns: ["translation"], react: { useSuspense: false } },
    services: {},
    store: { on() {}, off() {} },
    hasLoadedNamespace: () => true,
    loadNamespaces: (_ns: unknown, done?: () => void) => Promise.resolve(done?.()),
    loadLanguages: (_lng: unknown, done?: () => void) => Promise.resolve(done?.()),
    getFixedT(lng?: string | null) {
      const language = lng ?? instance.language;
      // The bundle object itself, so translations merged in later are seen by this `t` too.
      const messages = bundle(language);
      return (key: string, options?: TranslateOptions) =>
        translate(messages, language, key, options);
    },
    t(key: string, options?: TranslateOptions) {
      return instance.getFixedT()(key, options);
    },
    changeLanguage(lng: string) {
      instance.language = lng;
      instance.languages = [lng];
      for (const listener of listeners.get("languageChanged") ?? []) listener(lng);
      return Promise.resolve(instance.getFixedT());
    },
    on(event: string, listener: Listener) {
      if (!listeners.has(event)) listeners.set(event, new Set());
      listeners.get(event)!.add(listener);
    },
    off(event: string, listener: Listener) {
      listeners.get(event)?.delete(listener);
    },

    /**
     * Fetches the translations of these routes in this language, each once. A route the server
     * lists no translations for (404) gets the whole language rather than raw keys.
     */
    load(language: string, routeIds: readonly string[], urls?: readonly string[]) {
      return Promise.all(
        routeIds.map((routeId, i) => {
          const id = `${language} ${routeId}`;
          let done = loaded.get(id);
          if (!done) {
            done = (async () => {
              const messages =
                (await fetchJson(urls?.[i] ?? translationUrl(language, routeId, version))) ??
                (await fetchJson(`/locales/${language}?v=${version}`));
              if (messages) merge(bundle(language), messages);
            })();
            // A failed fetch (offline) is tried again on the next navigation.
            done.catch(() => loaded.delete(id));
            loaded.set(id, done);
          }
          return done;
        }),
      ).then(() => undefined);
    },
  };
  return instance;
}

export type BrowserI18n = ReturnType<typeof createBrowserI18n>;

/** For react-i18next's provider, which is typed for a whole i18next instance. */
export const asI18next = (instance: BrowserI18n) => instance as unknown as i18n;

let current: BrowserI18n | undefined;

/** The browser's one instance, made by entry.client before hydration. */
export function startBrowserI18n(locale: string, version: string): BrowserI18n {
  current = createBrowserI18n(locale, version);
  return current;
}

export function browserI18n(): BrowserI18n | undefined {
  return current;
}

declare global {
  interface Window {
    /** Remix's router (RemixBrowser sets it): its routes include those discovered later. */
    __remixRouter?: {
      routes: Parameters<typeof import("@remix-run/react").matchRoutes>[0];
      state: { loaderData: Record<string, unknown> };
    };
  }
}
