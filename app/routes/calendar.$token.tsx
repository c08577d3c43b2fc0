import type { LoaderFunctionArgs } from "@remix-run/node";
import { conditionalFeed, personalFeedSource } from "~/calendar/subscriptions.server";
import { feedResponse } from "~/calendar/http.server";
import { db } from "~/db.server";
import { env } from "~/env.server";
import { notFound } from "~/utils/http.server";

/** /calendar/<secret>.ics: the events this person is going to or waiting for, in their language. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const token = params.token?.endsWith(".ics") ? params.token.slice(0, -4) : null;
  if (!token) throw notFound();
  const now = new Date();
  const source = await personalFeedSource(db(), token, now);
  if (!source) throw notFound();
  const feed = await conditionalFeed(db(), source, {
    appUrl: env().appUrl,
    now,
    ifNoneMatch: request.headers.get("If-None-Match"),
  });
  return feedResponse(feed, { filename: "my-tsunagu.ics", personal: true });
}
