import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { requireRole } from "~/accounts/sessions.server";
import { Notice } from "~/components/forms";
import { db } from "~/db.server";
import { textFor } from "~/events/events.server";
import { formatDateTime } from "~/i18n/format";
import { getLocale } from "~/utils/locale.server";
import {
  endRule,
  findAccounts,
  keepApartOverview,
  recordRule,
  setRequestStatus,
} from "~/safety/keep-apart.server";
import { requestStatuses } from "~/safety/keep-apart-rules";
import { accountSearchSchema, organizerSafetySchema } from "~/safety/schemas";
import { neutralTitleKey, type RouteHandle } from "~/utils/handle";
import { firstFormError, parseForm } from "~/utils/forms.server";
import { notFound } from "~/utils/http.server";
import { PlainFieldset } from "~/components/choice-fields";
import { PlainInput } from "~/components/fields";

export const handle: RouteHandle = { titleKey: neutralTitleKey };

const isolate = (text: string) => `\u2068${text}\u2069`;

export async function loader({ request }: LoaderFunctionArgs) {
  const { user } = await requireRole(request, "organizer");
  const locale = await getLocale(request);
  const search = accountSearchSchema.parse(Object.fromEntries(new URL(request.url).searchParams));
  const [overview, first, second] = await Promise.all([
    keepApartOverview(db(), user.id),
    findAccounts(db(), search.q),
    findAccounts(db(), search.q2),
  ]);
  const events = await db().event.findMany({
    where: { id: { in: overview.rules.flatMap((r) => r.events.map((e) => e.eventId)) } },
    include: { translations: true },
  });
  const eventText = new Map(events.map((e) => [e.id, textFor(e, locale)]));
  return json({
    search,
    // An organizer is never offered themselves as the other person of a rule about them.
    found: { first, second: second.filter((p) => p.id !== user.id) },
    requests: overview.requests.map((r) => ({ ...r, at: formatDateTime(r.createdAt, locale) })),
    rules: overview.rules.map((r) => ({
      id: r.id,
      protected: r.protected,
      other: r.other,
      at: formatDateTime(r.createdAt, locale),
      ended: r.endedAt ? formatDateTime(r.endedAt, locale) : null,
      matches: r.matches,
      events: r.events.map((e) => ({
        id: e.eventId,
        title: eventText.get(e.eventId)?.title ?? e.event.title,
        when: formatDateTime(e.event.startsAt, locale, e.event.timeZone),
      })),
    })),
  });
}

export async function action({ request }: ActionFunctionArgs) {
  const { user } = await requireRole(request, "organizer");
  const { submission } = await parseForm(request, organizerSafetySchema);
  if (submission.status !== "success") {
    return json({ error: firstFormError(submission), done: null }, { status: 400 });
  }
  const input = submission.value;
  if (input.intent === "record") {
    const outcome = await recordRule(db(), user.id, {
      protectedId: input.protectedId,
      otherId: input.otherId,
      requestId: input.requestId ?? null,
    });
    if (!outcome.ok) return json({ error: outcome.error, done: null }, { status: 400 });
    return json({ error: null, done: "keepApartOrg.recorded" });
  }
  if (input.intent === "end") {
    if (!(await endRule(db(), user.id, input.ruleId))) throw notFound();
    return json({ error: null, done: "keepApartOrg.ended" });
  }
  if (!(await setRequestStatus(db(), user.id, input.requestId, input.status))) throw notFound();
  return json({ error: null, done: "keepApartOrg.statusSaved" });
}

type Person = { id: string; displayName: string; email: string };

function PersonChoice({
  name,
  people,
  legend,
}: {
  name: string;
  people: Person[];
  legend: string;
}) {
  const { t } = useTranslation();
  return (
    <PlainFieldset legend={legend} className="stack">
      {people.length === 0 ? <p className="muted">{t("keepApartOrg.searchFirst")}</p> : null}
      {people.map((p) => (
        <label key={p.id}>
          <input type="radio" name={name} value={p.id} required />{" "}
          <span dir="auto">{p.displayName}</span> <span dir="ltr">{p.email}</span>
        </label>
      ))}
    </PlainFieldset>
  );
}

