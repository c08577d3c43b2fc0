import type { LoaderFunctionArgs, LinksFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { requireRole } from "~/accounts/sessions.server";
import { listForOrganizers } from "~/care/directory-admin.server";
import { SampleMark } from "~/components/resources";
import { db } from "~/db.server";
import { formatDay } from "~/i18n/format";
import { getLocale } from "~/utils/locale.server";
import type { RouteHandle } from "~/utils/handle";
import directoryStyles from "~/styles/directory.css";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: directoryStyles }];

export const handle: RouteHandle = { titleKey: "resourcesOrg.metaTitle" };

export async function loader({ request }: LoaderFunctionArgs) {
  await requireRole(request, "organizer");
  const locale = await getLocale(request);
  const rows = await listForOrganizers(db(), new Date());
  return json({
    deleted: new URL(request.url).searchParams.has("deleted"),
    entries: rows.map((r) => ({
      id: r.id,
      name: r.name,
      locale: r.locale,
      stale: r.stale,
      sample: r.sample,
      closed: r.status !== "open",
      lastChecked: formatDay(r.lastCheckedAt, locale),
      translations: r.translations.length,
    })),
  });
}

export default function OrganizerResources() {
  const { t } = useTranslation();
  const { entries, deleted } = useLoaderData<typeof loader>();
  const staleCount = entries.filter((e) => e.stale).length;
  return (
    <div className="stack wide">
      <h1>{t("resourcesOrg.title")}</h1>
      {deleted ? (
        <div className="notice notice--success" role="status">
          <p>{t("resourcesOrg.deleted")}</p>
        </div>
      ) : null}
      <p className="actions">
        <Link to="/organize/resources/new" className="button">
          {t("resourcesOrg.new")}
        </Link>
        <Link to="/resources">{t("resourcesOrg.publicView")}</Link>
        <Link to="/organize/resources/import">{t("resourcesOrg.importLink")}</Link>
        <a href="/organize/resources/export.json" download>
          {t("resourcesOrg.exportLink")}
        </a>
      </p>
      {staleCount ? (
        <div className="notice notice--waiting" role="status">
          <p>{t("resourcesOrg.staleSummary", { count: staleCount })}</p>
        </div>
      ) : null}
      {entries.length === 0 ? <p>{t("resourcesOrg.none")}</p> : null}
      <ul className="event-list">
        {entries.map((entry) => (
          <li key={entry.id} className="card stack organizer-row">
            <div className="event-card__top">
              {entry.sample ? <SampleMark /> : null}
              {entry.stale ? (
                <span className="status status--waiting">{t("resources.stale")}</span>
              ) : null}
              {entry.closed ? (
                <span className="status status--cancelled">{t("resources.temporarilyClosed")}</span>
              ) : null}
            </div>
            <h2 className="event-card__title">
              <Link to={`/organize/resources/${entry.id}`} lang={entry.locale} dir="auto">
                {entry.name}
              </Link>
            </h2>
            <p>
              {t("resources.lastChecked", { date: entry.lastChecked })} ·{" "}
              {t("resourcesOrg.translationCount", { count: entry.translations })}
            </p>
          </li>
        ))}
      </ul>
    </div>
  );
}
