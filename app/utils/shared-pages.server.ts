import crypto from "node:crypto";

/**
 * The rendered HTML of shared pages, the ones `conditionalDocument` gave an ETag: the same for
 * every visitor in one language, and named by that ETag (build, status and every loader's data)
 * together with the full address. A busy list is then rendered once per version instead of once
 * per visitor (docs/decisions/0016). It is exactly as fresh as the 304s the same ETag already
 * allows, and entries also expire after `ttlMs`, so nothing drawn from the clock at render time
 * outlives a minute.
 *
 * Each response carries its own CSP nonce, so pages are rendered with a placeholder, random per
 * process, that is replaced by the response's nonce on the way out.
 */
export class SharedPages {
  readonly placeholder = `shared-${crypto.randomBytes(16).toString("hex")}`;
  readonly #pages = new Map<string, { html: string; expires: number }>();

  constructor(
    private readonly options: { limit: number; ttlMs: number; now?: () => number },
  ) {}

  /** The page for `key` with `nonce` in it, drawn by `render(placeholder)` when not kept. */
  page(key: string, nonce: string, render: (nonce: string) => string): string {
    const now = (this.options.now ?? Date.now)();
    let kept = this.#pages.get(key);
    if (kept && kept.expires <= now) {
      this.#pages.delete(key);
      kept = undefined;
    }
    if (kept) {
      // Most recently used last, so the oldest use is the first to go.
      this.#pages.delete(key);
      this.#pages.set(key, kept);
    } else {
      kept = { html: render(this.placeholder), expires: now + this.options.ttlMs };
      if (this.#pages.size >= this.options.limit) {
        this.#pages.delete(this.#pages.keys().next().value!);
      }
      this.#pages.set(key, kept);
    }
    return kept.html.replaceAll(this.placeholder, nonce);
  }

  get size(): number {
    return this.#pages.size;
  }
}

/** The key of a response that may be shared, or null: only pages given an ETag are. */
export function sharedPageKey(request: Request, headers: Headers): string | null {
  const etag = headers.get("ETag");
  return etag ? `${etag} ${request.url}` : null;
}

/** About 60 KB each: a few megabytes at most, for the pages (and languages) most visited. */
export const sharedPages = new SharedPages({ limit: 100, ttlMs: 60_000 });
