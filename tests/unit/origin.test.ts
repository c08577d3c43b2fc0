import { describe, expect, it } from "vitest";
import { isAllowedOrigin } from "../../server/origin.js";

const host = "tsunagu.example";

describe("origin check for non-GET requests", () => {
  it("lets reads through from anywhere", () => {
    expect(isAllowedOrigin({ method: "GET", origin: "https://evil.example", host })).toBe(true);
    expect(isAllowedOrigin({ method: "HEAD", host })).toBe(true);
  });

  it("accepts posts from our own pages", () => {
    expect(isAllowedOrigin({ method: "POST", origin: "https://tsunagu.example", host })).toBe(true);
    expect(
      isAllowedOrigin({ method: "POST", referer: "https://tsunagu.example/settings", host }),
    ).toBe(true);
    expect(
      isAllowedOrigin({
        method: "POST",
        origin: "https://tsunagu.example",
        host: "127.0.0.1:3000",
        appUrl: "https://tsunagu.example",
      }),
    ).toBe(true);
  });

  it("lets one-click unsubscribe through without an origin, and nothing else", () => {
    expect(isAllowedOrigin({ method: "POST", path: "/unsubscribe/abc/event_reminder", host })).toBe(
      true,
    );
    expect(isAllowedOrigin({ method: "POST", path: "/settings", host })).toBe(false);
    expect(isAllowedOrigin({ method: "POST", path: "/unsubscribe", host })).toBe(false);
  });

  it("refuses posts from other sites, or that say nothing about where they come from", () => {
    expect(isAllowedOrigin({ method: "POST", origin: "https://evil.example", host })).toBe(false);
    expect(
      isAllowedOrigin({ method: "DELETE", origin: "https://tsunagu.example.evil.example", host }),
    ).toBe(false);
    expect(isAllowedOrigin({ method: "POST", origin: "null", host })).toBe(false);
    expect(isAllowedOrigin({ method: "POST", host })).toBe(false);
    expect(isAllowedOrigin({ method: "POST", referer: "not a url", host })).toBe(false);
  });
});
