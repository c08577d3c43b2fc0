import { createHash } from "node:crypto";
import type { Locale } from "./config";
import en from "./locales/en.json";
import ja from "./locales/ja.json";
import jaEasy from "./locales/ja-x-easy.json";
import fa from "./locales/fa.json";
import ar from "./locales/ar.json";
import fr from "./locales/fr.json";

/** Plural forms differ by language (`_one` in English, six forms in Arabic), so not `typeof en`. */
export type Messages = { [key: string]: string | Messages };

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

/** The translation responses a browser fetches for a page whose matched routes are `routeIds`. */
export function translationPayloads(locale: Locale, routeIds: string[]): string[] {
  void routeIds;
  return [JSON.stringify(messages[locale])];
}
