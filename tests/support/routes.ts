import fs from "node:fs";
import path from "node:path";
import { projectRoot } from "./paths";

/**
 * The app's routes, read from app/routes the way Remix v2's flat-routes convention reads them,
 * so suites that walk every route cover a new one without being edited:
 * `.` separates URL segments, `$name` is a param (a trailing `$` a splat), `[...]` escapes,
 * `_index` is an index route, a leading `_` makes a pathless layout segment, a trailing `_`
 * opts out of layout nesting, `(segment)` is optional. A folder counts through its
 * `route.tsx` (or `index.tsx`).
 */
export type Segment =
  | { kind: "static"; value: string }
  | { kind: "param"; name: string; optional: boolean }
  | { kind: "splat" };

export type RouteFile = {
  /** The name in app/routes, e.g. `events.$id.tsx`, or a folder name. */
  file: string;
  /** Remix's route id, e.g. `routes/events.$id` (the `?_data=` value). */
  id: string;
  /** `/events/:id`, as React Router writes it. */
  pattern: string;
  segments: Segment[];
  params: string[];
  hasLoader: boolean;
  hasAction: boolean;
  source: string;
};

export const routesDir = path.join(projectRoot, "app", "routes");
const moduleExtensions = [".tsx", ".ts", ".jsx", ".js"];

/** Remix's own tokeniser: separators outside brackets split, `[...]` keeps characters as they are. */
function rawSegments(name: string): { segment: string; raw: string }[] {
  const out: { segment: string; raw: string }[] = [];
  let segment = "";
  let raw = "";
  let state: "normal" | "escape" | "optional" | "optionalEscape" = "normal";
  const push = () => {
    if (segment) out.push({ segment, raw });
    segment = "";
    raw = "";
  };
  for (let i = 0; i < name.length; i++) {
    const char = name[i]!;
    const paramStart = !segment && char === "$";
    const param = i === name.length - 1 ? "*" : ":";
    if (state === "normal" && (char === "." || char === "/")) {
      push();
      continue;
    }
    raw += char;
    if (state === "normal" || state === "optional") {
      if (char === "[") state = state === "normal" ? "escape" : "optionalEscape";
      else if (state === "normal" && char === "(") state = "optional";
      else if (state === "optional" && char === ")") {
        segment += "?";
        state = "normal";
      } else segment += paramStart ? param : char;
    } else if (char === "]") state = state === "escape" ? "normal" : "optional";
    else segment += char;
  }
  push();
  return out;
}

export function parseRouteName(name: string): { segments: Segment[]; pattern: string } {
  let parts = rawSegments(name);
  if (name === "_index" || name.endsWith("._index")) parts = parts.slice(0, -1);
  const segments: Segment[] = [];
  for (const { segment, raw } of parts) {
    if (segment.startsWith("_") && raw.startsWith("_")) continue; // pathless layout
    const value = segment.endsWith("_") && raw.endsWith("_") ? segment.slice(0, -1) : segment;
    if (value === "*") segments.push({ kind: "splat" });
    else if (value.startsWith(":")) {
      const optional = value.endsWith("?");
      segments.push({ kind: "param", name: value.slice(1, optional ? -1 : undefined), optional });
    } else segments.push({ kind: "static", value: value.replace(/\?$/, "") });
  }
  const pattern =
    "/" +
    segments
      .map((s) =>
        s.kind === "static"
          ? s.value
          : s.kind === "splat"
            ? "*"
            : `:${s.name}${s.optional ? "?" : ""}`,
      )
      .join("/");
  return { segments, pattern };
}

const exportsFunction = (source: string, name: string) =>
  new RegExp(
    `export\\s+(async\\s+)?function\\s+${name}\\b|export\\s+(const|let)\\s+${name}\\b|export\\s*\\{[^}]*\\b${name}\\b[^}]*\\}`,
  ).test(source);

