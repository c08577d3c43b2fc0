import type { LoaderFunctionArgs } from "@remix-run/node";
import { conditionalFeed, publicFeedSource } from "~/calendar/subscriptions.server";
import { feedResponse } from "~/calendar/http.server";
import { db } from "~/db.server";
import { env } from "~/env.server";
import { isEventKind } from "~/events/kinds";
import { getLocale } from "~/utils/locale.server";

/** Everyone's feed of upcoming events, `?kind=yoga` to narrow it, `?lng=fa` for Persian titles. */
export async function loader({ request }: LoaderFunctionArgs) {
  const kind = new URL(request.url).searchParams.get("kind");
  if (kind !== null && !isEventKind(kind)) throw new Response("Unknown kind", { status: 400 });
  const now = new Date();
  const source = await publicFeedSource(db(), {
    kind: kind ?? undefined,
    locale: await getLocale(request),
    now,
  });
  const feed = await conditionalFeed(db(), source, {
    appUrl: env().appUrl,
    now,
    ifNoneMatch: request.headers.get("If-None-Match"),
  });
  return feedResponse(feed, { filename: "tsunagu.ics", personal: false });
}
