import type { LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { hasRole } from "~/accounts/roles";
import { requireRole } from "~/accounts/sessions.server";
import { KindBadge } from "~/components/events";
import { db } from "~/db.server";
import { dashboard } from "~/events/organizer.server";
import { eventFilterSchema } from "~/events/schemas";
import { formatDateTime } from "~/i18n/format";
import { getLocale } from "~/i18n/i18next.server";
import { useNumber } from "~/i18n/use-number";
import type { RouteHandle } from "~/utils/handle";

export const handle: RouteHandle = { titleKey: "organize.metaTitle" };

export async function loader({ request }: LoaderFunctionArgs) {
  const { user } = await requireRole(request, "organizer");
  const locale = await getLocale(request);
  const { page } = eventFilterSchema.parse(Object.fromEntries(new URL(request.url).searchParams));
  const data = await dashboard(db(), locale, new Date(), page);
  return json({
    ...data,
    isAdmin: hasRole(user.role, "admin"),
    events: data.events.map((e) => ({
      ...e,
      when: formatDateTime(new Date(e.startsAt), locale, e.timeZone),
    })),
  });
}

export default function OrganizerDashboard() {
  const { t } = useTranslation();
  const { events, page, pageCount, isAdmin } = useLoaderData<typeof loader>();
  const number = useNumber();
  return (
    <div className="stack wide">
      <h1>{t("organize.title")}</h1>
      <p className="actions">
        <Link to="/organize/events/new" className="button">
          {t("organize.newEvent")}
        </Link>
        <Link to="/organize/mentoring">{t("organize.mentoringLink")}</Link>
        <Link to="/organize/help">{t("helpOrg.dashboardLink")}</Link>
      </p>
      {isAdmin ? (
        <p className="actions">
          <Link to="/admin/mail">{t("nav.adminMail")}</Link>
          <Link to="/admin/people">{t("adminPeople.navLink")}</Link>
        </p>
      ) : null}
      {events.length === 0 ? <p>{t("organize.none")}</p> : null}
      <ul className="event-list">
        {events.map((event) => (
          <li key={event.id} className="card stack organizer-row">
            <div className="event-card__top">
              <KindBadge kind={event.kind} />
              {event.status === "cancelled" ? (
                <span className="status status--cancelled">{t("events.cancelledEvent")}</span>
              ) : null}
            </div>
            <h2 className="event-card__title">
              <Link to={`/events/${event.id}`} lang={event.titleLocale} dir="auto">
                {event.title}
              </Link>
            </h2>
            <p>{event.when}</p>
            <p>
              <strong>{t("organize.seats")}</strong>{" "}
              {event.capacity === null
                ? t("organize.seatsTaken", { count: event.seatsTaken })
                : t("organize.seatsOf", { taken: event.seatsTaken, capacity: event.capacity })}
              {" · "}
              <strong>{t("organize.waiting")}</strong> {number(event.waiting)}
            </p>
            <p className="actions">
              <Link to={`/organize/events/${event.id}/edit`}>{t("organize.edit")}</Link>
              <Link to={`/organize/events/${event.id}/attendees`}>{t("organize.attendees")}</Link>
              <Link to={`/organize/events/${event.id}/check-in`}>{t("organize.checkIn")}</Link>
              {event.seriesId ? (
                <Link to={`/organize/series/${event.seriesId}`}>{t("organize.attendance")}</Link>
              ) : null}
            </p>
          </li>
        ))}
      </ul>
      {pageCount > 1 ? (
        <nav className="pager" aria-label={t("events.pageOf", { page, total: pageCount })}>
          {page > 1 ? <Link to={`?page=${page - 1}`}>{t("events.previous")}</Link> : <span />}
          <span>{t("events.pageOf", { page, total: pageCount })}</span>
          {page < pageCount ? <Link to={`?page=${page + 1}`}>{t("events.next")}</Link> : <span />}
        </nav>
      ) : null}
    </div>
  );
}
