import { describe, expect, it } from "vitest";
import { SharedPages } from "~/utils/shared-pages.server";

describe("SharedPages (rendered pages kept for every visitor)", () => {
  const setup = (limit = 2, ttlMs = 1000) => {
    let clock = 0;
    let renders = 0;
    const pages = new SharedPages({ limit, ttlMs, now: () => clock });
    const render = (body: string) => (nonce: string) => {
      renders += 1;
      return `<script nonce="${nonce}">${body}</script><p>${nonce}</p>`;
    };
    return {
      pages,
      render,
      renders: () => renders,
      tick: (ms: number) => (clock += ms),
    };
  };

  it("renders a page once and gives every response its own nonce", () => {
    const { pages, render, renders } = setup();
    expect(pages.page("a", "n1", render("x"))).toBe('<script nonce="n1">x</script><p>n1</p>');
    expect(pages.page("a", "n2", render("y"))).toBe('<script nonce="n2">x</script><p>n2</p>');
    expect(renders()).toBe(1);
  });

  it("never shows the placeholder, and it is not guessable from one process to another", () => {
    const { pages, render } = setup();
    const html = pages.page("a", "n1", render("x"));
    expect(html).not.toContain(pages.placeholder);
    expect(new SharedPages({ limit: 1, ttlMs: 1 }).placeholder).not.toBe(pages.placeholder);
    expect(pages.placeholder).toMatch(/^shared-[0-9a-f]{32}$/);
  });

  it("renders again once the entry is older than its time to live", () => {
    const { pages, render, renders, tick } = setup(2, 1000);
    pages.page("a", "n", render("old"));
    tick(999);
    expect(pages.page("a", "n", render("new"))).toContain("old");
    tick(1);
    expect(pages.page("a", "n", render("new"))).toContain("new");
    expect(renders()).toBe(2);
  });

  it("keeps at most `limit` pages, dropping the one used longest ago", () => {
    const { pages, render, renders } = setup(2);
    pages.page("a", "n", render("a"));
    pages.page("b", "n", render("b"));
    pages.page("a", "n", render("a2")); // a is now the most recent
    pages.page("c", "n", render("c")); // b goes
    expect(pages.size).toBe(2);
    expect(pages.page("a", "n", render("a3"))).toContain(">a<");
    expect(pages.page("b", "n", render("b2"))).toContain(">b2<");
    expect(renders()).toBe(4);
  });
});
