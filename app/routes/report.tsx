import { getFormProps } from "@conform-to/react";
import type { ActionFunctionArgs, LoaderFunctionArgs, LinksFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { requireUser } from "~/accounts/sessions.server";
import {
  FormErrors,
  InputField,
  Notice,
  PlainCheck,
  PlainFieldset,
  TextareaField,
  useZodForm,
} from "~/components/forms";
import { db } from "~/db.server";
import { formatDay } from "~/i18n/format";
import { getLocale } from "~/utils/locale.server";
import {
  formatContext,
  parseContext,
  reportAbouts,
  reportSchema,
  type ReportAbout,
} from "~/safety/report-codes";
import { createReport, myReports } from "~/safety/reports.server";
import { parseForm } from "~/utils/forms.server";
import { neutralTitleKey, type RouteHandle } from "~/utils/handle";
import organizeStyles from "~/styles/organize.css";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: organizeStyles }];

/**
 * "Tell organizers about a worry": linked from event, mentoring and help pages with
 * ?about=<kind>:<id>. The tab and history entry say only "Tsunagu".
 */
export const handle: RouteHandle = { titleKey: neutralTitleKey };

export async function loader({ request }: LoaderFunctionArgs) {
  const { user } = await requireUser(request);
  const url = new URL(request.url);
  const locale = await getLocale(request);
  const context = parseContext(url.searchParams.get("about"));
  const reports = await myReports(db(), user.id);
  return json({
    context: formatContext(context),
    contextKind: context?.kind ?? null,
    sent: url.searchParams.has("sent"),
    reports: reports.map((r) => ({
      id: r.id,
      about: r.about,
      personName: r.personName,
      body: r.body,
      state: r.state,
      outcome: r.outcome,
      date: formatDay(r.createdAt, locale),
    })),
  });
}

export async function action({ request }: ActionFunctionArgs) {
  const { user } = await requireUser(request);
  const { submission } = await parseForm(request, reportSchema);
  if (submission.status !== "success") {
    return json({ result: submission.reply() }, { status: 400 });
  }
  await createReport(db(), user.id, submission.value);
  // A fresh page, so reloading cannot send it twice.
  return redirect("/report?sent=1");
}

const aboutFrom: Record<string, ReportAbout> = { event: "event", mentoring: "person" };

export default function Report() {
  const { t } = useTranslation();
  const { context, contextKind, sent, reports } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const busy = useNavigation().state === "submitting";
  const [form, fields] = useZodForm("report", reportSchema, actionData?.result, {
    about: contextKind ? aboutFrom[contextKind] : undefined,
  });
  return (
    <div className="stack narrow">
      <h1>{t("report.title")}</h1>
      {sent ? (
        <Notice>
          <p>{t("report.sent")}</p>
        </Notice>
      ) : null}
      <p>{t("report.intro")}</p>
      <p className="muted">{t("report.privacy")}</p>
      <section className="card stack" aria-labelledby="report-form">
        <h2 id="report-form">{t("report.formTitle")}</h2>
        <Form method="post" className="stack" {...getFormProps(form)}>
          <input type="hidden" name="intent" value="report" />
          {context ? <input type="hidden" name="context" value={context} /> : null}
          <FormErrors id={form.errorId} errors={form.errors} />
          <PlainFieldset
            legend={t("report.aboutQuestion")}
            className="stack"
            errors={fields.about.errors}
            errorId={fields.about.errorId}
          >
            {reportAbouts.map((about) => (
              <PlainCheck
                type="radio"
                id={`report-about-${about}`}
                name={fields.about.name}
                value={about}
                defaultChecked={fields.about.initialValue === about}
                key={`${fields.about.key}-${about}`}
                label={t(`report.about.${about}`)}
              />
            ))}
          </PlainFieldset>
          <InputField
            meta={fields.personName}
            label={t("report.personName")}
            hint={t("report.personNameHint")}
            type="text"
            dir="auto"
            autoComplete="off"
          />
          <TextareaField
            meta={fields.body}
            label={t("report.body")}
            hint={t("report.bodyHint")}
            rows={6}
            dir="auto"
          />
          <p>
            <button type="submit" className="button" disabled={busy}>
              {t("report.submit")}
            </button>
          </p>
        </Form>
      </section>
      <section className="card stack" aria-labelledby="my-reports">
        <h2 id="my-reports">{t("report.mineTitle")}</h2>
        {reports.length === 0 ? <p className="muted">{t("report.mineNone")}</p> : null}
        <ul className="plain-list stack">
          {reports.map((r) => (
            <li key={r.id} className="stack">
              <p className="actions">
                <span className={`badge report-state--${r.state}`}>
                  {t(`report.state.${r.state}`)}
                </span>
                <span className="muted">{t("report.sentOn", { date: r.date })}</span>
              </p>
              {r.state === "closed" && r.outcome ? <p>{t(`report.outcome.${r.outcome}`)}</p> : null}
              <p className="prewrap" dir="auto">
                {r.body}
              </p>
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}
