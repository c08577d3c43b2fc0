import { localeNames, supportedLocales } from "~/i18n/config";

/** The six site languages as <option>s, each named in itself and tagged with its language. */
export function LocaleOptions() {
  return (
    <>
      {supportedLocales.map((code) => (
        <option key={code} value={code} lang={code}>
          {localeNames[code]}
        </option>
      ))}
    </>
  );
}
