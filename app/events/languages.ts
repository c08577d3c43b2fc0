import { intlLocale } from "~/i18n/format";
import { languageDisplayName } from "~/i18n/intl-cache";
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

/** Every spoken language as a choice named in the reader's language, for selects and filters. */
export function spokenLanguageChoices(readerLocale: Locale): { value: string; label: string }[] {
  return spokenLanguages.map((code) => ({ value: code, label: languageName(code, readerLocale) }));
}

export function languageName(code: string, readerLocale: Locale): string {
  if (code === "ja-x-easy") return localeNames["ja-x-easy"];
  try {
    return languageDisplayName(intlLocale(readerLocale), code) ?? code;
  } catch {
    return isLocale(code) ? localeNames[code] : code;
  }
}

/**
 * The `lang` of a language's name when it is not in the reader's language: Easy Japanese is
 * always named in Japanese (やさしい にほんご), so on an English page it needs `lang="ja"`.
 */
export function languageNameLang(code: string, readerLocale: Locale): string | null {
  if (code === "ja-x-easy")
    return readerLocale === "ja" || readerLocale === "ja-x-easy" ? null : "ja";
  try {
    if (languageDisplayName(intlLocale(readerLocale), code)) return null;
  } catch {
    // falls through to the name in the language itself
  }
  return isLocale(code) && code !== readerLocale ? code : null;
}

/** The names among `codes` that are in another language than the reader's, with their `lang`. */
export function foreignLanguageNames(
  codes: readonly string[],
  readerLocale: Locale,
): { text: string; lang: string }[] {
  return codes.flatMap((code) => {
    const lang = languageNameLang(code, readerLocale);
    return lang ? [{ text: languageName(code, readerLocale), lang }] : [];
  });
}
