import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { hasRole } from "~/accounts/roles";
import { requireRole } from "~/accounts/sessions.server";
import { helpQueue, helpViewer, setAnswersWomenRequests } from "~/care/help-requests.server";
import { isUrgent, organizerEscalationDue } from "~/care/help-rules";
import { queueFilterSchema, queueSettingSchema } from "~/care/help-schemas";
import { helpTopics } from "~/care/topics";
import { FilterSelect, Notice, PlainCheck } from "~/components/forms";
import { HelpStatus } from "~/components/help";
import { LanguageList } from "~/components/Lang";
import { db } from "~/db.server";
import { spokenLanguageChoices } from "~/events/languages";
import { formatDateTime } from "~/i18n/format";
import { getLocale } from "~/utils/locale.server";
import { parseControlForm } from "~/utils/forms.server";
import { neutralTitleKey, type RouteHandle } from "~/utils/handle";

export const handle: RouteHandle = { titleKey: neutralTitleKey };

/** The queue of requests this organizer may see: urgent kinds first, then by how soon, then age. */
export async function loader({ request }: LoaderFunctionArgs) {
  const { user } = await requireRole(request, "organizer");
  const locale = await getLocale(request);
  const filters = queueFilterSchema.parse(Object.fromEntries(new URL(request.url).searchParams));
  const viewer = await helpViewer(db(), user.id);
  const queue = await helpQueue(db(), viewer, filters);
  const now = new Date();
  return json({
    locale,
    filters,
    answersWomen: viewer.answersWomenRequests,
    isAdmin: hasRole(viewer.role, "admin"),
    queue: queue.map((r) => ({
      id: r.id,
      topic: r.topic,
      urgency: r.urgency,
      status: r.status,
      urgent: isUrgent(r),
      wantsWoman: r.wantsWoman,
      takenBy: r.takenBy,
      languages: r.languages,
      when: formatDateTime(r.createdAt, locale),
      overdue: r.status === "received" && organizerEscalationDue(r) <= now,
    })),
  });
}

export async function action({ request }: ActionFunctionArgs) {
  const { user } = await requireRole(request, "organizer");
  const input = await parseControlForm(request, queueSettingSchema);
  await setAnswersWomenRequests(db(), user.id, input.answersWomen);
  return json({ saved: true });
}

export default function HelpQueue() {
  const { t } = useTranslation();
  const { locale, filters, answersWomen, isAdmin, queue } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  return (
    <div className="stack">
      <h1>{t("helpOrg.title")}</h1>
      <p>{t("helpOrg.intro")}</p>
      <Form method="get" className="card filters" id="help-filters">
        <FilterSelect
          name="topic"
          label={t("helpOrg.filterTopic")}
          anyLabel={t("helpOrg.any")}
          value={filters.topic}
          options={helpTopics.map((topic) => ({ value: topic, label: t(`careTopics.${topic}`) }))}
        />
        <FilterSelect
          name="language"
          label={t("helpOrg.filterLanguage")}
          anyLabel={t("helpOrg.any")}
          value={filters.language}
          options={spokenLanguageChoices(locale)}
        />
        <PlainCheck
          id="filter-closed"
          name="closed"
          value="1"
          defaultChecked={filters.closed}
          label={t("helpOrg.showClosed")}
        />
        <button type="submit" className="button">
          {t("helpOrg.filterApply")}
        </button>
      </Form>

      {queue.length === 0 ? <p>{t("helpOrg.empty")}</p> : null}
      <ul className="plain-list">
        {queue.map((r) => (
          <li key={r.id} className={r.urgent ? "card card--danger stack" : "card stack"}>
            <p>
              <Link to={`/organize/help/${r.id}`}>
                <strong>{t(`careTopics.${r.topic}`)}</strong>
              </Link>{" "}
              <HelpStatus status={r.status} />
            </p>
            <p>
              {r.urgent ? <strong>{t("helpOrg.urgent")} · </strong> : null}
              {t(`help.urgency.${r.urgency}`)} · <span className="muted">{r.when}</span>
              {r.overdue ? <strong> · {t("helpOrg.overdue")}</strong> : null}
            </p>
            <p>
              <LanguageList
                codes={r.languages}
                locale={locale}
                within={(languages) => t("helpOrg.answerIn", { languages })}
              />
              {r.wantsWoman ? ` · ${t("helpOrg.wantsWoman")}` : ""}
            </p>
            <p className="muted">
              {r.takenBy ? t("helpOrg.takenBy", { name: r.takenBy }) : t("helpOrg.nobodyYet")}
            </p>
          </li>
        ))}
      </ul>

      <Form method="post" className="card stack" id="help-setting">
        <input type="hidden" name="intent" value="setting" />
        <h2>{t("helpOrg.settingTitle")}</h2>
        {actionData?.saved ? (
          <Notice>
            <p>{t("helpOrg.settingSaved")}</p>
          </Notice>
        ) : null}
        <PlainCheck
          id="answers-women"
          name="answersWomen"
          defaultChecked={answersWomen}
          label={t("helpOrg.answersWomen")}
        />
        <p className="muted">
          {t(isAdmin ? "helpOrg.answersWomenAdminHint" : "helpOrg.answersWomenHint")}
        </p>
        <button type="submit" className="button button--secondary">
          {t("helpOrg.settingSave")}
        </button>
      </Form>
      <p>
        <Link to="/organize">{t("helpOrg.backDashboard")}</Link>
      </p>
    </div>
  );
}
