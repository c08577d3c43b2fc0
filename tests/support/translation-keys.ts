import fs from "node:fs";
import path from "node:path";
import { projectRoot } from "./paths";

const appDir = path.join(projectRoot, "app");
const sections = new Set(
  Object.keys(JSON.parse(fs.readFileSync(path.join(appDir, "i18n/locales/en.json"), "utf8"))),
);

/** The app file an import specifier names, or null for packages. */
function resolveImport(from: string, specifier: string): string | null {
  let base: string;
  if (specifier.startsWith("~/")) base = path.join(appDir, specifier.slice(2));
  else if (specifier.startsWith(".")) base = path.resolve(path.dirname(from), specifier);
  else return null;
  for (const candidate of [base, `${base}.ts`, `${base}.tsx`, path.join(base, "index.ts")]) {
    if (/\.tsx?$/.test(candidate) && fs.existsSync(candidate)) return candidate;
  }
  return null;
}

const importPattern = /(?:import|export)\s+(?:type\s+)?(?:[^"'`;]*?\sfrom\s+)?["']([^"']+)["']/g;
// A string that starts like a translation key: a section of the locale files, a dot, and
// maybe more ("rsvp.confirmed", "womenOnly." for `${refusal}Body`, `kinds.${kind}`).
const literalPattern = /["'`](([a-zA-Z]+)\.(?:[a-zA-Z_][\w.]*)?)(?=["'`$])/g;

/**
 * The translation keys a route may look up while rendering: every string that starts with a
 * section of the locale files and a dot ("rsvp.confirmed"; "kinds." from `kinds.${kind}` stands
 * for every key under it), in the module and every module it imports, the way the
 * browser bundle sees them. A loader's or action's own code is in the route file, so keys it
 * puts into data (error keys, titles) count too; `*.server` modules are followed one step from
 * the route file, because what they return reaches the page as data, but not beyond (their own
 * imports are mail templates and other server work the page never renders).
 */
export function keysUsedBy(routeFile: string): Set<string> {
  const found = new Set<string>();
  const seen = new Set<string>();
  const visit = (file: string, depthIntoServer: number) => {
    if (seen.has(file)) return;
    seen.add(file);
    // Comments name keys as examples; only code counts.
    const source = fs
      .readFileSync(file, "utf8")
      .replace(/\/\*[\s\S]*?\*\//g, "")
      .replace(/(^|\s)\/\/.*$/gm, "$1");
    for (const match of source.matchAll(literalPattern)) {
      if (sections.has(match[2]!)) found.add(match[1]!.replace(/\.$/, ""));
    }
    for (const match of source.matchAll(importPattern)) {
      const target = resolveImport(file, match[1]!);
      if (!target || target.includes(`${path.sep}generated${path.sep}`)) continue;
      if (/\.server\.tsx?$/.test(target)) {
        if (depthIntoServer === 0) visit(target, 1);
      } else if (depthIntoServer === 0) {
        visit(target, 0);
      }
    }
  };
  visit(routeFile, 0);
  return found;
}

/** The app modules a route's page is built from: the route file and what it imports, not `*.server`. */
export function clientModulesOf(routeFile: string): string[] {
  const seen = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    for (const match of fs.readFileSync(file, "utf8").matchAll(importPattern)) {
      const target = resolveImport(file, match[1]!);
      if (
        target &&
        !/\.server\.tsx?$/.test(target) &&
        !target.includes(`${path.sep}generated${path.sep}`)
      ) {
        visit(target);
      }
    }
  };
  visit(routeFile);
  return [...seen];
}

/** Every route module in app/routes with its Remix route id ("routes/events.$id"). */
export function routeModules(): Array<{ id: string; file: string }> {
  const dir = path.join(appDir, "routes");
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .flatMap((entry) => {
      if (entry.isFile() && /\.tsx?$/.test(entry.name) && !entry.name.includes(".test.")) {
        return [
          { id: `routes/${entry.name.replace(/\.tsx?$/, "")}`, file: path.join(dir, entry.name) },
        ];
      }
      if (entry.isDirectory()) {
        const file = ["route.tsx", "route.ts"]
          .map((f) => path.join(dir, entry.name, f))
          .find(fs.existsSync);
        return file ? [{ id: `routes/${entry.name}`, file }] : [];
      }
      return [];
    })
    .sort((a, b) => a.id.localeCompare(b.id));
}

export const rootModule = { id: "root", file: path.join(appDir, "root.tsx") };
