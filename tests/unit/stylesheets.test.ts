import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { projectRoot } from "../support/paths";
import { clientModulesOf, routeModules } from "../support/translation-keys";

// Area style sheets (app/styles/*.css besides app.css) are linked by the routes that use them.
const stylesDir = path.join(projectRoot, "app", "styles");
const base = fs.readFileSync(path.join(stylesDir, "app.css"), "utf8");
const inBase = (name: string) => new RegExp(`\\.${name}(?![\\w-])`).test(base);
// A sheet's own classes: those app.css does not style (it may refine app.css's, as in
// `.print-sheet .resource`, which pages without the sheet use as before).
const sheets = fs
  .readdirSync(stylesDir)
  .filter((file) => file.endsWith(".css") && file !== "app.css")
  .map((file) => {
    const css = fs
      .readFileSync(path.join(stylesDir, file), "utf8")
      .replace(/\/\*[\s\S]*?\*\//g, "");
    const names = [...css.matchAll(/\.([a-zA-Z][\w-]*)/g)].map((m) => m[1]!);
    return { file, classes: new Set(names.filter((name) => !inBase(name))) };
  });
/** Class names a module writes in className attributes; `report-state--${x}` gives a prefix. */
function classNames(source: string): string[] {
  const values = [...source.matchAll(/className=(?:"([^"]*)"|\{`([^`]*)`\}|\{([^}]*)\})/g)].map(
    (m) => m[1] ?? m[2] ?? m[3] ?? "",
  );
  return values.flatMap((value) =>
    [...value.matchAll(/[a-zA-Z][\w-]*(?:\$\{)?/g)].map((m) => m[0]),
  );
}

const pages = routeModules().filter(({ file }) =>
  /export default function/.test(fs.readFileSync(file, "utf8")),
);

describe("area style sheets", () => {
  it("exist, each with classes of its own", () => {
    expect(sheets.length).toBeGreaterThan(0);
    for (const { classes } of sheets) expect(classes.size).toBeGreaterThan(0);
  });

  it.each(pages.map(({ id, file }) => [id, file] as const))(
    "are linked by %s when it uses their classes",
    (_id, file) => {
      const route = fs.readFileSync(file, "utf8");
      const used = clientModulesOf(file).flatMap((module) =>
        classNames(fs.readFileSync(module, "utf8")),
      );
      const unlinked = sheets.flatMap(({ file: sheet, classes }) => {
        if (route.includes(`~/styles/${sheet}"`)) return [];
        return used
          .filter((name) =>
            name.endsWith("${")
              ? [...classes].some((c) => c.startsWith(name.slice(0, -2)))
              : classes.has(name),
          )
          .map((name) => `${name} (${sheet})`);
      });
      expect(unlinked).toEqual([]);
    },
  );
});
