import type { TFunction } from "i18next";
import type { Locale } from "~/i18n/config";
import { weekdayName } from "~/i18n/format";

/** "Every month on the second Saturday", from a stored rule, in the reader's language. */
export function recurrenceText(
  t: TFunction,
  rrule: string,
  firstStart: Date,
  timeZone: string,
  locale: Locale,
): string | null {
  const weekday = weekdayName(firstStart, locale, timeZone);
  if (rrule.startsWith("FREQ=WEEKLY")) return t("recurrence.weekly", { weekday });
  const nth = rrule.match(/BYDAY=(-?\d)[A-Z]{2}/)?.[1];
  if (nth === "-1") return t("recurrence.monthlyLast", { weekday });
  if (nth && ["1", "2", "3", "4", "5"].includes(nth))
    return t(`recurrence.monthly${nth}`, { weekday });
  return null;
}
