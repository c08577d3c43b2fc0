import { dateTimeFormat } from "./intl-cache";
import type { Locale } from "./config";

/** The locale Intl should format for: Easy Japanese formats dates as Japanese does. */
export function intlLocale(locale: Locale): string {
  return locale === "ja-x-easy" ? "ja" : locale;
}

/** The group meets in Japan, so times are shown in Japan's zone unless an event says otherwise. */
export const defaultTimeZone = "Asia/Tokyo";

export function formatTime(date: Date, locale: Locale, timeZone = defaultTimeZone): string {
  return dateTimeFormat(intlLocale(locale), {
    hour: "numeric",
    minute: "2-digit",
    timeZone,
  }).format(date);
}

export function formatDay(date: Date, locale: Locale, timeZone = defaultTimeZone): string {
  return dateTimeFormat(intlLocale(locale), {
    weekday: "long",
    day: "numeric",
    month: "long",
    year: "numeric",
    timeZone,
  }).format(date);
}

export function formatDateTime(date: Date, locale: Locale, timeZone = defaultTimeZone): string {
  return dateTimeFormat(intlLocale(locale), {
    dateStyle: "medium",
    timeStyle: "short",
    timeZone,
  }).format(date);
}

export function weekdayName(date: Date, locale: Locale, timeZone = defaultTimeZone): string {
  return dateTimeFormat(intlLocale(locale), { weekday: "long", timeZone }).format(date);
}

/** "Japan Standard Time" in the reader's language. */
export function timeZoneName(timeZone: string, locale: Locale, at: Date): string {
  const part = dateTimeFormat(intlLocale(locale), { timeZone, timeZoneName: "longGeneric" })
    .formatToParts(at)
    .find((p) => p.type === "timeZoneName");
  return part?.value ?? timeZone;
}
