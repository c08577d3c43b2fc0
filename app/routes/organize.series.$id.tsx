import type { LoaderFunctionArgs, LinksFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { requireRole } from "~/accounts/sessions.server";
import { db } from "~/db.server";
import { seriesAttendance } from "~/events/organizer.server";
import { formatDateTime } from "~/i18n/format";
import { getLocale } from "~/utils/locale.server";
import { useNumber } from "~/i18n/use-number";
import type { RouteHandle } from "~/utils/handle";
import { notFound } from "~/utils/http.server";
import organizeStyles from "~/styles/organize.css";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: organizeStyles }];

export const handle: RouteHandle = { titleKey: "organize.attendanceTitle" };

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireRole(request, "organizer");
  const locale = await getLocale(request);
  const series = await db().eventSeries.findUnique({
    where: { id: params.id ?? "" },
    select: { id: true },
  });
  if (!series) throw notFound();
  const report = await seriesAttendance(db(), series.id, locale, new Date());
  return json({
    ...report,
    occurrences: report.occurrences.map((o) => ({
      ...o,
      when: formatDateTime(new Date(o.startsAt), locale, o.timeZone),
    })),
  });
}

export default function SeriesAttendance() {
  const { t } = useTranslation();
  const { occurrences, uniqueMembers, returningMembers } = useLoaderData<typeof loader>();
  const number = useNumber();
  return (
    <div className="stack wide">
      <h1>{t("organize.attendanceTitle")}</h1>
      <p>
        {t("organize.attendanceSummary.text", {
          unique: t("organize.attendanceSummary.unique", { count: uniqueMembers }),
          returning: t("organize.attendanceSummary.returning", { count: returningMembers }),
        })}
      </p>
      <div
        className="table-scroll"
        role="region"
        tabIndex={0}
        aria-label={t("organize.attendanceTitle")}
      >
        <table>
          <thead>
            <tr>
              <th scope="col">{t("organize.date_column")}</th>
              <th scope="col">{t("organize.attendees_column")}</th>
              <th scope="col">{t("organize.walkIns")}</th>
              <th scope="col">{t("organize.returning")}</th>
            </tr>
          </thead>
          <tbody>
            {occurrences.map((o) => (
              <tr key={o.id}>
                <td>
                  <Link to={`/organize/events/${o.id}/attendees`}>{o.when}</Link>
                  {o.status === "cancelled" ? ` (${t("events.cancelledEvent")})` : null}
                </td>
                <td>{number(o.attendees)}</td>
                <td>{number(o.walkIns)}</td>
                <td>{number(o.returning)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
