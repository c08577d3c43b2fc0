/**
 * The languages, apart from config.ts so the formatters its options use can name them too.
 * `ja-x-easy` is Easy Japanese (やさしい日本語): a private-use BCP 47 tag on top of `ja`, so
 * browsers and screen readers still treat the text as Japanese.
 */
export const supportedLocales = ["en", "ja", "ja-x-easy", "fa", "ar", "fr"] as const;
export type Locale = (typeof supportedLocales)[number];
