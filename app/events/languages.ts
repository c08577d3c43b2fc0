import { intlLocale } from "~/i18n/format";
import { languageDisplayNames } from "~/i18n/intl-cache";
import { isLocale, localeNames, type Locale } from "~/i18n/config";

/**
 * Languages that may be spoken at an event or asked for as interpretation: more than the six
 * the site is written in, because members in Japan also speak Dari, Pashto, Kurdish, Turkish,
 * Burmese, Tamil, Nepali, Urdu, Tigrinya and others. Names come from Intl.DisplayNames in the
 * reader's language, so no translation file has to list them.
 */
export const spokenLanguages = [
  "ja",
  "ja-x-easy",
  "en",
  "fa",
  "prs",
  "ps",
  "ar",
  "fr",
  "tr",
  "ku",
  "my",
  "ta",
  "ne",
  "ur",
  "ti",
  "am",
  "es",
  "zh",
] as const;
export type SpokenLanguage = (typeof spokenLanguages)[number];

export function isSpokenLanguage(value: unknown): value is SpokenLanguage {
  return typeof value === "string" && (spokenLanguages as readonly string[]).includes(value);
}

export function languageName(code: string, readerLocale: Locale): string {
  if (code === "ja-x-easy") return localeNames["ja-x-easy"];
  try {
    return languageDisplayNames(intlLocale(readerLocale)).of(code) ?? code;
  } catch {
    return isLocale(code) ? localeNames[code] : code;
  }
}

/** Stored as ",fa,ja," so that `contains: ",fa,"` finds events where Persian is spoken. */
export function encodeLanguages(codes: readonly string[]): string {
  return `,${[...new Set(codes)].join(",")}${codes.length ? "," : ""}`;
}

export function decodeLanguages(stored: string): string[] {
  return stored.split(",").filter(Boolean);
}