function moduleIn(dir: string): string | null {
  for (const base of ["route", "index"]) {
    for (const ext of moduleExtensions) {
      const candidate = path.join(dir, base + ext);
      if (fs.existsSync(candidate)) return candidate;
    }
  }
  return null;
}

export function discoverRoutes(dir = routesDir): RouteFile[] {
  const routes: RouteFile[] = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    if (entry.name.startsWith(".")) continue;
    let file: string | null = null;
    let name: string;
    if (entry.isDirectory()) {
      file = moduleIn(path.join(dir, entry.name));
      name = entry.name;
    } else {
      const ext = moduleExtensions.find((e) => entry.name.endsWith(e));
      if (!ext) continue;
      file = path.join(dir, entry.name);
      name = entry.name.slice(0, -ext.length);
    }
    if (!file) continue;
    const source = fs.readFileSync(file, "utf8");
    const { segments, pattern } = parseRouteName(name);
    routes.push({
      file: entry.name,
      id: `routes/${name}`,
      pattern,
      segments,
      params: segments.flatMap((s) =>
        s.kind === "param" ? [s.name] : s.kind === "splat" ? ["*"] : [],
      ),
      hasLoader: exportsFunction(source, "loader"),
      hasAction: exportsFunction(source, "action"),
      source,
    });
  }
  return routes.sort((a, b) => a.file.localeCompare(b.file));
}

/** A concrete path: each param (and splat) filled and percent-encoded; optional ones may be left out. */
export function pathFor(
  route: Pick<RouteFile, "segments">,
  values: Record<string, string | undefined>,
) {
  const parts: string[] = [];
  for (const segment of route.segments) {
    if (segment.kind === "static") parts.push(segment.value);
    else {
      const value = values[segment.kind === "splat" ? "*" : segment.name];
      if (value === undefined) {
        if (segment.kind === "param" && segment.optional) continue;
        throw new Error(`No value for ${segment.kind === "splat" ? "*" : segment.name}`);
      }
      parts.push(encodeURIComponent(value));
    }
  }
  return "/" + parts.join("/");
}

/**
 * Words a route's module itself uses for form fields and intents (`name="..."`, `get("...")`,
 * `intent === "..."`, `case "...":`, `z.literal("...")`), so fuzzed bodies reach past the first
 * check of a new route too.
 */
export function vocabularyOf(source: string): { names: string[]; values: string[] } {
  const names = new Set<string>();
  const values = new Set<string>();
  for (const m of source.matchAll(/\bname="([\w.[\]-]+)"/g)) names.add(m[1]!);
  for (const m of source.matchAll(/\.get(?:All)?\("([\w.[\]-]+)"\)/g)) names.add(m[1]!);
  for (const m of source.matchAll(/\b(\w+):\s*z\./g)) names.add(m[1]!);
  for (const m of source.matchAll(/(?:===|!==)\s*"([\w-]{1,40})"/g)) values.add(m[1]!);
  for (const m of source.matchAll(/case\s+"([\w-]{1,40})"\s*:/g)) values.add(m[1]!);
  for (const m of source.matchAll(/z\.literal\("([\w-]{1,40})"\)/g)) values.add(m[1]!);
  for (const m of source.matchAll(/\bvalue="([\w-]{1,40})"/g)) values.add(m[1]!);
  return { names: [...names], values: [...values] };
}

function filesUnder(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === "generated" ? [] : filesUnder(full);
    return /\.tsx?$/.test(entry.name) ? [full] : [];
  });
}

/** Field names the app's shared form schemas (app/**\/schemas.ts) know, for every route's fuzzing. */
export function appFieldNames(): string[] {
  const names = new Set<string>();
  for (const file of filesUnder(path.join(projectRoot, "app"))) {
    if (path.basename(file) !== "schemas.ts") continue;
    for (const m of fs.readFileSync(file, "utf8").matchAll(/^\s+(\w+):\s/gm)) names.add(m[1]!);
  }
  return [...names].sort();
}
