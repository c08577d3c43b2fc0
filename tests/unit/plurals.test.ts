import fs from "node:fs";
import path from "node:path";
import i18next from "i18next";
import { describe, expect, it } from "vitest";
import { i18nOptions, supportedLocales } from "~/i18n/config";
import { resources } from "~/i18n/resources.server";
import { localeMessages, pluralSuffix } from "../support/locales";

const root = path.resolve(import.meta.dirname, "../..");
const suffix = pluralSuffix;

const keysOf = Object.fromEntries(supportedLocales.map((l) => [l, [...localeMessages(l).keys()]]));

/** base key → the plural categories a locale's file gives it */
function pluralForms(locale: string): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const key of keysOf[locale]!) {
    const m = suffix.exec(key);
    if (!m) continue;
    const base = key.slice(0, m.index);
    out.set(base, [...(out.get(base) ?? []), m[1]!]);
  }
  return out;
}

const pluralKeys = new Set(supportedLocales.flatMap((l) => [...pluralForms(l).keys()]));

/** Every `t("some.key", { …count… })` in the app's code. */
function keysCalledWithCount(): Set<string> {
  const files: string[] = [];
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) {
        if (entry.name !== "generated") walk(full);
      } else if (/\.tsx?$/.test(entry.name)) files.push(full);
    }
  };
  walk(path.join(root, "app"));
  const found = new Set<string>();
  for (const file of files) {
    const source = fs.readFileSync(file, "utf8");
    for (const m of source.matchAll(/\bt\(\s*"([\w.]+)"\s*,\s*\{([^{}]*)\}/g)) {
      if (/\bcount\b/.test(m[2]!)) found.add(m[1]!);
    }
  }
  return found;
}

/**
 * Keys whose count reaches t() through data rather than a literal call: a refusal from the RSVP
 * rules (`{ error, params: { count } }`) and the draft page's `mentoringOrg.done.${done}`.
 */
const countedThroughData = ["errors.notEnoughSeats", "mentoringOrg.done.published"];

describe("plural forms", () => {
  it.each(supportedLocales)(
    "%s gives every counted key exactly the categories its language has",
    (locale) => {
      const needed = new Intl.PluralRules(locale).resolvedOptions().pluralCategories;
      const forms = pluralForms(locale);
      const wrong = [...pluralKeys].filter(
        (key) => [...(forms.get(key) ?? [])].sort().join() !== [...needed].sort().join(),
      );
      expect(wrong).toEqual([]);
    },
  );

  it("Arabic needs six forms and Japanese one, so the check above means something", () => {
    expect(new Intl.PluralRules("ar").resolvedOptions().pluralCategories).toHaveLength(6);
    expect(new Intl.PluralRules("ja-x-easy").resolvedOptions().pluralCategories).toEqual(["other"]);
    expect(pluralForms("ar").get("events.seatsLeft")).toHaveLength(6);
  });

  it("has no key both as a plain string and with plural forms", () => {
    for (const locale of supportedLocales) {
      const plain = new Set(keysOf[locale]!.filter((k) => !suffix.test(k)));
      expect([...pluralKeys].filter((k) => plain.has(k))).toEqual([]);
    }
  });

  it("every t() call with a count uses a key that has plural forms", () => {
    const called = keysCalledWithCount();
    expect(called.size).toBeGreaterThan(5);
    expect([...called].filter((k) => !pluralKeys.has(k))).toEqual([]);
  });

  it("every key with plural forms is used with a count", () => {
    const called = keysCalledWithCount();
    const unused = [...pluralKeys].filter((k) => !called.has(k) && !countedThroughData.includes(k));
    expect(unused).toEqual([]);
    const rsvp = fs.readFileSync(path.join(root, "app/events/rsvp.server.ts"), "utf8");
    expect(rsvp).toMatch(/"errors\.notEnoughSeats",\s*params: \{ count:/);
  });

  it("counts right in each language, in the reader's digits", async () => {
    const instance = i18next.createInstance();
    await instance.init({ ...i18nOptions, lng: "en", resources });
    const t = (lng: string, key: string, count: number) => instance.t(key, { lng, count });
    expect(t("en", "event.goingCount", 1)).toBe("1 person going");
    expect(t("en", "event.goingCount", 3)).toBe("3 people going");
    expect(t("en", "events.seatsLeft", 1)).toBe("1 seat left");
    expect(t("ar", "events.seatsLeft", 2)).toBe("بقي مقعدان");
    expect(t("ar", "events.seatsLeft", 3)).toBe("بقيت ٣ مقاعد");
    expect(t("ar", "events.seatsLeft", 11)).toBe("بقي ١١ مقعدًا");
    expect(t("ar", "events.seatsLeft", 100)).toBe("بقي ١٠٠ مقعد");
    expect(t("fa", "event.waitingCount", 2)).toBe("۲ نفر در انتظار");
    expect(t("ja", "events.seatsLeft", 1)).toBe("残り1席");
    expect(t("fr", "event.goingCount", 0)).toBe("0 personne inscrite");
    expect(t("fr", "event.goingCount", 1_000_000)).toBe(
      "1\u202f000\u202f000 de personnes inscrites",
    );
  });
});
