import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { localeMessages } from "../support/locales";

/**
 * Easy Japanese (やさしい にほんご) rules from docs/glossary.md: a learner at N5–N4 reads the
 * kanji in app/i18n/easy-japanese-kanji.txt; every other kanji comes with its reading in
 * hiragana right after the kanji of the word (通訳（つうやく）, 考（かんが）えます), never after
 * the okurigana (考えます（かんがえます）), and a word is read either everywhere or nowhere.
 */

const root = path.resolve(import.meta.dirname, "../..");
const han = /\p{Script=Han}/u;

function loadAllowlist(): Set<string> {
  const text = fs.readFileSync(path.join(root, "app/i18n/easy-japanese-kanji.txt"), "utf8");
  const kanji = text
    .split("\n")
    .filter((line) => !line.startsWith("#"))
    .join("");
  return new Set([...kanji].filter((c) => han.test(c)));
}

const allowlist = loadAllowlist();
const easy = [...localeMessages("ja-x-easy")];

/** A run of kanji, and the hiragana reading in full-width parentheses right after it, if any. */
const word = /(\p{Script=Han}+)(?:（([\p{Script=Hiragana}ー]+)）)?/gu;

function unreadKanji(text: string, allowed: Set<string>): string[] {
  return [...text.matchAll(word)]
    .filter(([, run, reading]) => !reading && [...run!].some((c) => !allowed.has(c)))
    .map(([run]) => run!);
}

/** 考えます（かんがえます）: the reading repeats the okurigana, so it sits after the wrong part. */
function readingsAfterOkurigana(text: string): string[] {
  return [...text.matchAll(/(\p{Script=Han}+)(\p{Script=Hiragana}+)（(\p{Script=Hiragana}+)）/gu)]
    .filter(([, , okurigana, reading]) => reading!.endsWith(okurigana!))
    .map(([whole]) => whole!);
}

/**
 * 時（じ）間（かん）: a reading followed straight by more kanji splits one word; a reading
 * shorter than its kanji cannot be the whole word's.
 */
function partialReadings(text: string): string[] {
  const split = [
    ...text.matchAll(/\p{Script=Han}+（[\p{Script=Hiragana}ー]+）(?=\p{Script=Han})/gu),
  ];
  const short = [...text.matchAll(word)].filter(
    ([, run, reading]) => reading !== undefined && reading.length < run!.length,
  );
  // 番目（ばんめ）（ばんめ）: one word, one reading.
  const doubled = [...text.matchAll(/（[\p{Script=Hiragana}ー]+）（[\p{Script=Hiragana}ー]+）/gu)];
  return [...split, ...short, ...doubled].map(([whole]) => whole!);
}

describe("Easy Japanese", () => {
  it("keeps an allowlist of everyday N5–N4 kanji in the repo", () => {
    expect(allowlist.size).toBeGreaterThan(200);
    for (const everyday of ["日", "本", "語", "時", "間", "会", "来", "行"])
      expect(allowlist.has(everyday)).toBe(true);
    for (const harder of ["訳", "申", "請", "籍", "難", "案"])
      expect(allowlist.has(harder)).toBe(false);
  });

  it("gives a reading for every kanji outside the allowlist", () => {
    const missing = easy.flatMap(([key, text]) =>
      unreadKanji(text, allowlist).map((run) => `${key}: ${run}`),
    );
    expect(missing).toEqual([]);
  });

  it("puts a reading right after the kanji, not after the okurigana, and reads the whole word", () => {
    const wrong = easy.flatMap(([key, text]) =>
      [...readingsAfterOkurigana(text), ...partialReadings(text)].map((w) => `${key}: ${w}`),
    );
    expect(wrong).toEqual([]);
  });

  it("reads a word everywhere or nowhere", () => {
    const seen = new Map<string, { read: number; bare: number }>();
    for (const [, text] of easy) {
      for (const [, run, reading] of text.matchAll(word)) {
        const counts = seen.get(run!) ?? { read: 0, bare: 0 };
        if (reading) counts.read++;
        else counts.bare++;
        seen.set(run!, counts);
      }
    }
    const mixed = [...seen].filter(([, c]) => c.read > 0 && c.bare > 0).map(([w]) => w);
    expect(mixed).toEqual([]);
  });

  it("avoids the ambiguous words the reviewers found", () => {
    const texts = easy.map(([, text]) => text).join("\n");
    // けっこうです can mean yes or no; きげん is also "mood"; 案 is not everyday Japanese.
    expect(texts).not.toMatch(/けっこうです|きげん|案/);
  });

  it("the checks catch the mistakes they are for", () => {
    expect(unreadKanji("通訳が ほしい", allowlist)).toEqual(["通訳"]);
    expect(unreadKanji("通訳（つうやく）が ほしい", allowlist)).toEqual([]);
    expect(unreadKanji("日本語を 話す", allowlist)).toEqual([]);
    expect(readingsAfterOkurigana("ペアを 考えます（かんがえます）")).toEqual([
      "考えます（かんがえます）",
    ]);
    expect(readingsAfterOkurigana("ペアを 考（かんが）えます")).toEqual([]);
    expect(partialReadings("時（じ）間（かん）")).toEqual(["時（じ）"]);
    expect(partialReadings("時間（じ）")).toEqual(["時間（じ）"]);
    expect(partialReadings("時間（じかん）")).toEqual([]);
    expect(partialReadings("2番目（ばんめ）（ばんめ）です")).toEqual(["（ばんめ）（ばんめ）"]);
    expect(partialReadings("性別（せいべつ）（書かなくても いいです）")).toEqual([]);
  });
});