export default function OrganizeSafety() {
  const { t } = useTranslation();
  const { search, found, requests, rules } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const active = rules.filter((r) => r.ended === null);
  const ended = rules.filter((r) => r.ended !== null);
  return (
    <div className="stack wide">
      <h1>{t("keepApartOrg.title")}</h1>
      <p>{t("keepApartOrg.intro")}</p>
      {actionData?.done ? (
        <Notice>
          <p>{t(actionData.done)}</p>
        </Notice>
      ) : null}
      {actionData?.error ? (
        <div className="notice notice--error" role="alert">
          <p>{t(actionData.error)}</p>
        </div>
      ) : null}

      <section className="stack" aria-labelledby="requests-title">
        <h2 id="requests-title">{t("keepApartOrg.requestsTitle")}</h2>
        {requests.length === 0 ? <p>{t("keepApartOrg.noRequests")}</p> : null}
        <ul className="plain-list" data-testid="keep-apart-requests">
          {requests.map((r) => (
            <li key={r.id} className="card stack">
              <p>
                {t("keepApartOrg.requestFrom", {
                  name: isolate(r.requester.displayName),
                  at: r.at,
                })}{" "}
                <span className="status">{t(`keepApart.status.${r.status}`)}</span>
              </p>
              {r.namedUser ? (
                <p>{t("keepApartOrg.named", { name: isolate(r.namedUser.displayName) })}</p>
              ) : null}
              {r.details ? (
                <p dir="auto" className="prewrap">
                  {r.details}
                </p>
              ) : null}
              <p className="actions">
                <Link
                  to={`?${new URLSearchParams({
                    request: r.id,
                    q: r.requester.email,
                    q2: r.namedUser?.email ?? "",
                  }).toString()}#record-title`}
                >
                  {t("keepApartOrg.recordFor")}
                </Link>
              </p>
              <Form method="post" className="actions">
                <input type="hidden" name="intent" value="status" />
                <input type="hidden" name="requestId" value={r.id} />
                <label htmlFor={`status-${r.id}`} className="visually-hidden">
                  {t("keepApartOrg.statusLabel")}
                </label>
                <select id={`status-${r.id}`} name="status" defaultValue={r.status}>
                  {requestStatuses.map((s) => (
                    <option key={s} value={s}>
                      {t(`keepApart.status.${s}`)}
                    </option>
                  ))}
                </select>
                <button type="submit" className="button button--secondary">
                  {t("keepApartOrg.statusSave")}
                </button>
              </Form>
            </li>
          ))}
        </ul>
      </section>

      <section className="card stack" aria-labelledby="record-title">
        <h2 id="record-title">{t("keepApartOrg.recordTitle")}</h2>
        <p>{t("keepApartOrg.recordIntro")}</p>
        <Form method="get" className="stack">
          {search.request ? <input type="hidden" name="request" value={search.request} /> : null}
          <PlainInput
            id="search-q"
            name="q"
            label={t("keepApartOrg.searchProtected")}
            type="search"
            defaultValue={search.q}
            maxLength={100}
          />
          <PlainInput
            id="search-q2"
            name="q2"
            label={t("keepApartOrg.searchOther")}
            type="search"
            defaultValue={search.q2}
            maxLength={100}
          />
          <button type="submit" className="button button--secondary">
            {t("keepApartOrg.search")}
          </button>
        </Form>
        <Form method="post" className="stack">
          <input type="hidden" name="intent" value="record" />
          {search.request ? <input type="hidden" name="requestId" value={search.request} /> : null}
          <PersonChoice
            name="protectedId"
            people={found.first}
            legend={t("keepApartOrg.protectedLegend")}
          />
          <PersonChoice
            name="otherId"
            people={found.second}
            legend={t("keepApartOrg.otherLegend")}
          />
          <p className="muted">{t("keepApartOrg.neverTold")}</p>
          <button type="submit" className="button">
            {t("keepApartOrg.record")}
          </button>
        </Form>
      </section>

      <section className="stack" aria-labelledby="rules-title">
        <h2 id="rules-title">{t("keepApartOrg.rulesTitle")}</h2>
        {active.length === 0 ? <p>{t("keepApartOrg.noRules")}</p> : null}
        <ul className="plain-list" data-testid="keep-apart-rules">
          {active.map((r) => (
            <li key={r.id} className="card stack">
              <p>
                {t("keepApartOrg.ruleLine", {
                  protected: isolate(r.protected.displayName),
                  other: isolate(r.other.displayName),
                  at: r.at,
                })}
              </p>
              {r.matches.map((m) => (
                <p key={m.id} className="notice notice--error">
                  {t(`keepApartOrg.match.${m.status}`)}{" "}
                  <Link to="/organize/mentoring">{t("keepApartOrg.openMentoring")}</Link>
                </p>
              ))}
              {r.events.map((e) => (
                <p key={e.id} className="notice notice--error" data-testid="rule-event">
                  {t("keepApartOrg.bothComing", { when: e.when })}{" "}
                  <Link to={`/organize/events/${e.id}/attendees`} dir="auto">
                    {e.title}
                  </Link>
                </p>
              ))}
              <Form method="post">
                <input type="hidden" name="intent" value="end" />
                <input type="hidden" name="ruleId" value={r.id} />
                <button type="submit" className="button button--secondary">
                  {t("keepApartOrg.end")}
                </button>
              </Form>
            </li>
          ))}
        </ul>
        {ended.length ? (
          <details>
            <summary>{t("keepApartOrg.endedTitle")}</summary>
            <ul className="plain-list">
              {ended.map((r) => (
                <li key={r.id}>
                  {t("keepApartOrg.endedLine", {
                    protected: isolate(r.protected.displayName),
                    other: isolate(r.other.displayName),
                    at: r.ended,
                  })}
                </li>
              ))}
            </ul>
          </details>
        ) : null}
      </section>
    </div>
  );
}
