import { parseWithZod } from "@conform-to/zod";
import type { ActionFunctionArgs, LoaderFunctionArgs, LinksFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { requireRole } from "~/accounts/sessions.server";
import {
  deleteResource,
  deleteResourceTranslation,
  formDefaultsOf,
  getResource,
  markChecked,
  saveResourceTranslation,
  updateResource,
} from "~/care/directory-admin.server";
import { resourceFormSchema, resourceTranslationSchema } from "~/care/directory-schemas";
import { isStale } from "~/care/directory.server";
import {
  InputField,
  IntentForm,
  LanguageSelect,
  Notice,
  TextareaField,
  useZodForm,
} from "~/components/forms";
import { ResourceForm } from "~/components/ResourceForm";
import { SampleMark } from "~/components/resources";
import { db } from "~/db.server";
import { localeNames, supportedLocales } from "~/i18n/config";
import { formatDay } from "~/i18n/format";
import { getLocale } from "~/utils/locale.server";
import { readForm } from "~/utils/forms.server";
import type { RouteHandle } from "~/utils/handle";
import { badRequest, notFound } from "~/utils/http.server";
import directoryStyles from "~/styles/directory.css";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: directoryStyles }];

export const handle: RouteHandle = { titleKey: "resourcesOrg.editTitle" };

async function load(request: Request, id: string | undefined) {
  const [current, locale] = await Promise.all([
    requireRole(request, "organizer"),
    getLocale(request),
  ]);
  const resource = await getResource(db(), id ?? "");
  if (!resource) throw notFound();
  return { user: current.user, locale, resource };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { locale, resource } = await load(request, params.id);
  const url = new URL(request.url);
  return json({
    locale,
    saved: url.searchParams.get("saved"),
    resource: {
      id: resource.id,
      sample: resource.sample,
      locale: resource.locale,
      lastChecked: formatDay(resource.lastCheckedAt, locale),
      stale: isStale(resource.lastCheckedAt, new Date()),
      translations: resource.translations.map((tr) => ({ locale: tr.locale, name: tr.name })),
    },
    defaults: formDefaultsOf(resource),
  });
}

const removeTranslationSchema = z.object({
  intent: z.literal("removeTranslation"),
  locale: z.enum(supportedLocales),
});

export async function action({ request, params }: ActionFunctionArgs) {
  const { resource } = await load(request, params.id);
  const formData = await readForm(request);
  const intent = formData.get("intent");
  if (intent === "checked") {
    await markChecked(db(), resource.id);
    return redirect(`/organize/resources/${resource.id}?saved=checked`);
  }
  if (intent === "delete") {
    await deleteResource(db(), resource.id);
    return redirect("/organize/resources?deleted=1");
  }
  if (intent === "removeTranslation") {
    const submission = parseWithZod(formData, { schema: removeTranslationSchema });
    if (submission.status !== "success") throw badRequest();
    await deleteResourceTranslation(db(), resource.id, submission.value.locale);
    return redirect(`/organize/resources/${resource.id}?saved=translation`);
  }
  if (intent === "translation") {
    const submission = parseWithZod(formData, { schema: resourceTranslationSchema });
    if (submission.status !== "success")
      return json({ intent, result: submission.reply() }, { status: 400 });
    if (submission.value.locale === resource.locale) {
      return json(
        {
          intent,
          result: submission.reply({ fieldErrors: { locale: ["errors.translationIsOriginal"] } }),
        },
        { status: 400 },
      );
    }
    await saveResourceTranslation(db(), resource.id, submission.value);
    return redirect(`/organize/resources/${resource.id}?saved=translation`);
  }
  if (intent !== "save") throw badRequest("Unknown form.");
  const submission = parseWithZod(formData, { schema: resourceFormSchema });
  if (submission.status !== "success")
    return json({ intent: "save", result: submission.reply() }, { status: 400 });
  await updateResource(db(), resource.id, submission.value);
  return redirect(`/organize/resources/${resource.id}?saved=1`);
}

