import { describe, expect, it } from "vitest";
import { createElement } from "react";
import { renderToString } from "react-dom/server";

/**
 * The server renders pages with renderToString (app/entry.server.tsx). React 18.3's streaming
 * renderer wrote zero bytes where a multi-byte character met the end of its 2 KB buffer, which a
 * browser shows as U+FFFD in the middle of Persian or Arabic text; this walks the text across
 * every position of such a boundary (the same shape gave zero bytes at 5 of these 121 offsets with
 * renderToPipeableStream).
 */
describe("server-rendered text", () => {
  it("keeps Persian, Arabic, Japanese and emoji text whole wherever it falls in the page", () => {
    const text = "غذا برای بچه‌ها · طعام للأطفال · こどものごはん · 🍚";
    for (let padding = 200; padding <= 320; padding++) {
      const html = renderToString(
        createElement(
          "div",
          null,
          createElement(
            "p",
            null,
            // Many small pieces, so the text lands at every offset of the renderer's buffer.
            ...Array.from({ length: padding }, (_, i) => createElement("i", { key: i }, "x")),
          ),
          createElement("textarea", { defaultValue: text, readOnly: true }),
        ),
      );
      const bytes = Buffer.from(html, "utf8");
      expect(bytes.includes(0)).toBe(false);
      expect(html).not.toContain("\ufffd");
      expect(html).toContain(text);
    }
  });
});
