import { createInstance } from "i18next";
import { describe, expect, it } from "vitest";
import { i18nOptions, supportedLocales } from "~/i18n/config";
import { messages, resources } from "~/i18n/resources.server";
import { translate } from "~/i18n/translator";
import { localeMessages, pluralSuffix } from "../support/locales";

// The browser's i18next as it was configured before the translator replaced it.
const i18next = createInstance();
await i18next.init({ ...i18nOptions, resources, fallbackLng: false, initImmediate: false });

const placeholders = (text: string) => [...text.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((m) => m[1]!);

describe("the browser's translator", () => {
  it.each(supportedLocales)(
    "answers what i18next answers for every %s key",
    (locale) => {
      const t = i18next.getFixedT(locale);
      const keys = new Map<string, Set<string>>();
      for (const [key, text] of localeMessages(locale)) {
        const base = key.replace(pluralSuffix, "");
        keys.set(base, new Set([...(keys.get(base) ?? []), ...placeholders(text)]));
      }
      const differences: string[] = [];
      let compared = 0;
      for (const [key, names] of keys) {
        const variants: Array<Record<string, unknown>> = [
          {},
          Object.fromEntries([...names].map((name) => [name, `<${name}>`])),
          Object.fromEntries([...names].map((name, i) => [name, 1234.5 * (i + 1)])),
          ...[0, 1, 2, 3, 5, 11, 21, 102, 1000.5].map((count) => ({
            ...Object.fromEntries([...names].map((name) => [name, `<${name}>`])),
            count,
          })),
        ];
        for (const options of variants) {
          compared++;
          const expected = t(key, options);
          const actual = translate(messages[locale], locale, key, options);
          if (actual !== expected)
            differences.push(`${key} ${JSON.stringify(options)}: ${actual} ≠ ${expected}`);
        }
      }
      expect(compared).toBeGreaterThan(1000);
      expect(differences).toEqual([]);
      // About 10,000 translations per locale; a machine shared with other work needs the time.
    },
    30_000,
  );

  it("answers missing keys, default values and missing placeholders as i18next does", () => {
    const t = i18next.getFixedT("fr");
    const cases: Array<[string, Record<string, unknown>?]> = [
      ["nothing.here"],
      ["nothing.here", { defaultValue: "plain" }],
      ["events.originalLanguage"],
      ["events.originalLanguage", { language: undefined }],
      ["events.originalLanguage", { language: null }],
      ["event.goingCount", { count: 0 }],
    ];
    for (const [key, options] of cases) {
      expect(translate(messages.fr, "fr", key, options)).toBe(t(key, options));
    }
  });
});
