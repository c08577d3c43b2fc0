/**
 * Intl formatters are costly to build (each loads locale data) and cheap to reuse, so they are
 * built once per locale and options.
 */
const dateTimeFormats = new Map<string, Intl.DateTimeFormat>();
const displayNames = new Map<string, Intl.DisplayNames>();
const numberFormats = new Map<string, Intl.NumberFormat>();
const listFormats = new Map<string, Intl.ListFormat>();

export function dateTimeFormat(
  locale: string,
  options: Intl.DateTimeFormatOptions,
): Intl.DateTimeFormat {
  const key = `${locale}|${JSON.stringify(options)}`;
  let format = dateTimeFormats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(locale, options);
    dateTimeFormats.set(key, format);
  }
  return format;
}

export function languageDisplayNames(locale: string): Intl.DisplayNames {
  let names = displayNames.get(locale);
  if (!names) {
    names = new Intl.DisplayNames([locale], { type: "language" });
    displayNames.set(locale, names);
  }
  return names;
}

// Each events page names every spoken language for its filter and each card's languages: the
// names are few (readers' languages × spoken languages), and looking one up costs more than
// keeping it.
const languageNames = new Map<string, string | undefined>();

/** A language's name in `locale` (Intl.DisplayNames.of), remembered; throws for a bad code. */
export function languageDisplayName(locale: string, code: string): string | undefined {
  const key = `${locale}|${code}`;
  if (languageNames.has(key)) return languageNames.get(key);
  const name = languageDisplayNames(locale).of(code);
  if (languageNames.size < 10_000) languageNames.set(key, name);
  return name;
}

export function numberFormat(locale: string): Intl.NumberFormat {
  let format = numberFormats.get(locale);
  if (!format) {
    format = new Intl.NumberFormat(locale);
    numberFormats.set(locale, format);
  }
  return format;
}

export function listFormat(locale: string): Intl.ListFormat {
  let format = listFormats.get(locale);
  if (!format) {
    format = new Intl.ListFormat(locale, { style: "long", type: "conjunction" });
    listFormats.set(locale, format);
  }
  return format;
}
