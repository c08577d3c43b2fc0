import { parseWithZod } from "@conform-to/zod";
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { EventForm } from "~/components/EventForm";
import {
  InputField,
  IntentForm,
  LanguageSelect,
  Notice,
  TextareaField,
  useZodForm,
} from "~/components/forms";
import { db } from "~/db.server";
import { cancelEvent, saveTranslation, updateEvent } from "~/events/events.server";
import { eventFormDefaults } from "~/events/event-form";
import { editEventSchema, translationSchema } from "~/events/schemas";
import { localeNames } from "~/i18n/config";
import { fieldErrorsOf } from "~/utils/form-errors";
import type { RouteHandle } from "~/utils/handle";
import { loadOrganizerEvent } from "~/utils/organizer-event.server";
import { readForm } from "~/utils/forms.server";
import { badRequest } from "~/utils/http.server";

export const handle: RouteHandle = { titleKey: "organize.formTitleEdit" };

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { event, locale } = await loadOrganizerEvent(request, params);
  return json({
    locale,
    saved: new URL(request.url).searchParams.has("saved"),
    event: {
      id: event.id,
      status: event.status,
      inSeries: event.seriesId !== null,
      seriesId: event.seriesId,
      translations: event.translations.map((tr) => ({
        locale: tr.locale,
        title: tr.title,
        description: tr.description,
      })),
    },
    defaults: eventFormDefaults(event),
  });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { event } = await loadOrganizerEvent(request, params);
  const formData = await readForm(request);
  const intent = formData.get("intent");

  if (intent === "cancel") {
    const outcome = await cancelEvent(db(), event.id);
    if (!outcome.ok)
      return json({ intent, result: null, error: outcome.errors[0]!.error }, { status: 400 });
    return redirect("/organize");
  }
  if (intent === "translation") {
    const submission = parseWithZod(formData, { schema: translationSchema });
    if (submission.status !== "success")
      return json({ intent, result: submission.reply(), error: null }, { status: 400 });
    if (submission.value.locale === event.locale) {
      return json(
        {
          intent,
          result: submission.reply({ fieldErrors: { locale: ["errors.translationIsOriginal"] } }),
          error: null,
        },
        { status: 400 },
      );
    }
    await saveTranslation(db(), event.id, submission.value);
    return json({ intent, result: submission.reply({ resetForm: true }), error: null });
  }
  if (intent !== "save") throw badRequest("Unknown form.");
  const submission = parseWithZod(formData, { schema: editEventSchema });
  if (submission.status !== "success")
    return json({ intent: "save", result: submission.reply(), error: null }, { status: 400 });
  const outcome = await updateEvent(db(), event.id, submission.value);
  if (!outcome.ok) {
    return json(
      {
        intent: "save",
        result: submission.reply({ fieldErrors: fieldErrorsOf(outcome.errors) }),
        error: null,
      },
      { status: 400 },
    );
  }
  return redirect(`/organize/events/${event.id}/edit?saved=1`);
}

export default function EditEvent() {
  const { t } = useTranslation();
  const { event, defaults, locale, saved } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [translationForm, translationFields] = useZodForm(
    "translation",
    translationSchema,
    actionData?.intent === "translation" ? actionData.result : undefined,
  );
  return (
    <div className="stack narrow">
      <h1>{t("organize.formTitleEdit")}</h1>
      <p className="actions">
        <Link to={`/events/${event.id}`}>{t("organize.viewEvent")}</Link>
        <Link to={`/organize/events/${event.id}/attendees`}>{t("organize.attendees")}</Link>
        <Link to={`/organize/events/${event.id}/check-in`}>{t("organize.checkIn")}</Link>
        <Link to={`/organize/events/${event.id}/exceptions`}>{t("womenOnly.exceptionsLink")}</Link>
      </p>
      {saved ? (
        <Notice>
          <p>{t("organize.saved")}</p>
        </Notice>
      ) : null}
      {event.status === "cancelled" ? (
        <div className="notice notice--error" role="status">
          <p>{t("errors.eventCancelled")}</p>
        </div>
      ) : (
        <EventForm
          mode="edit"
          lastResult={actionData?.intent === "save" ? actionData.result : undefined}
          defaultValue={defaults}
          inSeries={event.inSeries}
          locale={locale}
        />
      )}

      <section className="card stack" aria-labelledby="translations-title">
        <h2 id="translations-title">{t("organize.translationsTitle")}</h2>
        <p>{t("organize.translationsBody")}</p>
        {actionData?.intent === "translation" && actionData.result?.status === "success" ? (
          <Notice>
            <p>{t("organize.translationSaved")}</p>
          </Notice>
        ) : null}
        <ul className="plain-list">
          {event.translations.map((tr) => (
            <li key={tr.locale}>
              <strong>{localeNames[tr.locale as keyof typeof localeNames] ?? tr.locale}</strong>:{" "}
              <span lang={tr.locale} dir="auto">
                {tr.title}
              </span>
            </li>
          ))}
        </ul>
        <IntentForm form={translationForm} intent="translation">
          <LanguageSelect meta={translationFields.locale} label={t("fields.language")} />
          <InputField
            meta={translationFields.title}
            label={t("organize.eventTitle")}
            type="text"
            dir="auto"
          />
          <TextareaField
            meta={translationFields.description}
            label={t("organize.description")}
            rows={4}
            dir="auto"
          />
          <button type="submit" className="button button--secondary">
            {t("organize.translationSubmit")}
          </button>
        </IntentForm>
      </section>

      {event.status !== "cancelled" ? (
        <section className="card card--danger stack" aria-labelledby="cancel-title">
          <h2 id="cancel-title">{t("organize.cancelTitle")}</h2>
          <p>{t("organize.cancelBody")}</p>
          {actionData?.error ? <p className="field__error">{t(actionData.error)}</p> : null}
          <Form method="post">
            <input type="hidden" name="intent" value="cancel" />
            <button type="submit" className="button button--danger">
              {t("organize.cancelSubmit")}
            </button>
          </Form>
        </section>
      ) : null}
    </div>
  );
}
