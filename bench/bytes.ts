/**
 * `npm run bench:bytes` (after `npm run build`): what a first visit to each main page downloads,
 * gzipped as server.js's compression sends it (zlib level 6): the JavaScript the page loads
 * (manifest, entry, and the modules of every matched route), its style sheets, and the
 * translations the browser fetches for those routes ("i18n", in English and in the largest
 * locale). "as sent" is JS + CSS as server.js sends it: files under its compression threshold
 * (150 bytes) go out as they are.
 * Read from public/build, so it measures exactly what `npm start` serves.
 */
import fs from "node:fs";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { matchRoutes } from "@remix-run/react";
import { supportedLocales } from "~/i18n/config";
import { translationPayloads } from "~/i18n/resources.server";

type ManifestRoute = {
  id: string;
  parentId?: string;
  path?: string;
  index?: boolean;
  module: string;
  imports?: string[];
  css?: string[];
};
type Manifest = {
  url: string;
  entry: { module: string; imports: string[] };
  routes: Record<string, ManifestRoute>;
};

const pages: Array<[name: string, url: string]> = [
  ["home", "/"],
  ["events", "/events"],
  ["an event", "/events/e1"],
  ["settings", "/settings"],
  ["mentoring", "/mentoring"],
];

const publicDir = path.resolve("public");
const buildDir = path.join(publicDir, "build");
const manifestFile = fs.readdirSync(buildDir).find((file) => /^manifest-.*\.js$/.test(file));
if (!manifestFile) throw new Error("No public/build/manifest-*.js: run `npm run build` first.");
const manifestSource = fs.readFileSync(path.join(buildDir, manifestFile), "utf8");
const manifest = JSON.parse(
  manifestSource.replace(/^window\.__remixManifest=/, "").replace(/;\s*$/, ""),
) as Manifest;

type RouteObject = Parameters<typeof matchRoutes>[0][number];

function routeTree(parentId: string | undefined): RouteObject[] {
  return Object.values(manifest.routes)
    .filter((route) => route.parentId === parentId)
    .map((route) =>
      route.index
        ? { id: route.id, path: route.path, index: true }
        : { id: route.id, path: route.path, children: routeTree(route.id) },
    );
}
const routes = routeTree(undefined);

const gzipped = (text: string | Buffer) => gzipSync(text).length;
const assetSize = (url: string) => gzipped(fs.readFileSync(path.join(publicDir, url)));
// server.js's compression leaves responses under its threshold uncompressed.
const COMPRESSION_THRESHOLD = 150;
const sentSize = (url: string) => {
  const bytes = fs.readFileSync(path.join(publicDir, url));
  return bytes.length < COMPRESSION_THRESHOLD ? bytes.length : gzipped(bytes);
};

/** Style sheets the page links: the CSS each route module's chunk imports (`links` and bundles). */
function stylesheets(routeIds: string[]): string[] {
  const metafile = JSON.parse(fs.readFileSync("build/metafile.js.json", "utf8")) as {
    outputs: Record<string, { imports: Array<{ path: string; kind: string }> }>;
  };
  const css = new Set<string>();
  // Remix turns `import url from "x.css"` into an asset file whose URL the route's `links` return;
  // every built CSS file a page's JavaScript references is one the page links.
  const js = jsFiles(routeIds).map((url) => path.join("public", url));
  for (const file of js) {
    const text = fs.readFileSync(file, "utf8");
    for (const match of text.matchAll(/"(\/build\/_assets\/[^"]+\.css)"/g)) css.add(match[1]!);
    for (const imported of metafile.outputs[file]?.imports ?? [])
      if (imported.path.endsWith(".css")) css.add(`/${path.relative("public", imported.path)}`);
  }
  return [...css];
}

// With lazy route discovery a page inlines the manifest of its own routes (and of its parent
// paths' routes) instead of importing the whole manifest file; counted as JavaScript either way.
const lazyDiscovery = /v3_lazyRouteDiscovery: (!0|true)/.test(
  fs.readFileSync("build/index.js", "utf8"),
);

function manifestSize(url: string): number {
  if (!lazyDiscovery) return assetSize(manifest.url);
  const ids = new Set<string>();
  const segments = url.split("/").filter(Boolean);
  const paths = [
    url,
    "/",
    ...segments.slice(0, -1).map((_, i) => `/${segments.slice(0, i + 1).join("/")}`),
  ];
  for (const p of paths) for (const match of matchRoutes(routes, p) ?? []) ids.add(match.route.id!);
  const partial = {
    ...manifest,
    routes: Object.fromEntries([...ids].map((id) => [id, manifest.routes[id]])),
  };
  return gzipped(`window.__remixManifest = ${JSON.stringify(partial, null, 2)};`);
}

function jsFiles(routeIds: string[]): string[] {
  const files = new Set<string>([manifest.entry.module, ...manifest.entry.imports]);
  for (const id of routeIds) {
    const route = manifest.routes[id]!;
    files.add(route.module);
    for (const file of route.imports ?? []) files.add(file);
  }
  return [...files];
}

const kb = (bytes: number) => (bytes / 1024).toFixed(1).padStart(6);
const header = `${"page".padEnd(12)}${"JS".padStart(8)}${"CSS".padStart(8)}${"JS+CSS".padStart(8)}${"i18n en".padStart(9)}${"i18n max".padStart(10)}${"as sent".padStart(9)}  (KB gzipped)`;
console.log(header);
for (const [name, url] of pages) {
  const matches = matchRoutes(routes, url);
  if (!matches) throw new Error(`No route matches ${url}`);
  const routeIds = matches.map((match) => match.route.id as string);
  const js = jsFiles(routeIds).reduce((sum, file) => sum + assetSize(file), manifestSize(url));
  const css = stylesheets(routeIds).reduce((sum, file) => sum + assetSize(file), 0);
  const sent = [...jsFiles(routeIds), ...stylesheets(routeIds)].reduce(
    (sum, file) => sum + sentSize(file),
    manifestSize(url),
  );
  const translations = supportedLocales.map((locale) =>
    translationPayloads(locale, routeIds).reduce((sum, payload) => sum + gzipped(payload), 0),
  );
  console.log(
    `${name.padEnd(12)}${kb(js)}  ${kb(css)}  ${kb(js + css)}  ${kb(translations[0]!)}   ${kb(Math.max(...translations))}   ${kb(sent)}   ${routeIds.join(" > ")}`,
  );
}
