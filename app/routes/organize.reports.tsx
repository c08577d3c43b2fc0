import type { ActionFunctionArgs, LoaderFunctionArgs, LinksFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { requireRole } from "~/accounts/sessions.server";
import { db } from "~/db.server";
import { formatDateTime } from "~/i18n/format";
import { getLocale } from "~/utils/locale.server";
import { reportOutcomes, reportQueueSchema } from "~/safety/report-codes";
import { closeReport, reportQueue, takeReport } from "~/safety/reports.server";
import { parseControlForm } from "~/utils/forms.server";
import { neutralTitleKey, type RouteHandle } from "~/utils/handle";
import { notFound } from "~/utils/http.server";
import organizeStyles from "~/styles/organize.css";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: organizeStyles }];

/** Reports of concern, for organizers and admins: oldest first, take, close with an outcome. */
export const handle: RouteHandle = { titleKey: neutralTitleKey };

export async function loader({ request }: LoaderFunctionArgs) {
  const { user } = await requireRole(request, "organizer");
  const locale = await getLocale(request);
  const now = new Date();
  const { open, closed } = await reportQueue(db(), user.id, now);
  const shape = (r: (typeof open)[number]) => ({
    id: r.id,
    about: r.about,
    context: r.context,
    contextKind: r.contextKind,
    contextId: r.contextId,
    personName: r.personName,
    body: r.body,
    state: r.state,
    outcome: r.outcome,
    overdue: r.overdue,
    escalated: r.escalatedAt !== null,
    from: r.reporter.displayName,
    takenBy: r.takenBy?.displayName ?? null,
    received: formatDateTime(r.createdAt, locale),
    closedAt: r.closedAt ? formatDateTime(r.closedAt, locale) : null,
  });
  return json({ open: open.map(shape), closed: closed.map(shape) });
}

export async function action({ request }: ActionFunctionArgs) {
  const { user } = await requireRole(request, "organizer");
  const input = await parseControlForm(request, reportQueueSchema);
  const outcome =
    input.intent === "take"
      ? await takeReport(db(), input.reportId, user.id)
      : await closeReport(db(), input.reportId, user.id, input.outcome);
  if (outcome === "notFound") throw notFound();
  return json({ outcome });
}

type Row = ReturnType<typeof useLoaderData<typeof loader>>["open"][number];

function ReportCard({ report }: { report: Row }) {
  const { t } = useTranslation();
  return (
    <li className="card stack">
      <p className="actions">
        <span className={`badge report-state--${report.state}`}>
          {t(`report.state.${report.state}`)}
        </span>
        <span>{t(`report.about.${report.about}`)}</span>
        {report.overdue ? (
          <span className="status status--cancelled">{t("reportOrg.overdue")}</span>
        ) : null}
      </p>
      <p className="muted">{t("reportOrg.received", { date: report.received })}</p>
      <p className="muted">
        {t("reportOrg.from")} <span dir="auto">{report.from}</span>
        {report.takenBy ? (
          <>
            {" · "}
            {t("reportOrg.takenBy")} <span dir="auto">{report.takenBy}</span>
          </>
        ) : null}
      </p>
      {report.contextKind === "event" && report.contextId ? (
        <p>
          <Link to={`/events/${report.contextId}`}>{t("reportOrg.contextEvent")}</Link>
        </p>
      ) : report.contextKind ? (
        <p className="muted">{t(`reportOrg.context.${report.contextKind}`)}</p>
      ) : null}
      {report.personName ? (
        <p>
          {t("reportOrg.personName")} <strong dir="auto">{report.personName}</strong>
        </p>
      ) : null}
      <p className="prewrap" dir="auto">
        {report.body}
      </p>
      {report.state === "closed" ? (
        <p className="muted">
          {t("reportOrg.closedOn", { date: report.closedAt ?? "" })}
          {report.outcome ? ` · ${t(`reportOrg.outcome.${report.outcome}`)}` : null}
        </p>
      ) : (
        <div className="actions">
          {report.state === "received" ? (
            <Form method="post">
              <input type="hidden" name="intent" value="take" />
              <input type="hidden" name="reportId" value={report.id} />
              <button type="submit" className="button">
                {t("reportOrg.take")}
              </button>
            </Form>
          ) : null}
          <Form method="post" className="actions">
            <input type="hidden" name="intent" value="close" />
            <input type="hidden" name="reportId" value={report.id} />
            <label htmlFor={`outcome-${report.id}`} className="visually-hidden">
              {t("reportOrg.outcomeLabel")}
            </label>
            <select id={`outcome-${report.id}`} name="outcome" defaultValue="acted">
              {reportOutcomes.map((o) => (
                <option key={o} value={o}>
                  {t(`reportOrg.outcome.${o}`)}
                </option>
              ))}
            </select>
            <button type="submit" className="button button--secondary">
              {t("reportOrg.close")}
            </button>
          </Form>
        </div>
      )}
    </li>
  );
}

export default function ReportQueue() {
  const { t } = useTranslation();
  const { open, closed } = useLoaderData<typeof loader>();
  return (
    <div className="stack wide">
      <h1>{t("reportOrg.title")}</h1>
      <p>{t("reportOrg.intro")}</p>
      <h2>{t("reportOrg.openTitle")}</h2>
      {open.length === 0 ? <p className="muted">{t("reportOrg.none")}</p> : null}
      <ul className="plain-list stack">
        {open.map((r) => (
          <ReportCard key={r.id} report={r} />
        ))}
      </ul>
      {closed.length ? (
        <>
          <h2>{t("reportOrg.closedTitle")}</h2>
          <ul className="plain-list stack">
            {closed.map((r) => (
              <ReportCard key={r.id} report={r} />
            ))}
          </ul>
        </>
      ) : null}
    </div>
  );
}
