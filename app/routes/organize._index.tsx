import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { useTranslation } from "react-i18next";
import { Pager } from "~/components/Pager";
import { hasRole } from "~/accounts/roles";
import { requireRole } from "~/accounts/sessions.server";
import { KindBadge } from "~/components/events";
import { countStale } from "~/care/directory-admin.server";
import { helloAllowedAfter, quietMembers, sendQuietHello } from "~/care/quiet.server";
import { db } from "~/db.server";
import { dashboard } from "~/events/organizer.server";
import { eventFilterSchema } from "~/events/schemas";
import { formatDateTime, formatDay } from "~/i18n/format";
import { getLocale } from "~/utils/locale.server";
import { useNumber } from "~/i18n/use-number";
import { parseControlForm } from "~/utils/forms.server";
import { reportsWaiting } from "~/safety/reports.server";
import type { RouteHandle } from "~/utils/handle";
import { keepApartAlerts } from "~/safety/keep-apart.server";

export const handle: RouteHandle = { titleKey: "organize.metaTitle" };

export async function loader({ request }: LoaderFunctionArgs) {
  const { user } = await requireRole(request, "organizer");
  const locale = await getLocale(request);
  const { page } = eventFilterSchema.parse(Object.fromEntries(new URL(request.url).searchParams));
  const now = new Date();
  const [data, alerts, staleResources, quiet, waiting] = await Promise.all([
    dashboard(db(), locale, now, page),
    keepApartAlerts(db(), user.id),
    countStale(db(), now),
    quietMembers(db(), now),
    reportsWaiting(db(), user.id),
  ]);
  const alertEvents = [...new Map(alerts.map((a) => [a.eventId, a.event])).values()];
  return json({
    ...data,
    alerts: alertEvents.map((e) => ({
      id: e.id,
      when: formatDateTime(e.startsAt, locale, e.timeZone),
    })),
    staleResources,
    helloSent: new URL(request.url).searchParams.get("hello") === "sent",
    quiet: quiet.map((q) => ({
      id: q.id,
      displayName: q.displayName,
      timesCame: q.timesCame,
      lastCame: formatDay(q.lastCameAt, locale),
      saidHello: q.lastHelloAt ? formatDay(q.lastHelloAt, locale) : null,
      nextHello:
        q.lastHelloAt && !q.canSayHello
          ? formatDay(helloAllowedAfter(q.lastHelloAt), locale)
          : null,
      optedOut: q.optedOut,
      canSayHello: q.canSayHello,
    })),
    reportsWaiting: waiting,
    isAdmin: hasRole(user.role, "admin"),
    events: data.events.map((e) => ({
      ...e,
      when: formatDateTime(new Date(e.startsAt), locale, e.timeZone),
    })),
  });
}

const helloSchema = z.object({ intent: z.literal("hello"), userId: z.string().min(1).max(64) });

/** "Say hello" to someone we have not seen for a while; the rules are checked again inside. */
export async function action({ request }: ActionFunctionArgs) {
  const { user } = await requireRole(request, "organizer");
  const { userId } = await parseControlForm(request, helloSchema);
  const outcome = await sendQuietHello(db(), { userId, actorId: user.id });
  if (!outcome.ok) return json({ helloError: `quiet.errors.${outcome.reason}` }, { status: 400 });
  return redirect("/organize?hello=sent");
}

export default function OrganizerDashboard() {
  const { t } = useTranslation();
  const {
    events,
    page,
    pageCount,
    isAdmin,
    alerts,
    staleResources,
    quiet,
    helloSent,
    reportsWaiting,
  } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const number = useNumber();
  return (
    <div className="stack wide">
      <h1>{t("organize.title")}</h1>
      <p className="actions">
        <Link to="/organize/events/new" className="button">
          {t("organize.newEvent")}
        </Link>
        <Link to="/organize/mentoring">{t("organize.mentoringLink")}</Link>
        <Link to="/organize/safety">{t("keepApartOrg.navLink")}</Link>
        <Link to="/organize/resources">{t("resourcesOrg.dashboardTitle")}</Link>
        <Link to="/organize/reports">{t("reportOrg.navLink")}</Link>
        <Link to="/organize/help">{t("helpOrg.dashboardLink")}</Link>
      </p>
      {alerts.length ? (
        <section
          className="notice notice--error stack"
          role="status"
          data-testid="keep-apart-alerts"
        >
          {alerts.map((a) => (
            <p key={a.id}>
              {t("keepApartOrg.alert", { when: a.when })}{" "}
              <Link to="/organize/safety">{t("keepApartOrg.alertLink")}</Link>
            </p>
          ))}
        </section>
      ) : null}
      {staleResources ? (
        <div className="notice notice--waiting" role="status">
          <p>
            {t("resourcesOrg.dashboardStale", { count: staleResources })}{" "}
            <Link to="/organize/resources">{t("resourcesOrg.dashboardLink")}</Link>
          </p>
        </div>
      ) : null}
      {reportsWaiting > 0 ? (
        <p className="notice notice--waiting">
          <Link to="/organize/reports">
            {t("reportOrg.waitingNotice", { number: reportsWaiting })}
          </Link>
        </p>
      ) : null}
      {isAdmin ? (
        <p className="actions">
          <Link to="/admin/mail">{t("nav.adminMail")}</Link>
          <Link to="/admin/people">{t("adminPeople.navLink")}</Link>
          <Link to="/admin/audit">{t("audit.navLink")}</Link>
        </p>
      ) : null}
      <section className="card stack" aria-labelledby="quiet-title">
        <h2 id="quiet-title">{t("quiet.title")}</h2>
        <p>{t("quiet.intro")}</p>
        {helloSent ? (
          <div className="notice notice--success" role="status">
            <p>{t("quiet.helloSent")}</p>
          </div>
        ) : null}
        {actionData?.helloError ? (
          <div className="notice notice--error" role="alert">
            <p>{t(actionData.helloError)}</p>
          </div>
        ) : null}
        {quiet.length === 0 ? <p>{t("quiet.none")}</p> : null}
        <ul className="plain-list stack">
          {quiet.map((person) => (
            <li key={person.id} className="quiet-person">
              <p>
                <strong dir="auto">{person.displayName}</strong>
                <br />
                {t("quiet.lastCame", { date: person.lastCame })} ·{" "}
                {t("quiet.timesCame", { count: person.timesCame })}
              </p>
              {person.saidHello ? (
                <p>{t("quiet.saidHelloOn", { date: person.saidHello })}</p>
              ) : null}
              {person.optedOut ? <p>{t("quiet.optedOut")}</p> : null}
              {person.nextHello && !person.optedOut ? (
                <p>{t("quiet.nextHelloFrom", { date: person.nextHello })}</p>
              ) : null}
              {person.canSayHello ? (
                <Form method="post">
                  <input type="hidden" name="intent" value="hello" />
                  <input type="hidden" name="userId" value={person.id} />
                  <button type="submit" className="button button--secondary">
                    {t("quiet.sayHello", { name: person.displayName })}
                  </button>
                </Form>
              ) : null}
            </li>
          ))}
        </ul>
      </section>
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
      <Pager page={page} pageCount={pageCount} />
    </div>
  );
}
