import type { LoaderFunctionArgs, LinksFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { filterQuery } from "~/components/ResourceFilters";
import { ResourceEntry } from "~/components/resources";
import { formatDay } from "~/i18n/format";
import { loadPublicDirectory } from "~/utils/directory-page.server";
import { neutralTitleKey, type RouteHandle } from "~/utils/handle";
import directoryStyles from "~/styles/directory.css";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: directoryStyles }];

// A neutral title: a tab or history list says nothing about what was looked up.
export const handle: RouteHandle = { titleKey: neutralTitleKey };

export async function loader({ request }: LoaderFunctionArgs) {
  const now = new Date();
  const page = await loadPublicDirectory(request, now);
  return json({ ...page, printed: formatDay(now, page.locale) });
}

/**
 * One page to print and hand over, for people without a smartphone: the same entries and
 * filters as /resources, compact, with numbers and addresses written out (print CSS in app.css).
 */
export default function ResourcesPrint() {
  const { t } = useTranslation();
  const { entries, filters, locale, printed } = useLoaderData<typeof loader>();
  return (
    <div className="stack print-sheet">
      <p className="screen-only">
        <Link to={`/resources${filterQuery(filters)}`}>{t("resources.backToList")}</Link>
        {" · "}
        {t("resources.printHint")}
      </p>
      <h1>{t("resources.printTitle")}</h1>
      <p>{t("resources.emergency")}</p>
      <p className="field__hint">{t("resources.printedOn", { date: printed })}</p>
      {entries.length === 0 ? <p>{t("resources.none")}</p> : null}
      <ul className="event-list resource-print-list">
        {entries.map((entry) => (
          <ResourceEntry key={entry.id} entry={entry} locale={locale} compact />
        ))}
      </ul>
    </div>
  );
}
