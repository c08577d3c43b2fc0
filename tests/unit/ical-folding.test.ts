import { foldLines } from "ical-generator";
import { describe, expect, it } from "vitest";
import { foldLine } from "~/calendar/ics.server";

/** Letters of every UTF-8 length, surrogate pairs, lone surrogates, combining marks, joiners. */
const alphabet = [
  "a",
  " ",
  ",",
  "é",
  "ü",
  "ß",
  "ا",
  "ی",
  "ک",
  "ه",
  "\u200c",
  "ー",
  "難",
  "民",
  "あ",
  "ｶ",
  "🍵",
  "👨‍👩‍👧",
  "🧕🏽",
  "\ud83d",
  "\ude00",
  "\u0301",
];

/** A small deterministic generator, so a failure names a line that can be replayed. */
function random(seed: number) {
  let state = seed;
  return () => {
    state = (state * 1103515245 + 12345) % 2 ** 31;
    return state / 2 ** 31;
  };
}

describe("foldLine", () => {
  it("folds every line octet for octet as ical-generator's foldLines does", () => {
    const next = random(14);
    for (let i = 0; i < 3000; i++) {
      const length = Math.floor(next() * 200);
      let line = "DESCRIPTION:";
      for (let j = 0; j < length; j++) line += alphabet[Math.floor(next() * alphabet.length)];
      expect(foldLine(line), JSON.stringify(line)).toBe(foldLines(line));
    }
  });

  it("keeps lines of 74 octets whole and breaks the 75th before a character, never inside", () => {
    expect(foldLine("a".repeat(74))).toBe("a".repeat(74));
    expect(foldLine("a".repeat(75))).toBe(`${"a".repeat(74)}\r\n a`);
    const persian = `SUMMARY:${"ی".repeat(40)}`; // 8 + 80 octets
    const folded = foldLine(persian);
    expect(folded).toBe(foldLines(persian));
    for (const line of folded.split("\r\n")) {
      expect(Buffer.byteLength(line)).toBeLessThanOrEqual(75);
    }
    expect(folded.replace(/\r\n /g, "")).toBe(persian);
  });
});
