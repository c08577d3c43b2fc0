import type { LoaderFunctionArgs } from "@remix-run/node";
import { publicFeedEntries } from "~/calendar/feeds.server";
import { buildCalendar, icsResponse } from "~/calendar/ics.server";
import { db } from "~/db.server";
import { env } from "~/env.server";
import { isEventKind } from "~/events/kinds";
import { getFixedT } from "~/i18n/i18next.server";
import { getLocale } from "~/utils/locale.server";

/** Everyone's feed of upcoming events, `?kind=yoga` to narrow it, `?lng=fa` for Persian titles. */
export async function loader({ request }: LoaderFunctionArgs) {
  const kind = new URL(request.url).searchParams.get("kind");
  if (kind !== null && !isEventKind(kind)) throw new Response("Unknown kind", { status: 400 });
  const locale = await getLocale(request);
  const t = await getFixedT(locale);
  const entries = await publicFeedEntries(db(), {
    kind: kind ?? undefined,
    locale,
    appUrl: env().appUrl,
    now: new Date(),
  });
  const name = kind ? `${t("app.name")}: ${t(`kinds.${kind}`)}` : t("app.name");
  return icsResponse(buildCalendar(name, entries), { filename: "tsunagu.ics", personal: false });
}
