import fs from "node:fs";
import { describe, expect, it } from "vitest";
import { supportedLocales } from "~/i18n/config";
import { localeMessages, localesDir, pluralSuffix } from "../support/locales";

const placeholders = (text: string) =>
  [...text.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((m) => m[1]).sort();

/** Plural forms (`seatsLeft_one`, `seatsLeft_few`) differ by language; they count as one key here. */
const baseKey = (key: string) => key.replace(pluralSuffix, "");
const isPluralForm = (key: string) => baseKey(key) !== key;

const all = Object.fromEntries(supportedLocales.map((l) => [l, localeMessages(l)]));
const baseKeys = (messages: Map<string, string>) => new Set([...messages.keys()].map(baseKey));
const keyUnion = new Set(Object.values(all).flatMap((messages) => [...baseKeys(messages)]));

describe("translations", () => {
  it("has a file for every supported locale and no other", () => {
    const files = fs
      .readdirSync(localesDir)
      .filter((f) => f.endsWith(".json"))
      .map((f) => f.slice(0, -5));
    expect(files.sort()).toEqual([...supportedLocales].sort());
  });

  it.each(supportedLocales)("%s has every key any locale has, none empty", (locale) => {
    const messages = all[locale]!;
    const own = baseKeys(messages);
    const missing = [...keyUnion].filter((key) => !own.has(key));
    expect(missing).toEqual([]);
    const empty = [...messages].filter(([, text]) => text.trim() === "").map(([key]) => key);
    expect(empty).toEqual([]);
  });

  it.each(supportedLocales)("%s keeps the same {{placeholders}} as English", (locale) => {
    const wrong = [...all.en!].filter(
      ([key, text]) =>
        !isPluralForm(key) &&
        placeholders(all[locale]!.get(key) ?? "").join() !== placeholders(text).join(),
    );
    expect(wrong.map(([key]) => key)).toEqual([]);
  });

  it.each(supportedLocales)(
    "%s keeps English's {{placeholders}} in every plural form",
    (locale) => {
      // "بقي مقعدان" (two seats left) needs no {{count}}; every other placeholder must stay.
      const wrong = [...all[locale]!].filter(([key, text]) => {
        if (!isPluralForm(key)) return false;
        const english = placeholders(all.en!.get(`${baseKey(key)}_other`) ?? "");
        const own = placeholders(text);
        if (key.endsWith("_other")) return own.join() !== english.join();
        return (
          own.filter((p) => p !== "count").join() !== english.filter((p) => p !== "count").join()
        );
      });
      expect(wrong.map(([key]) => key)).toEqual([]);
    },
  );

  it.each(supportedLocales.filter((l) => l !== "en"))(
    "%s is translated, not copied from English",
    (locale) => {
      const copied = [...all.en!].filter(
        ([key, text]) =>
          all[locale]!.get(key) === text &&
          !["app.name"].includes(key) &&
          // "{{unique}} {{returning}}" only joins two translated sentences.
          text.replace(/\{\{\w+\}\}|[\s\p{P}]/gu, "") !== "",
      );
      expect(copied.map(([key]) => key)).toEqual([]);
    },
  );

  it("writes Persian with Persian letters (ی, ک), not Arabic ones", () => {
    const arabicForms = [...all.fa!].filter(([, text]) => /[يكى]/.test(text));
    expect(arabicForms.map(([key]) => key)).toEqual([]);
  });

  it("writes Easy Japanese differently from standard Japanese", () => {
    // Short shared words (ログイン, パスワード) are fine; whole sentences must be simplified.
    const sameSentences = [...all.ja!].filter(
      ([key, text]) =>
        all["ja-x-easy"]!.get(key) === text && text.replace(/\{\{\w+\}\}/g, "").length > 16,
    );
    expect(sameSentences.map(([key]) => key)).toEqual([]);
  });
});
