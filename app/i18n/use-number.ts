import { useTranslation } from "react-i18next";
import { intlLocale } from "./format";
import { numberFormat } from "./intl-cache";

/** A number outside a translation ("+2", "3 / 1") in the reader's digits (۲ in Persian, ٢ in Arabic). */
export function useNumber(): (value: number) => string {
  const { i18n } = useTranslation();
  const format = numberFormat(intlLocale(i18n.language));
  return (value) => format.format(value);
}
