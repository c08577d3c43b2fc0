import { getFormProps, type FieldMetadata } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { requireUser } from "~/accounts/sessions.server";
import { createHelpRequest, myHelpRequests } from "~/care/help-requests.server";
import { helpContacts, helpUrgencies } from "~/care/help-rules";
import { newHelpRequestSchema } from "~/care/help-schemas";
import { helpTopics } from "~/care/topics";
import {
  Check,
  ChoiceField,
  fieldsByName,
  FormErrors,
  TextareaField,
  TextField,
  useZodForm,
} from "~/components/forms";
import { HelpStatus } from "~/components/help";
import { db } from "~/db.server";
import { TextWithLanguages } from "~/components/Lang";
import {
  foreignLanguageNames,
  isSpokenLanguage,
  languageName,
  spokenLanguages,
} from "~/events/languages";
import { formatDateTime } from "~/i18n/format";
import { getLocale } from "~/utils/locale.server";
import { readForm } from "~/utils/forms.server";
import { neutralTitleKey, type RouteHandle } from "~/utils/handle";

export const handle: RouteHandle = { titleKey: neutralTitleKey };

/** Ask quietly: the form, and her earlier requests. Never asks anything about legal status. */
export async function loader({ request }: LoaderFunctionArgs) {
  const { user } = await requireUser(request);
  const locale = await getLocale(request);
  const requests = await myHelpRequests(db(), user.id);
  const own = user.locale ?? locale;
  return json({
    locale,
    languages: spokenLanguages.map((code) => ({
      code,
      name: languageName(code, locale),
      // "やさしい にほんご" on a Persian page is Japanese (WCAG 3.1.2).
      foreign: foreignLanguageNames([code], locale),
    })),
    defaults: { languages: isSpokenLanguage(own) ? [own] : [], contact: "here" },
    requests: requests.map((r) => ({
      id: r.id,
      topic: r.topic,
      status: r.status,
      when: formatDateTime(r.createdAt, locale),
    })),
  });
}

export async function action({ request }: ActionFunctionArgs) {
  const { user } = await requireUser(request);
  const formData = await readForm(request);
  const submission = parseWithZod(formData, { schema: newHelpRequestSchema });
  if (submission.status !== "success") return json({ result: submission.reply() }, { status: 400 });
  const id = await createHelpRequest(db(), user.id, {
    ...submission.value,
    locale: await getLocale(request),
  });
  return redirect(`/help/${id}?sent=1`);
}

export default function Help() {
  const { t } = useTranslation();
  const { languages, defaults, requests } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [form, fields] = useZodForm(
    "help-request",
    newHelpRequestSchema,
    actionData?.result,
    defaults,
  );
  const field = fieldsByName(fields);
  const languageCodes = languages.map((l) => l.code);
  const byCode = Object.fromEntries(languages.map((l) => [l.code, l]));
  return (
    <div className="stack narrow">
      <h1>{t("help.title")}</h1>
      <p>{t("help.intro")}</p>
      <p className="muted">{t("help.privacy")}</p>
      <Form method="post" className="stack" {...getFormProps(form)}>
        <FormErrors id={form.errorId} errors={form.errors} />
        <div className="card stack">
          <ChoiceField
            meta={field("topic")}
            legend={t("help.topicLegend")}
            options={helpTopics}
            label={(topic) => t(`careTopics.${topic}`)}
            type="radio"
          />
          <ChoiceField
            meta={field("urgency")}
            legend={t("help.urgencyLegend")}
            options={helpUrgencies}
            label={(u) => t(`help.urgency.${u}`)}
            type="radio"
          />
        </div>
        <div className="card stack">
          <ChoiceField
            meta={field("languages")}
            legend={t("help.languagesLegend")}
            hint={t("help.languagesHint")}
            options={languageCodes}
            label={(code) => (
              <TextWithLanguages
                text={byCode[code]?.name ?? code}
                parts={byCode[code]?.foreign ?? []}
              />
            )}
            type="checkbox"
          />
          <Check meta={field("wantsWoman")} label={t("help.wantsWoman")} />
        </div>
        <div className="card stack">
          <ChoiceField
            meta={field("contact")}
            legend={t("help.contactLegend")}
            options={helpContacts}
            label={(c) => t(`help.contact.${c}`)}
            type="radio"
          />
          <TextField
            meta={field("handle") as FieldMetadata<string>}
            label={t("help.handleLabel")}
            hint={t("help.handleHint")}
            dir="auto"
          />
          <TextareaField
            meta={field("message")}
            label={t("help.messageLabel")}
            hint={t("help.messageHint")}
            rows={5}
            dir="auto"
          />
        </div>
        <button type="submit" className="button">
          {t("help.send")}
        </button>
      </Form>

      <section className="card stack" aria-labelledby="help-more">
        <h2 id="help-more">{t("help.moreTitle")}</h2>
        <ul className="plain-list stack">
          <li>
            <Link to="/resources">{t("help.moreResources")}</Link>
          </li>
          <li>
            <Link to="/report?about=help">{t("report.fromHelp")}</Link>
          </li>
          <li>
            <Link to="/settings/privacy">{t("keepApart.link")}</Link>
          </li>
          <li>
            <Link to="/tips">{t("quickExit.tipsLink")}</Link>
          </li>
        </ul>
      </section>

      {requests.length ? (
        <section className="stack" aria-labelledby="earlier-requests">
          <h2 id="earlier-requests">{t("help.earlierTitle")}</h2>
          <ul className="plain-list">
            {requests.map((r) => (
              <li key={r.id}>
                <Link to={`/help/${r.id}`}>{t(`careTopics.${r.topic}`)}</Link>{" "}
                <span className="muted">{r.when}</span> <HelpStatus status={r.status} />
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </div>
  );
}
