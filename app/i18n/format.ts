import { dateTimeFormat, listFormat, numberFormat } from "./intl-cache";
import type { Locale } from "./locales";

/**
 * The locale Intl should format for. Easy Japanese formats as Japanese does. Persian keeps its
 * own digits and month names but the Gregorian calendar: members plan around Japanese dates,
 * and a Solar Hijri date would have to be converted before every appointment.
 */
export function intlLocale(locale: string): string {
  if (locale === "ja-x-easy") return "ja";
  if (locale === "fa") return "fa-u-ca-gregory";
  // Eastern Arabic digits, as our Arabic texts use them (CLDR's plain "ar" now picks Latin ones).
  if (locale === "ar") return "ar-u-nu-arab";
  return locale;
}

/** Numbers in the reader's digits (۱۲ in Persian, ١٢ in Arabic); used for every {{value}}. */
export function formatInterpolation(
  value: unknown,
  _format: string | undefined,
  lng: string | undefined,
): string {
  if (typeof value === "number" && lng) return numberFormat(intlLocale(lng)).format(value);
  return value as string;
}

/** "Persian, Japanese and English", joined the way the reader's language joins lists. */
export function formatList(items: string[], locale: Locale): string {
  return listFormat(intlLocale(locale)).format(items);
}

/** The group meets in Japan, so times are shown in Japan's zone unless an event says otherwise. */
export const defaultTimeZone = "Asia/Tokyo";

const timeOptions = { hour: "numeric", minute: "2-digit" } as const;
const dayOptions = { weekday: "long", day: "numeric", month: "long", year: "numeric" } as const;

// Every event card formats a day and two times: a plain string key per language and zone is
// found faster than intl-cache's general key (JSON of the options) is built.
const zonedFormats = new Map<string, Intl.DateTimeFormat>();
function zoned(
  name: string,
  options: Intl.DateTimeFormatOptions,
  locale: Locale,
  timeZone: string,
): Intl.DateTimeFormat {
  const key = `${name}|${locale}|${timeZone}`;
  let format = zonedFormats.get(key);
  if (!format) {
    format = dateTimeFormat(intlLocale(locale), { ...options, timeZone });
    zonedFormats.set(key, format);
  }
  return format;
}

// Formatting itself (ICU, with a time zone) was still about 5 % of an events page: the same
// dozen events are shown again and again, so recent results are kept. Cleared when full.
const formatted = new Map<string, string>();
function remembered(
  name: string,
  options: Intl.DateTimeFormatOptions,
  date: Date,
  locale: Locale,
  timeZone: string,
): string {
  const key = `${name}|${locale}|${timeZone}|${date.getTime()}`;
  let text = formatted.get(key);
  if (text === undefined) {
    text = zoned(name, options, locale, timeZone).format(date);
    if (formatted.size >= 5000) formatted.clear();
    formatted.set(key, text);
  }
  return text;
}

export function formatTime(date: Date, locale: Locale, timeZone = defaultTimeZone): string {
  return remembered("time", timeOptions, date, locale, timeZone);
}

export function formatDay(date: Date, locale: Locale, timeZone = defaultTimeZone): string {
  return remembered("day", dayOptions, date, locale, timeZone);
}

/** "14 June": short enough for an email subject. */
export function formatMonthDay(date: Date, locale: Locale, timeZone = defaultTimeZone): string {
  return dateTimeFormat(intlLocale(locale), { day: "numeric", month: "long", timeZone }).format(
    date,
  );
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
