/**
 * HTTP for subscribed feeds. Calendar apps on phones re-fetch a feed every few minutes to hours;
 * with an ETag they send `If-None-Match` and an unchanged feed costs one read and a 304.
 */

/**
 * Whether `If-None-Match` names this ETag (or is `*`). RFC 9110 compares weakly here, so a tag a
 * proxy marked `W/` still matches.
 */
export function ifNoneMatchHits(header: string | null, etag: string): boolean {
  if (!header) return false;
  const bare = (tag: string) => tag.trim().replace(/^W\//, "");
  return header.split(",").some((tag) => tag.trim() === "*" || bare(tag) === bare(etag));
}

export type FeedKind = {
  filename: string;
  /**
   * Personal feeds carry private places: no shared cache may keep them (`private`), and the
   * phone asks again each time (`no-cache`), which with the ETag is a 304. `no-store` would
   * forbid keeping the copy a conditional request needs.
   */
  personal: boolean;
};

function feedHeaders(etag: string, kind: FeedKind): Record<string, string> {
  return {
    ETag: etag,
    "Cache-Control": kind.personal ? "private, no-cache" : "public, max-age=300",
    // The public feed's language comes from ?lng, then the cookie (the language cookie or the
    // session's saved preference), then Accept-Language (app/i18n/i18next.server.ts).
    ...(kind.personal ? {} : { Vary: "Accept-Language, Cookie" }),
  };
}

/** The feed's body, or a 304 without one when `body` is null. */
export function feedResponse(feed: { etag: string; body: string | null }, kind: FeedKind) {
  if (feed.body === null) {
    return new Response(null, { status: 304, headers: feedHeaders(feed.etag, kind) });
  }
  return new Response(feed.body, {
    headers: {
      "Content-Type": "text/calendar; charset=utf-8",
      "Content-Disposition": `inline; filename="${kind.filename}"`,
      ...feedHeaders(feed.etag, kind),
    },
  });
}
