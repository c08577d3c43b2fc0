import { formatInterpolation } from "./format";

import { supportedLocales, type Locale } from "./locales";

/** The one i18n configuration, shared by server and browser. */
export { supportedLocales, type Locale };

export const defaultLocale: Locale = "en";

const rightToLeft: ReadonlySet<Locale> = new Set(["fa", "ar"]);

/** Each language named in itself, so a reader can find theirs whatever the page is in. */
export const localeNames: Record<Locale, string> = {
  en: "English",
  ja: "日本語",
  "ja-x-easy": "やさしい にほんご",
  fa: "فارسی",
  ar: "العربية",
  fr: "Français",
};

export function isLocale(value: unknown): value is Locale {
  return typeof value === "string" && (supportedLocales as readonly string[]).includes(value);
}

export function directionOf(locale: Locale): "rtl" | "ltr" {
  return rightToLeft.has(locale) ? "rtl" : "ltr";
}

/** Options common to the server and browser i18next instances. */
export const i18nOptions = {
  supportedLngs: [...supportedLocales],
  fallbackLng: defaultLocale,
  defaultNS: "translation",
  ns: ["translation"],
  lowerCaseLng: true,
  load: "currentOnly" as const,
  // React escapes; numbers are formatted in the reader's digits.
  interpolation: { escapeValue: false, alwaysFormat: true, format: formatInterpolation },
  react: { useSuspense: false },
};
