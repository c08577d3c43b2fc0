import { getFormProps, type SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import {
  changeEmail,
  changePassword,
  deleteAccount,
  updateProfile,
} from "~/accounts/accounts.server";
import {
  changeEmailSchema,
  changePasswordSchema,
  deleteAccountSchema,
  profileSchema,
  womanAnswerSchema,
} from "~/accounts/schemas";
import { saveWomanAnswer, womanAnswer, type WomanAnswer } from "~/events/women-only.server";
import { hasRole } from "~/accounts/roles";
import { blankSessionCookie, requireUser } from "~/accounts/sessions.server";
import {
  DisplayNameField,
  EmailField,
  FieldError,
  LanguageSelect,
  FormErrors,
  Notice,
  PasswordField,
  useZodForm,
} from "~/components/forms";
import {
  calendarTitleSetting,
  calendarTokenFor,
  regenerateCalendarToken,
  saveCalendarTitleSetting,
} from "~/calendar/feeds.server";
import { calendarTitlesSchema } from "~/calendar/schemas";
import { calendarFeedUrl } from "~/calendar/urls.server";
import { EmailChoices } from "~/components/EmailChoices";
import { db } from "~/db.server";
import { mailPreferences, saveEmailChoices } from "~/notifications/preferences.server";
import { emailChoicesSchema, switchableKinds } from "~/notifications/schemas";
import { formatTime } from "~/i18n/format";
import { localeCookieHeader } from "~/i18n/i18next.server";
import { getLocale } from "~/utils/locale.server";
import type { RouteHandle } from "~/utils/handle";
import { readForm } from "~/utils/forms.server";
import { badRequest } from "~/utils/http.server";

export const handle: RouteHandle = { titleKey: "settings.metaTitle" };

const schemaFor = {
  profile: profileSchema,
  email: changeEmailSchema,
  password: changePasswordSchema,
  delete: deleteAccountSchema,
} as const;
type Intent = keyof typeof schemaFor;

function isIntent(value: unknown): value is Intent {
  return typeof value === "string" && Object.hasOwn(schemaFor, value);
}

export async function loader({ request }: LoaderFunctionArgs) {
  const { user } = await requireUser(request);
  return json({
    email: user.email,
    displayName: user.displayName,
    locale: user.locale ?? (await getLocale(request)),
    justReset: new URL(request.url).searchParams.has("reset"),
    calendarUrl: calendarFeedUrl(await calendarTokenFor(db(), user.id)),
    calendarFullTitles: await calendarTitleSetting(db(), user.id),
    mail: await mailPreferences(db(), user.id),
    emailKinds: switchableKinds(hasRole(user.role, "organizer")),
    womanAnswer: await womanAnswer(db(), user.id),
  });
}

export async function action({ request }: ActionFunctionArgs) {
  const { user, session } = await requireUser(request);
  const formData = await readForm(request);
  const intent = formData.get("intent");
  if (intent === "calendar") {
    await regenerateCalendarToken(db(), user.id);
    return json({ intent: "calendar" as const, result: null, saved: true });
  }
  if (intent === "calendarTitles") {
    const submission = parseWithZod(formData, { schema: calendarTitlesSchema });
    if (submission.status !== "success") throw new Response("Bad form", { status: 400 });
    await saveCalendarTitleSetting(db(), user.id, submission.value.fullTitles === "yes");
    return json({ intent: "calendarTitles" as const, result: null, saved: true });
  }
  if (intent === "womenOnly") {
    const submission = parseWithZod(formData, { schema: womanAnswerSchema });
    if (submission.status !== "success") throw badRequest("Bad form.");
    await saveWomanAnswer(db(), user.id, submission.value.answer);
    return json({ intent: "womenOnly" as const, result: null, saved: true });
  }
  if (intent === "emails") {
    const submission = parseWithZod(formData, { schema: emailChoicesSchema });
    if (submission.status !== "success") {
      return json({ intent, result: submission.reply(), saved: false }, { status: 400 });
    }
    await saveEmailChoices(db(), user, submission.value);
    return json({ intent, result: submission.reply(), saved: true });
  }
  if (!isIntent(intent)) throw badRequest("Unknown form.");

  const hideFields = ["currentPassword", "newPassword"];
  const submission = parseWithZod(formData, { schema: schemaFor[intent] });
  if (submission.status !== "success") {
    return json(
      { intent, result: submission.reply({ hideFields }), saved: false },
      { status: 400 },
    );
  }
  const value = submission.value;
  const database = db();

  if (value.intent === "profile") {
    await updateProfile(database, user.id, value);
    // The saved language applies at once, also over a language picked earlier on this device.
    return json(
      { intent, result: submission.reply(), saved: true },
      { headers: { "Set-Cookie": await localeCookieHeader(value.locale) } },
    );
  }

  const outcome =
    value.intent === "email"
      ? await changeEmail(database, user.id, value)
      : value.intent === "password"
        ? await changePassword(database, user.id, { ...value, keepSessionId: session.id })
        : await deleteAccount(database, user.id, value.currentPassword);

  if (!outcome.ok) {
    const time = outcome.retryAt ? formatTime(outcome.retryAt, await getLocale(request)) : null;
    return json(
      {
        intent,
        result: submission.reply({ fieldErrors: { [outcome.field]: [outcome.error] }, hideFields }),
        saved: false,
        time,
      },
      { status: time ? 429 : 400 },
    );
  }
  if (value.intent === "delete") {
    return redirect("/?farewell=1", { headers: { "Set-Cookie": blankSessionCookie() } });
  }
  return json({ intent, result: submission.reply({ resetForm: true }), saved: true });
}

export default function Settings() {
  const { t } = useTranslation();
  const data = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const resultFor = (intent: Intent) =>
    actionData?.intent === intent ? actionData.result : undefined;
  const savedNow = (intent: Intent) => actionData?.intent === intent && actionData.saved;
  // When to try again, if too many wrong current passwords paused these forms.
  const retryTime = (intent: Intent) =>
    actionData?.intent === intent && "time" in actionData && typeof actionData.time === "string"
      ? actionData.time
      : null;

  return (
    <div className="stack narrow">
      <h1>{t("settings.title")}</h1>
      {data.justReset ? (
        <Notice>
          <p>{t("reset.done")}</p>
        </Notice>
      ) : null}
      <ProfileForm data={data} lastResult={resultFor("profile")} saved={savedNow("profile")} />
      <EmailForm
        email={data.email}
        lastResult={resultFor("email")}
        saved={savedNow("email")}
        retryTime={retryTime("email")}
      />
      <PasswordForm
        lastResult={resultFor("password")}
        saved={savedNow("password")}
        retryTime={retryTime("password")}
      />
      <section className="card stack" aria-labelledby="privacy-request-title">
        <h2 id="privacy-request-title">{t("keepApart.settingsTitle")}</h2>
        <p>{t("keepApart.settingsBody")}</p>
        <p>
          <Link to="/settings/privacy">{t("keepApart.link")}</Link>
        </p>
      </section>
      <WomanAnswerForm answer={data.womanAnswer} saved={actionData?.intent === "womenOnly"} />
      <section className="card stack" aria-labelledby="data-title">
        <h2 id="data-title">{t("settings.dataTitle")}</h2>
        <p>{t("settings.dataBody")}</p>
        <p>
          <a href="/settings/data" className="button button--secondary" download>
            {t("settings.dataDownload")}
          </a>
        </p>
      </section>
      <EmailChoices
        kinds={data.emailKinds}
        preferences={data.mail}
        lastResult={actionData?.intent === "emails" ? actionData.result : undefined}
        saved={actionData?.intent === "emails" && actionData.saved}
      />
      <CalendarSection
        url={data.calendarUrl}
        regenerated={actionData?.intent === "calendar"}
        fullTitles={data.calendarFullTitles}
        titlesSaved={actionData?.intent === "calendarTitles"}
      />
      <DeleteForm lastResult={resultFor("delete")} retryTime={retryTime("delete")} />
    </div>
  );
}

type LastResult = SubmissionResult<string[]> | undefined;
type RetryTime = string | null;
const retryParams = (time: RetryTime) => (time ? { time } : undefined);

function SubmitButton({
  intent,
  label,
  danger,
}: {
  intent: Intent;
  label: string;
  danger?: boolean;
}) {
  const navigation = useNavigation();
  const busy = navigation.state === "submitting" && navigation.formData?.get("intent") === intent;
  return (
    <button type="submit" className={danger ? "button button--danger" : "button"} disabled={busy}>
      {label}
    </button>
  );
}

function ProfileForm({
  data,
  lastResult,
  saved,
}: {
  data: { displayName: string; locale: string };
  lastResult: LastResult;
  saved: boolean;
}) {
  const { t } = useTranslation();
  const [form, fields] = useZodForm("settings-profile", profileSchema, lastResult, {
    displayName: data.displayName,
    locale: data.locale,
  });
  return (
    <section className="card stack" aria-labelledby="profile-title">
      <h2 id="profile-title">{t("settings.profileTitle")}</h2>
      {saved ? (
        <Notice>
          <p>{t("settings.profileSaved")}</p>
        </Notice>
      ) : null}
      <Form method="post" className="stack" {...getFormProps(form)}>
        <input type="hidden" name="intent" value="profile" />
        <DisplayNameField meta={fields.displayName} />
        <LanguageSelect meta={fields.locale} label={t("fields.language")} />
        <SubmitButton intent="profile" label={t("settings.profileSubmit")} />
      </Form>
    </section>
  );
}

function EmailForm({
  email,
  lastResult,
  saved,
  retryTime,
}: {
  email: string;
  lastResult: LastResult;
  saved: boolean;
  retryTime: RetryTime;
}) {
  const { t } = useTranslation();
  const [form, fields] = useZodForm("settings-email", changeEmailSchema, lastResult);
  return (
    <section className="card stack" aria-labelledby="email-title">
      <h2 id="email-title">{t("settings.emailTitle")}</h2>
      {saved ? (
        <Notice>
          <p>{t("settings.emailSaved")}</p>
        </Notice>
      ) : null}
      {/* First-strong isolates keep a Latin address intact inside Persian or Arabic text. */}
      <p>{t("settings.emailCurrent", { email: `\u2068${email}\u2069` })}</p>
      <Form method="post" className="stack" {...getFormProps(form)}>
        <input type="hidden" name="intent" value="email" />
        <FormErrors id={form.errorId} errors={form.errors} params={retryParams(retryTime)} />
        <EmailField meta={fields.email} label={t("fields.newEmail")} />
        <PasswordField
          meta={fields.currentPassword}
          label={t("fields.currentPassword")}
          hint={t("fields.currentPasswordHint")}
          autoComplete="current-password"
        />
        <SubmitButton intent="email" label={t("settings.emailSubmit")} />
      </Form>
    </section>
  );
}

function PasswordForm({
  lastResult,
  saved,
  retryTime,
}: {
  lastResult: LastResult;
  saved: boolean;
  retryTime: RetryTime;
}) {
  const { t } = useTranslation();
  const [form, fields] = useZodForm("settings-password", changePasswordSchema, lastResult);
  return (
    <section className="card stack" aria-labelledby="password-title">
      <h2 id="password-title">{t("settings.passwordTitle")}</h2>
      {saved ? (
        <Notice>
          <p>{t("settings.passwordSaved")}</p>
        </Notice>
      ) : null}
      <Form method="post" className="stack" {...getFormProps(form)}>
        <input type="hidden" name="intent" value="password" />
        <FormErrors id={form.errorId} errors={form.errors} params={retryParams(retryTime)} />
        <PasswordField
          meta={fields.currentPassword}
          label={t("fields.currentPassword")}
          autoComplete="current-password"
        />
        <PasswordField
          meta={fields.newPassword}
          label={t("fields.newPassword")}
          hint={t("fields.passwordHint")}
          autoComplete="new-password"
        />
        <SubmitButton intent="password" label={t("settings.passwordSubmit")} />
      </Form>
    </section>
  );
}

function DeleteForm({ lastResult, retryTime }: { lastResult: LastResult; retryTime: RetryTime }) {
  const { t } = useTranslation();
  const [form, fields] = useZodForm("settings-delete", deleteAccountSchema, lastResult);
  return (
    <section className="card card--danger stack" aria-labelledby="delete-title">
      <h2 id="delete-title">{t("settings.deleteTitle")}</h2>
      <p>{t("settings.deleteBody")}</p>
      <Form method="post" className="stack" {...getFormProps(form)}>
        <input type="hidden" name="intent" value="delete" />
        <FormErrors id={form.errorId} errors={form.errors} params={retryParams(retryTime)} />
        <div className="field field--check">
          <input
            type="checkbox"
            id={fields.confirm.id}
            name={fields.confirm.name}
            value="yes"
            required
            aria-invalid={fields.confirm.errors ? true : undefined}
            aria-describedby={fields.confirm.errors ? fields.confirm.errorId : undefined}
          />
          <label htmlFor={fields.confirm.id}>{t("settings.deleteConfirm")}</label>
        </div>
        <FieldError id={fields.confirm.errorId} errors={fields.confirm.errors} t={t} />
        <PasswordField
          meta={fields.currentPassword}
          label={t("fields.currentPassword")}
          hint={t("fields.currentPasswordHint")}
          autoComplete="current-password"
        />
        <SubmitButton intent="delete" label={t("settings.deleteSubmit")} danger />
      </Form>
    </section>
  );
}

/** Optional and self-described; used only for gatherings for women and never shown to anyone. */
function WomanAnswerForm({ answer, saved }: { answer: WomanAnswer; saved: boolean }) {
  const { t } = useTranslation();
  const options: { value: WomanAnswer; label: string }[] = [
    { value: "yes", label: t("womenOnly.answerYes") },
    { value: "no", label: t("womenOnly.answerNo") },
    { value: "unsaid", label: t("womenOnly.answerUnsaid") },
  ];
  return (
    <section className="card stack" aria-labelledby="women" id="women-question">
      <h2 id="women">{t("womenOnly.settingsTitle")}</h2>
      {saved ? (
        <Notice>
          <p>{t("womenOnly.settingsSaved")}</p>
        </Notice>
      ) : null}
      <p>{t("womenOnly.settingsBody")}</p>
      <Form method="post" className="stack">
        <input type="hidden" name="intent" value="womenOnly" />
        <fieldset className="stack">
          <legend>{t("womenOnly.settingsQuestion")}</legend>
          {options.map((option) => (
            <div className="field field--check" key={option.value}>
              <input
                type="radio"
                id={`woman-${option.value}`}
                name="answer"
                value={option.value}
                defaultChecked={answer === option.value}
              />
              <label htmlFor={`woman-${option.value}`}>{option.label}</label>
            </div>
          ))}
        </fieldset>
        <p>
          <button type="submit" className="button button--secondary">
            {t("womenOnly.settingsSubmit")}
          </button>
        </p>
      </Form>
    </section>
  );
}

function CalendarSection({
  url,
  regenerated,
  fullTitles,
  titlesSaved,
}: {
  url: string;
  regenerated: boolean;
  fullTitles: boolean;
  titlesSaved: boolean;
}) {
  const { t } = useTranslation();
  const webcal = url.replace(/^https?:/, "webcal:");
  return (
    <section className="card stack" aria-labelledby="calendar-title">
      <h2 id="calendar-title">{t("calendar.title")}</h2>
      {regenerated ? (
        <Notice>
          <p>{t("calendar.regenerated")}</p>
        </Notice>
      ) : null}
      <p>{t("calendar.body")}</p>
      <p>
        <a className="button button--secondary" href={webcal}>
          {t("calendar.subscribe")}
        </a>
      </p>
      <div className="field">
        <label htmlFor="calendar-url">{t("calendar.copyHint")}</label>
        <input id="calendar-url" type="url" readOnly value={url} dir="ltr" />
      </div>
      <ul className="plain-list muted">
        <li>{t("calendar.iphone")}</li>
        <li>{t("calendar.android")}</li>
        <li>{t("calendar.privacy")}</li>
      </ul>
      <Form method="post" className="stack">
        <input type="hidden" name="intent" value="calendarTitles" />
        {titlesSaved ? (
          <Notice>
            <p>{t("calendarSettings.saved")}</p>
          </Notice>
        ) : null}
        <div className="field field--check">
          <input
            type="checkbox"
            id="calendar-full-titles"
            name="fullTitles"
            value="yes"
            defaultChecked={fullTitles}
            aria-describedby="calendar-full-titles-hint"
          />
          <label htmlFor="calendar-full-titles">{t("calendarSettings.fullTitles")}</label>
        </div>
        <p id="calendar-full-titles-hint" className="field__hint">
          {t("calendarSettings.hint")}
        </p>
        <p>
          <button type="submit" className="button button--secondary">
            {t("calendarSettings.submit")}
          </button>
        </p>
      </Form>
      <Form method="post">
        <input type="hidden" name="intent" value="calendar" />
        <button type="submit" className="button button--secondary">
          {t("calendar.regenerate")}
        </button>
      </Form>
    </section>
  );
}
