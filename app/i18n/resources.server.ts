import { createHash } from "node:crypto";
import type { Locale } from "./config";
import { rootNamespaces, routeNamespaces } from "./namespaces";
import type { Messages } from "./translator";
import en from "./locales/en.json";
import ja from "./locales/ja.json";
import jaEasy from "./locales/ja-x-easy.json";
import fa from "./locales/fa.json";
import ar from "./locales/ar.json";
import fr from "./locales/fr.json";

/** Plural forms differ by language (`_one` in English, six forms in Arabic), so not `typeof en`. */
export type { Messages };

export const messages: Record<Locale, Messages> = {
  en,
  ja,
  "ja-x-easy": jaEasy,
  fa,
  ar,
  fr,
};

export const resources = Object.fromEntries(
  Object.entries(messages).map(([lng, translation]) => [lng, { translation }]),
);

/** Changes whenever any translation changes, so browsers may cache locale files forever. */
export const messagesVersion = createHash("sha256")
  .update(JSON.stringify(messages))
  .digest("hex")
  .slice(0, 12);

const pluralForms = ["zero", "one", "two", "few", "many", "other"];

/** Copies `path` ("rsvp" or "report.fromEvent", with its plural forms) from `from` into `into`. */
function copyPath(from: Messages, into: Messages, path: string[]): boolean {
  const [head, ...rest] = path as [string, ...string[]];
  if (rest.length === 0) {
    let copied = false;
    for (const key of [head, ...pluralForms.map((form) => `${head}_${form}`)]) {
      if (key in from) {
        into[key] = from[key]!;
        copied = true;
      }
    }
    return copied;
  }
  const child = from[head];
  if (!child || typeof child === "string") return false;
  const target = (into[head] ??= {});
  if (typeof target === "string") return false;
  return copyPath(child, target, rest);
}

/** The namespaces (sections or keys) the browser loads for a route: `root` or a route id. */
export function namespacesOf(routeId: string): readonly string[] | undefined {
  if (routeId === "root") return rootNamespaces;
  return Object.hasOwn(routeNamespaces, routeId) ? routeNamespaces[routeId] : undefined;
}

/** One locale's translations for the given namespaces, nested as in the locale file. */
export function messagesFor(locale: Locale, namespaces: readonly string[]): Messages {
  const subset: Messages = {};
  for (const namespace of namespaces) {
    if (!copyPath(messages[locale], subset, namespace.split("."))) {
      throw new Error(`No translation "${namespace}" in ${locale}`);
    }
  }
  return subset;
}

/** The translation responses a browser fetches for a page whose matched routes are `routeIds`. */
export function translationPayloads(locale: Locale, routeIds: string[]): string[] {
  return routeIds.map((id) => JSON.stringify(messagesFor(locale, namespacesOf(id) ?? [])));
}
