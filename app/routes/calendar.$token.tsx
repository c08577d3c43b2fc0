import type { LoaderFunctionArgs } from "@remix-run/node";
import { personalFeed } from "~/calendar/feeds.server";
import { buildCalendar, icsResponse } from "~/calendar/ics.server";
import { db } from "~/db.server";
import { env } from "~/env.server";
import { getFixedT } from "~/i18n/i18next.server";
import { notFound } from "~/utils/http.server";

/** /calendar/<secret>.ics: the events this person is going to or waiting for, in their language. */
export async function loader({ params }: LoaderFunctionArgs) {
  const token = params.token?.endsWith(".ics") ? params.token.slice(0, -4) : null;
  if (!token) throw notFound();
  const feed = await personalFeed(db(), token, env().appUrl, new Date());
  if (!feed) throw notFound();
  const t = await getFixedT(feed.locale);
  return icsResponse(buildCalendar(t("calendar.personalName"), feed.entries), {
    filename: "my-tsunagu.ics",
    personal: true,
  });
}
