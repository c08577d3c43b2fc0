import js from "@eslint/js";
import i18next from "eslint-plugin-i18next";
import jsxA11y from "eslint-plugin-jsx-a11y";
import react from "eslint-plugin-react";
import reactHooks from "eslint-plugin-react-hooks";
import globals from "globals";
import tseslint from "typescript-eslint";

/** Words rendered in components must come from translations (tests/unit/literal-strings.test.ts). */
export const literalStringRule = [
  "error",
  {
    mode: "jsx-only",
    "jsx-attributes": {
      include: ["alt", "title", "placeholder", "aria-label", "aria-description", "label"],
    },
    "should-validate-template": true,
    // Code, not copy: form helpers take field names and input types.
    callees: {
      exclude: [
        "t",
        "i18n(ext)?",
        "require",
        "getInputProps",
        "getSelectProps",
        "getTextareaProps",
        "getCollectionProps",
        "field",
        "hasRole",
      ],
    },
  },
];

export default tseslint.config(
  {
    ignores: [
      "build/",
      "tests/.scratch/",
      "tests/.tmp/",
      "public/build/",
      "app/generated/",
      ".cache/",
      "data/",
      "node_modules/",
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: {
      "@typescript-eslint/no-unused-vars": [
        "error",
        { argsIgnorePattern: "^_", varsIgnorePattern: "^_" },
      ],
    },
  },
  {
    files: ["app/**/*.tsx"],
    plugins: { react, "react-hooks": reactHooks, "jsx-a11y": jsxA11y, i18next },
    settings: { react: { version: "18" } },
    rules: {
      ...react.configs.recommended.rules,
      ...react.configs["jsx-runtime"].rules,
      ...reactHooks.configs.recommended.rules,
      ...jsxA11y.configs.recommended.rules,
      "react/prop-types": "off",
      // Wide tables scroll sideways on phones; keyboard users must be able to focus that region.
      "jsx-a11y/no-noninteractive-tabindex": ["error", { tags: [], roles: ["tabpanel", "region"] }],
      "i18next/no-literal-string": literalStringRule,
    },
  },
);
