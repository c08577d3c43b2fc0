import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import path from "node:path";
import { cruise, type ICruiseResult, type IConfiguration } from "dependency-cruiser";
import { afterEach, describe, expect, it } from "vitest";

// The rules of `npm run check:deps`, run on a small made-up app/ so we know they catch what
// they are for: a circle (also one of type-only imports) and a domain importing a route.
const config = createRequire(import.meta.url)("../../.dependency-cruiser.cjs") as IConfiguration;

let dir = "";

function write(files: Record<string, string>) {
  dir = mkdtempSync(path.join(tmpdir(), "deps-"));
  for (const [file, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    writeFileSync(path.join(dir, file), text);
  }
}

async function violations(files: Record<string, string>): Promise<string[]> {
  write(files);
  const { output } = await cruise(["app"], {
    validate: true,
    ruleSet: { forbidden: config.forbidden },
    baseDir: dir,
    tsPreCompilationDeps: true,
  });
  const result = output as ICruiseResult;
  return result.summary.violations.map((v) => `${v.rule.name}: ${v.from} -> ${v.to}`);
}

afterEach(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe("the dependency rules", () => {
  it("pass a tree that imports one way", async () => {
    expect(
      await violations({
        "app/events/rules.ts": "export const seats = 1;\n",
        "app/events/rsvp.server.ts": 'import { seats } from "./rules";\nexport const x = seats;\n',
        "app/routes/page.tsx": 'import { x } from "../events/rsvp.server";\nexport default x;\n',
      }),
    ).toEqual([]);
  });

  it("fail on a circle, even of type-only imports", async () => {
    const found = await violations({
      "app/notifications/outbox.server.ts":
        'import type { Change } from "../events/rsvp.server";\nexport type Message = Change;\n',
      "app/events/rsvp.server.ts":
        'import type { Message } from "../notifications/outbox.server";\n' +
        "export type Change = { kind: string };\nexport type M = Message;\n",
    });
    expect(found).toContain(
      "no-circular: app/events/rsvp.server.ts -> app/notifications/outbox.server.ts",
    );
  });

  it("fail when a domain imports a route or a component", async () => {
    const found = await violations({
      "app/routes/page.tsx": "export const loaderData = 1;\n",
      "app/components/Card.tsx": "export const Card = 1;\n",
      "app/mail/layout.server.ts":
        'import { loaderData } from "../routes/page";\nimport { Card } from "../components/Card";\n' +
        "export const y = loaderData + Card;\n",
    });
    expect(found.sort()).toEqual([
      "domain-not-to-ui: app/mail/layout.server.ts -> app/components/Card.tsx",
      "domain-not-to-ui: app/mail/layout.server.ts -> app/routes/page.tsx",
    ]);
  });
});
