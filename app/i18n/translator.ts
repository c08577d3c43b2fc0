import { formatInterpolation } from "./format";

/** Translations as nested in the locale files; plural forms differ by language. */
export type Messages = { [key: string]: string | Messages };

export type TranslateOptions = { count?: number; defaultValue?: string; [name: string]: unknown };

const pluralRules = new Map<string, Intl.PluralRules>();
function pluralRule(locale: string): Intl.PluralRules {
  let rule = pluralRules.get(locale);
  if (!rule) pluralRules.set(locale, (rule = new Intl.PluralRules(locale)));
  return rule;
}

function lookup(messages: Messages, key: string): string | undefined {
  let node: string | Messages | undefined = messages;
  for (const part of key.split(".")) {
    if (!node || typeof node === "string" || !Object.hasOwn(node, part)) return undefined;
    node = node[part];
  }
  return typeof node === "string" ? node : undefined;
}

/**
 * The browser's `t`: the part of i18next this app uses (nested keys, `{{name}}` placeholders
 * formatted by formatInterpolation, plural forms by Intl.PluralRules with i18next's `_zero`
 * rule), without i18next's 15 KB. tests/unit/translator.test.ts checks it answers exactly what
 * i18next answers for every key of every locale, since the server renders with i18next and
 * hydration must see the same text.
 */
export function translate(
  messages: Messages,
  locale: string,
  key: string,
  options: TranslateOptions = {},
): string {
  const { count } = options;
  let text: string | undefined;
  if (typeof count === "number") {
    if (count === 0) text = lookup(messages, `${key}_zero`);
    text ??= lookup(messages, `${key}_${pluralRule(locale).select(count)}`);
  }
  text ??= lookup(messages, key) ?? options.defaultValue ?? key;
  return text.replace(/\{\{(.+?)\}\}/g, (placeholder, name: string) => {
    const variable = name.trim();
    const value = formatInterpolation(options[variable], undefined, locale);
    if (value === undefined) return Object.hasOwn(options, variable) ? "" : placeholder;
    return value === null ? "" : String(value);
  });
}