export default function EditResource() {
  const { t } = useTranslation();
  const { resource, defaults, locale, saved } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [translationForm, tf] = useZodForm(
    "resource-translation",
    resourceTranslationSchema,
    actionData?.intent === "translation" ? actionData.result : undefined,
  );
  return (
    <div className="stack narrow">
      <p className="actions">
        <Link to="/organize/resources">{t("resourcesOrg.backToList")}</Link>
        <Link to="/resources">{t("resourcesOrg.publicView")}</Link>
      </p>
      <h1>{t("resourcesOrg.editTitle")}</h1>
      {resource.sample ? <SampleMark /> : null}
      {saved ? (
        <Notice>
          <p>
            {t(
              saved === "checked"
                ? "resourcesOrg.checkedSaved"
                : saved === "translation"
                  ? "resourcesOrg.translationSaved"
                  : "resourcesOrg.saved",
            )}
          </p>
        </Notice>
      ) : null}

      <section className="card stack" aria-labelledby="checked-title">
        <h2 id="checked-title">{t("resourcesOrg.checkedTitle")}</h2>
        <p>
          {t("resources.lastChecked", { date: resource.lastChecked })}
          {resource.stale ? (
            <>
              {" "}
              <span className="status status--waiting">{t("resources.stale")}</span>
            </>
          ) : null}
        </p>
        <Form method="post">
          <input type="hidden" name="intent" value="checked" />
          <button type="submit" className="button button--secondary">
            {t("resourcesOrg.checkedToday")}
          </button>
        </Form>
      </section>

      <ResourceForm
        id="resource-edit"
        lastResult={actionData?.intent === "save" ? actionData.result : undefined}
        defaultValue={defaults}
        locale={locale}
      />

      <section className="card stack" aria-labelledby="translations-title">
        <h2 id="translations-title">{t("resourcesOrg.translationsTitle")}</h2>
        <p>{t("resourcesOrg.translationsBody")}</p>
        <ul className="plain-list">
          {resource.translations.map((tr) => (
            <li key={tr.locale}>
              <Form method="post" className="actions">
                <span>
                  <strong>{localeNames[tr.locale as keyof typeof localeNames] ?? tr.locale}</strong>
                  :{" "}
                  <span lang={tr.locale} dir="auto">
                    {tr.name}
                  </span>
                </span>
                <input type="hidden" name="intent" value="removeTranslation" />
                <input type="hidden" name="locale" value={tr.locale} />
                <button type="submit" className="button button--secondary">
                  {t("resourcesOrg.removeTranslation")}
                </button>
              </Form>
            </li>
          ))}
        </ul>
        <IntentForm form={translationForm} intent="translation">
          <LanguageSelect meta={tf.locale} label={t("fields.language")} />
          <InputField meta={tf.name} label={t("resourcesOrg.name")} type="text" dir="auto" />
          <TextareaField
            meta={tf.description}
            label={t("resourcesOrg.description")}
            rows={4}
            dir="auto"
          />
          <InputField
            meta={tf.costNote}
            label={t("resourcesOrg.costNote")}
            type="text"
            dir="auto"
          />
          <TextareaField
            meta={tf.whatToBring}
            label={t("resourcesOrg.whatToBring")}
            rows={2}
            dir="auto"
          />
          <button type="submit" className="button button--secondary">
            {t("resourcesOrg.translationSubmit")}
          </button>
        </IntentForm>
      </section>

      <section className="card card--danger stack" aria-labelledby="delete-title">
        <h2 id="delete-title">{t("resourcesOrg.deleteTitle")}</h2>
        <p>{t("resourcesOrg.deleteBody")}</p>
        <Form method="post">
          <input type="hidden" name="intent" value="delete" />
          <button type="submit" className="button button--danger">
            {t("resourcesOrg.deleteSubmit")}
          </button>
        </Form>
      </section>
    </div>
  );
}
