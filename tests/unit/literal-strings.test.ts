import { ESLint } from "eslint";
import i18next from "eslint-plugin-i18next";
import tseslint from "typescript-eslint";
import { describe, expect, it } from "vitest";
import { literalStringRule } from "../../eslint.config.js";
import { projectRoot } from "../support/paths";

// Only the literal-string rule, so this test fails for exactly one reason.
function linter() {
  return new ESLint({
    cwd: projectRoot,
    overrideConfigFile: true,
    overrideConfig: [
      {
        files: ["**/*.tsx"],
        languageOptions: {
          parser: tseslint.parser,
          parserOptions: { ecmaFeatures: { jsx: true } },
        },
        plugins: { i18next },
        rules: { "i18next/no-literal-string": literalStringRule as never },
      },
    ],
  });
}

describe("components render no literal UI strings", () => {
  it("finds none in app/", async () => {
    const results = await linter().lintFiles(["app/**/*.tsx"]);
    const problems = results.flatMap((r) =>
      r.messages.map((m) => `${r.filePath.replace(projectRoot, "")}:${m.line} ${m.message}`),
    );
    expect(results.length).toBeGreaterThan(5);
    expect(problems).toEqual([]);
  });

  it("would catch one (the check itself works)", async () => {
    const [result] = await linter().lintText(
      'export const Example = () => <p aria-label="Close">Welcome back</p>;',
      { filePath: "app/components/Example.tsx" },
    );
    expect(result?.messages.length).toBe(2);
  });
});
