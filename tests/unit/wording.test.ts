import { describe, expect, it } from "vitest";
import { supportedLocales, type Locale } from "~/i18n/config";
import { localeMessages } from "../support/locales";

/** docs/glossary.md, the parts a machine can check. */

const all = Object.fromEntries(supportedLocales.map((l) => [l, localeMessages(l)])) as Record<
  Locale,
  Map<string, string>
>;

/** Words for a mentoring pair that mean "mate", "matchmaking", "coupling" or "spouse". */
const bannedEverywhere: Partial<Record<Locale, RegExp>> = {
  fa: /جفت/,
  ar: /اقتران|اقترن|مقترن|زوج|أزواج/,
  fr: /appari/i,
};

/** Any language's word for refugee or asylum: none may reach a lock screen. */
const refugeeWords =
  /refugee|asylum|réfugi|asile|難民|なんみん|亡命|ぼうめい|庇護|ひご|پناه|لاجئ|لجوء|اللجوء/i;

/**
 * Texts shown outside the app, where anyone glancing at a phone can read them: email subjects
 * (and the kind names they interpolate), calendar names, calendar titles and alarm texts (the
 * kind's neutral name, the group's name pattern) and public feed names (the UI kind labels).
 */
const lockScreenKey = (key: string) =>
  key === "app.name" ||
  key.startsWith("mail.subject.") ||
  key === "mail.resetSubject" ||
  key.startsWith("mail.gathering.") ||
  key.startsWith("kinds.") ||
  key === "calendar.personalName" ||
  key.startsWith("calendarTitles.");

function lockScreenHits(messages: Map<string, string>): string[] {
  return [...messages]
    .filter(([key, text]) => lockScreenKey(key) && refugeeWords.test(text))
    .map(([key]) => key);
}

/** Before : ; ? ! » and after «, French puts a non-breaking space (U+00A0 or U+202F), never a plain one. */
function frenchSpacingErrors(text: string): string[] {
  const errors: string[] = [];
  for (const m of text.matchAll(/(.)([;?!»])/gu))
    if (!/[\u00a0\u202f]/.test(m[1]!)) errors.push(m[0]);
  for (const m of text.matchAll(/«(.)/gu)) if (!/[\u00a0\u202f]/.test(m[1]!)) errors.push(m[0]);
  // A colon also needs one, except inside https:// and 14:00.
  for (const m of text.matchAll(/(.):(?=(.?))/gu))
    if (!/[\u00a0\u202f]/.test(m[1]!) && !(m[2] === "/" || /\d/.test(m[1]!))) errors.push(m[0]);
  return errors;
}

describe("glossary", () => {
  it.each(Object.keys(bannedEverywhere) as Locale[])(
    "%s never names a mentoring pair with a word for mate or spouse",
    (locale) => {
      const banned = bannedEverywhere[locale]!;
      const hits = [...all[locale]].filter(([, text]) => banned.test(text)).map(([k]) => k);
      expect(hits).toEqual([]);
    },
  );

  it("the banned-word lists catch the words the reviewers found", () => {
    expect(bannedEverywhere.ar!.test("الإرشاد: انتهى اقترانك")).toBe(true);
    expect(bannedEverywhere.ar!.test("الأزواج المقترحة")).toBe(true);
    expect(bannedEverywhere.fa!.test("جفت‌یابی")).toBe(true);
    expect(bannedEverywhere.ar!.test("ثنائي الإرشاد")).toBe(false);
  });

  it.each(supportedLocales)(
    "%s says nothing about refugees or asylum on a lock screen",
    (locale) => {
      expect(lockScreenHits(all[locale])).toEqual([]);
    },
  );

  it("the lock-screen check catches the old kind names", () => {
    for (const old of [
      "Refugee Café",
      "難民カフェ",
      "کافهٔ پناهندگان",
      "مقهى اللاجئين",
      "Café des réfugiés",
    ]) {
      expect(lockScreenHits(new Map([["kinds.cafe", old]]))).toEqual(["kinds.cafe"]);
    }
    // The body may still promise we never ask about asylum: it is not a lock-screen text.
    expect(lockScreenHits(new Map([["mentoring.privacyNote", "asylum"]]))).toEqual([]);
  });

  it("has one name for the mentoring programme in Persian and Arabic", () => {
    expect(all.fa.get("mentoring.title")).toBe(all.fa.get("nav.mentoring"));
    expect(all.ar.get("mentoring.title")).toBe(all.ar.get("nav.mentoring"));
    const programme = all.fa.get("nav.mentoring")!;
    for (const [key, text] of all.fa) {
      if (key.startsWith("mail.subject.mentoring_")) expect(text.startsWith(programme)).toBe(true);
    }
    expect([...all.fa.values()].filter((text) => /همراهی دانشجویان/.test(text))).toEqual([]);
  });

  it("writes French with a non-breaking space before : ; ? ! » and after «", () => {
    const wrong = [...all.fr].filter(([, text]) => frenchSpacingErrors(text).length > 0);
    expect(wrong.map(([key, text]) => `${key}: ${frenchSpacingErrors(text).join(" ")}`)).toEqual(
      [],
    );
  });

  it("the French spacing check catches a plain space and allows links and times", () => {
    expect(frenchSpacingErrors("Comment ça va ?")).toEqual([" ?"]);
    expect(frenchSpacingErrors("Note : oui")).toEqual([" :"]);
    expect(frenchSpacingErrors("« Oui »")).toEqual([" »", "« "]);
    expect(frenchSpacingErrors("à 14:00, sur https://exemple.fr\u00a0!")).toEqual([]);
  });

  it("uses the names Google gives its calendar in French and Japanese", () => {
    expect(all.fr.get("event.googleCalendar")).toContain("Google Agenda");
    expect([...all.fr.values()].filter((t) => t.includes("Google Calendar"))).toEqual([]);
    for (const l of ["ja", "ja-x-easy"] as const)
      expect([...all[l].values()].filter((t) => t.includes("Google Calendar"))).toEqual([]);
  });

  it("keeps 受付 for the door check-in only, not for answering an event", () => {
    for (const l of ["ja", "ja-x-easy"] as const) {
      for (const key of ["errors.rsvpClosed", "rsvp.closed", "organize.rsvpDeadlineHours"])
        expect(all[l].get(key)).not.toMatch(/受付|うけつけ/);
      expect(all[l].get("organize.checkIn")).toMatch(/受付|うけつけ/);
    }
  });

  it("writes first-person answers without a grammatical gender", () => {
    expect(all.ar.get("mentoring.fit.unsure")).not.toMatch(/متأكدًا|متأكدة/);
    expect(all.fr.get("mentoring.fit.unsure")).not.toMatch(/sûr/);
    expect(all.fr.get("mentoring.approved")).not.toMatch(/êtes validé/);
  });

  it("asks for a spoken interpreter in Arabic, not simultaneous interpreting", () => {
    expect([...all.ar.values()].filter((t) => t.includes("ترجمة فورية"))).toEqual([]);
  });
});
