import { describe, expect, it } from "vitest";
import { safeRedirect } from "~/utils/safe-redirect";

describe("safeRedirect", () => {
  it.each([
    ["/settings", "/settings"],
    ["/events?kind=yoga&page=2", "/events?kind=yoga&page=2"],
    ["/events/abc#rsvp", "/events/abc#rsvp"],
    ["/events/%E3%82%AB%E3%83%95%E3%82%A7", "/events/%E3%82%AB%E3%83%95%E3%82%A7"],
    // Non-ASCII is sent percent-encoded: a raw character in Location would be an invalid header.
    ["/events?q=カフェ", "/events?q=%E3%82%AB%E3%83%95%E3%82%A7"],
    ["/événements", "/%C3%A9v%C3%A9nements"],
  ])("keeps the same-site path %s as %s", (input, expected) => {
    expect(safeRedirect(input)).toBe(expected);
  });

  // Each of these has sent a browser to another site somewhere, or broke a Location header.
  it.each([
    "//evil.example",
    "///evil.example",
    "/\\evil.example",
    "\\\\evil.example",
    "/%09/evil.example",
    "/\t/evil.example",
    "/\n/evil.example",
    "/\r\n/evil.example",
    "/%0a/evil.example",
    "/%0d%0aSet-Cookie:x=1",
    "/%2F/evil.example",
    "/%2f%2fevil.example",
    "/%5Cevil.example",
    "/%5C%5Cevil.example",
    "/.//evil.example",
    "/..//evil.example",
    "/./\\evil.example",
    " /evil",
    "/ /evil",
    "\u0000/evil",
    "/\u0000/evil.example",
    "/\u007f/evil.example",
    "https://evil.example",
    "http:/evil.example",
    "javascript:alert(1)",
    "JaVaScRiPt:alert(1)",
    "data:text/html,<script>alert(1)</script>",
    "evil.example",
    "/%E0%A4%A",
    "%2F%2Fevil.example",
    "",
    `/${"a".repeat(2000)}`,
  ])("refuses %j", (input) => {
    expect(safeRedirect(input)).toBe("/");
  });

  it("uses the fallback for anything that is not a string", () => {
    for (const input of [null, undefined, 42, ["/settings"], { to: "/" }]) {
      expect(safeRedirect(input, "/events")).toBe("/events");
    }
  });

  it("never returns a value a browser would resolve off-site, for any single character after /", () => {
    for (let code = 0; code < 0x3000; code++) {
      for (const input of [
        `/${String.fromCharCode(code)}/evil.example`,
        `/${String.fromCharCode(code)}evil.example`,
      ]) {
        const target = safeRedirect(input);
        expect(new URL(target, "https://tsunagu.example").host).toBe("tsunagu.example");
        expect(target).toMatch(/^\/[\x21-\x7e]*$/);
      }
    }
  });
});
