import fs from "node:fs";
import { describe, expect, it } from "vitest";
import { supportedLocales } from "~/i18n/config";
import { rootNamespaces, routeNamespaces } from "~/i18n/namespaces";
import { messagesFor } from "~/i18n/resources.server";
import { keysUsedBy, rootModule, routeModules } from "../support/translation-keys";
import { localeMessages, pluralSuffix } from "../support/locales";

const english = localeMessages("en");
const keyPaths = new Set(
  [...english.keys()].flatMap((key) => {
    const parts = key.replace(pluralSuffix, "").split(".");
    return parts.map((_, i) => parts.slice(0, i + 1).join("."));
  }),
);
const covers = (namespaces: readonly string[], key: string) =>
  namespaces.some((namespace) => key === namespace || key.startsWith(`${namespace}.`));
const pages = routeModules().filter(({ file }) =>
  /export default function/.test(fs.readFileSync(file, "utf8")),
);

describe("translation namespaces (app/i18n/namespaces.ts)", () => {
  it("name sections and keys that exist", () => {
    const all = [...rootNamespaces, ...Object.values(routeNamespaces).flat()];
    expect(all.filter((namespace) => !keyPaths.has(namespace))).toEqual([]);
    for (const locale of supportedLocales) {
      expect(() => messagesFor(locale, all)).not.toThrow();
    }
  });

  it("list every route that renders a page, and no route that does not exist", () => {
    const ids = pages.map(({ id }) => id);
    expect(ids.length).toBeGreaterThan(30);
    expect(ids.filter((id) => !Object.hasOwn(routeNamespaces, id))).toEqual([]);
    const known = new Set(routeModules().map(({ id }) => id));
    expect(Object.keys(routeNamespaces).filter((id) => !known.has(id))).toEqual([]);
  });

  it("give root every key its layout and error pages name", () => {
    const used = [...keysUsedBy(rootModule.file)];
    expect(used.length).toBeGreaterThan(5);
    expect(used.filter((key) => !covers(rootNamespaces, key))).toEqual([]);
  });

  it.each(pages.map(({ id, file }) => [id, file] as const))(
    "give %s every key its modules name",
    (id, file) => {
      const namespaces = [...rootNamespaces, ...(routeNamespaces[id] ?? [])];
      const missing = [...keysUsedBy(file)].filter((key) => !covers(namespaces, key));
      expect(missing).toEqual([]);
    },
  );

  it("finds the keys a route names, through its components (the check itself works)", () => {
    const event = pages.find(({ id }) => id === "routes/events.$id")!;
    const used = keysUsedBy(event.file);
    // In the route file, in RsvpForm, and in a template literal in components/events.tsx.
    expect(used).toContain("event.addToCalendar");
    expect(used).toContain("rsvp.noteHint");
    expect(used).toContain("kinds");
    expect(covers(["rsvp"], "rsvp.noteHint")).toBe(true);
    expect(covers(["rsvp.note"], "rsvp.noteHint")).toBe(false);
  });
});
