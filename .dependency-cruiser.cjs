/**
 * The import rules `npm run check:deps` enforces (part of `npm test`). Type-only imports count:
 * a circle of types is still a circle a reader has to untangle.
 */
const domains = "(accounts|events|calendar|notifications|mentorship|care|safety|mail|i18n|db)";

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: "no-circular",
      severity: "error",
      comment: "Modules in app/ import one another in one direction only.",
      from: { path: "^app/" },
      to: { circular: true },
    },
    {
      name: "domain-not-to-ui",
      severity: "error",
      comment: "Domain code never depends on routes or components; they depend on it.",
      from: { path: `^app/(${domains}/|db\\.server\\.ts$)` },
      to: { path: "^app/(routes|components)/" },
    },
  ],
  options: {
    doNotFollow: { path: "node_modules" },
    exclude: { path: "^app/generated/" },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: "tsconfig.json" },
    enhancedResolveOptions: {
      extensions: [".ts", ".tsx", ".js", ".jsx", ".json"],
    },
  },
};
