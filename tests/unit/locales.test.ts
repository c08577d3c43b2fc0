import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { supportedLocales } from "~/i18n/config";

const localesDir = path.resolve(import.meta.dirname, "../../app/i18n/locales");

function flatten(value: unknown, prefix = ""): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, child] of Object.entries(value as Record<string, unknown>)) {
    const full = prefix ? `${prefix}.${key}` : key;
    if (child && typeof child === "object")
      for (const entry of flatten(child, full)) out.set(...entry);
    else out.set(full, String(child));
  }
  return out;
}

const load = (locale: string) =>
  flatten(JSON.parse(fs.readFileSync(path.join(localesDir, `${locale}.json`), "utf8")));
const placeholders = (text: string) =>
  [...text.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((m) => m[1]).sort();

const all = Object.fromEntries(supportedLocales.map((l) => [l, load(l)]));
const keyUnion = new Set(Object.values(all).flatMap((messages) => [...messages.keys()]));

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
    const missing = [...keyUnion].filter((key) => !messages.has(key));
    expect(missing).toEqual([]);
    const empty = [...messages].filter(([, text]) => text.trim() === "").map(([key]) => key);
    expect(empty).toEqual([]);
  });

  it.each(supportedLocales)("%s keeps the same {{placeholders}} as English", (locale) => {
    const wrong = [...all.en!].filter(
      ([key, text]) =>
        placeholders(all[locale]!.get(key) ?? "").join() !== placeholders(text).join(),
    );
    expect(wrong.map(([key]) => key)).toEqual([]);
  });

  it.each(supportedLocales.filter((l) => l !== "en"))(
    "%s is translated, not copied from English",
    (locale) => {
      const copied = [...all.en!].filter(
        ([key, text]) => all[locale]!.get(key) === text && !["app.name"].includes(key),
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
