import type { Locale } from "./config";

/** The locale Intl should format for: Easy Japanese formats dates as Japanese does. */
export function intlLocale(locale: Locale): string {
  return locale === "ja-x-easy" ? "ja" : locale;
}

/** The group meets in Japan, so times are shown in Japan's zone unless an event says otherwise. */
export const defaultTimeZone = "Asia/Tokyo";

export function formatTime(date: Date, locale: Locale, timeZone = defaultTimeZone): string {
  return new Intl.DateTimeFormat(intlLocale(locale), {
    hour: "numeric",
    minute: "2-digit",
    timeZone,
  }).format(date);
}
