import { describe, expect, it } from "vitest";
import {
  contentSecurityPolicy,
  createNonce,
  securityHeaders,
} from "../../server/security-headers.js";

function directives(policy: string): Record<string, string[]> {
  return Object.fromEntries(
    policy.split(";").map((part) => {
      const [name, ...sources] = part.trim().split(/\s+/);
      return [name!, sources];
    }),
  );
}

describe("Content-Security-Policy", () => {
  it("lets scripts run only from our files or with this response's nonce", () => {
    const policy = directives(contentSecurityPolicy({ nonce: "abc123", development: false }));
    expect(policy["script-src"]).toEqual(["'self'", "'nonce-abc123'"]);
    expect(policy["script-src"]).not.toContain("'unsafe-inline'");
    expect(policy["style-src"]).toEqual(["'self'"]);
    expect(policy["default-src"]).toEqual(["'self'"]);
    expect(policy["img-src"]).toEqual(["'self'", "data:"]);
    expect(policy["connect-src"]).toEqual(["'self'"]);
    expect(policy["form-action"]).toEqual(["'self'"]);
    expect(policy["frame-ancestors"]).toEqual(["'none'"]);
    expect(policy["base-uri"]).toEqual(["'self'"]);
    expect(policy["object-src"]).toEqual(["'none'"]);
  });

  it("allows the live-reload WebSocket only for `remix dev`", () => {
    const policy = directives(contentSecurityPolicy({ nonce: "n", development: true }));
    expect(policy["connect-src"]).toEqual(["'self'", "ws:"]);
  });

  it("makes a new, unguessable nonce every time", () => {
    const nonces = new Set(Array.from({ length: 100 }, createNonce));
    expect(nonces.size).toBe(100);
    expect(Buffer.from(createNonce(), "base64")).toHaveLength(16);
  });
});

describe("security headers", () => {
  const base = { nonce: "n", path: "/", development: false };

  it("promise browsers https (HSTS) only in production", () => {
    expect(securityHeaders({ ...base, production: true })["Strict-Transport-Security"]).toBe(
      "max-age=63072000; includeSubDomains",
    );
    expect(securityHeaders({ ...base, production: false })).not.toHaveProperty(
      "Strict-Transport-Security",
    );
  });

  it("give a kept email's preview its own policy: its inline styles, no scripts, framed by us only", () => {
    const headers = securityHeaders({ ...base, path: "/dev/mailbox/abc/html", production: false });
    const policy = directives(headers["Content-Security-Policy"]!);
    expect(policy["style-src"]).toEqual(["'unsafe-inline'"]);
    expect(policy["default-src"]).toEqual(["'none'"]);
    expect(policy["script-src"]).toBeUndefined(); // falls back to default-src 'none'
    expect(policy["frame-ancestors"]).toEqual(["'self'"]);
    expect(policy.sandbox).toBeDefined();
    expect(headers["X-Frame-Options"]).toBe("SAMEORIGIN");
    // The mailbox page itself, and everything in production, keep the site's policy.
    for (const [path, production] of [
      ["/dev/mailbox", false],
      ["/dev/mailbox/abc/html", true],
      ["/dev/mailbox/abc/0", false],
    ] as const) {
      const other = securityHeaders({ ...base, path, production });
      expect(directives(other["Content-Security-Policy"]!)["style-src"], path).toEqual(["'self'"]);
      expect(other["X-Frame-Options"]).toBe("DENY");
    }
  });
});
