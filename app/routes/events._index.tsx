import type { HeadersFunction, LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { Pager } from "~/components/Pager";
import { getSessionUser } from "~/accounts/sessions.server";
import { EventCard } from "~/components/EventCard";
import { FilterSelect } from "~/components/FilterSelect";
import { publicFeedWebcal } from "~/calendar/urls.server";
import { db } from "~/db.server";
import { eventKinds } from "~/events/kinds";
import { spokenLanguageChoices } from "~/events/languages";
import { listUpcoming } from "~/events/queries.server";
import { eventFilterSchema } from "~/events/schemas";
import { getLocale } from "~/utils/locale.server";
import type { RouteHandle } from "~/utils/handle";
import { viewerCacheHeaders } from "~/utils/http-cache.server";

export const handle: RouteHandle = { titleKey: "events.metaTitle" };

// The list is the same for every visitor (in one language): their copies may be cached and
// revalidated; a member's has their answers in it (app/utils/http-cache.server.ts).
export const headers: HeadersFunction = ({ loaderHeaders }) => loaderHeaders;

export async function loader({ request, context }: LoaderFunctionArgs) {
  const url = new URL(request.url);
  const filters = eventFilterSchema.parse(Object.fromEntries(url.searchParams));
  const [current, locale] = await Promise.all([
    getSessionUser(request, context),
    getLocale(request, context),
  ]);
  const list = await listUpcoming(db(), {
    now: new Date(),
    locale,
    viewer: current ? { id: current.user.id, role: current.user.role } : null,
    ...filters,
  });
  return json(
    { ...list, filters, locale, feed: publicFeedWebcal({ kind: filters.kind, locale }) },
    { headers: viewerCacheHeaders(current !== null) },
  );
}

export default function Events() {
  const { t } = useTranslation();
  const { events, page, pageCount, filters, locale, feed } = useLoaderData<typeof loader>();
  const pageLink = (to: number) => {
    const params = new URLSearchParams();
    if (filters.kind) params.set("kind", filters.kind);
    if (filters.language) params.set("language", filters.language);
    params.set("page", String(to));
    return `?${params.toString()}`;
  };
  return (
    <div className="stack">
      <h1>{t("events.title")}</h1>
      <p>{t("events.intro")}</p>
      <Form method="get" className="card filters">
        <FilterSelect
          name="kind"
          label={t("events.filterKind")}
          anyLabel={t("events.any")}
          value={filters.kind}
          options={eventKinds.map((kind) => ({ value: kind, label: t(`kinds.${kind}`) }))}
        />
        <FilterSelect
          name="language"
          label={t("events.filterLanguage")}
          anyLabel={t("events.any")}
          value={filters.language}
          options={spokenLanguageChoices(locale)}
        />
        <button type="submit" className="button">
          {t("events.filterApply")}
        </button>
      </Form>
      <p>
        <a href={feed}>{t("calendar.publicFeed")}</a>
      </p>
      {events.length === 0 ? <p>{t("events.none")}</p> : null}
      <ul className="event-list">
        {events.map((event) => (
          <EventCard key={event.id} event={event} locale={locale} />
        ))}
      </ul>
      <Pager page={page} pageCount={pageCount} href={pageLink} />
    </div>
  );
}
