import type { LoaderFunctionArgs, LinksFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { filterQuery, ResourceFilters } from "~/components/ResourceFilters";
import { ResourceEntry } from "~/components/resources";
import { loadPublicDirectory } from "~/utils/directory-page.server";
import { neutralTitleKey, type RouteHandle } from "~/utils/handle";
import directoryStyles from "~/styles/directory.css";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: directoryStyles }];

// A neutral title: a tab or history list says nothing about what was looked up.
export const handle: RouteHandle = { titleKey: neutralTitleKey };

export async function loader({ request }: LoaderFunctionArgs) {
  return json(await loadPublicDirectory(request, new Date()));
}

export default function Resources() {
  const { t } = useTranslation();
  const { entries, filters, locale } = useLoaderData<typeof loader>();
  return (
    <div className="stack">
      <h1>{t("resources.title")}</h1>
      <p>{t("resources.intro")}</p>
      <p>{t("resources.emergency")}</p>
      <ResourceFilters filters={filters} locale={locale} action="/resources" />
      <p>
        <Link to={`/resources/print${filterQuery(filters)}`}>{t("resources.printLink")}</Link>
      </p>
      {entries.length === 0 ? <p>{t("resources.none")}</p> : null}
      <ul className="event-list">
        {entries.map((entry) => (
          <ResourceEntry key={entry.id} entry={entry} locale={locale} />
        ))}
      </ul>
    </div>
  );
}
