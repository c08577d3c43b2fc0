import { getFormProps, getSelectProps, type SubmissionResult } from "@conform-to/react";
import { Form, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import type { MessageKind, ReminderLead } from "~/notifications/kinds";
import { reminderLeads } from "~/notifications/kinds";
import { emailChoicesSchema } from "~/notifications/schemas";
import { Field, Notice, useZodForm } from "./forms";

const leadLabel: Record<ReminderLead, string> = {
  off: "settings.reminderOff",
  "1d": "settings.reminder1d",
  "2h": "settings.reminder2h",
};

/** Settings: which kinds of email to get, and when the reminder comes. */
export function EmailChoices({
  kinds,
  preferences,
  lastResult,
  saved,
}: {
  kinds: MessageKind[];
  preferences: { optedOut: MessageKind[]; reminderLead: ReminderLead };
  lastResult: SubmissionResult<string[]> | undefined;
  saved: boolean;
}) {
  const { t } = useTranslation();
  const navigation = useNavigation();
  const busy = navigation.state === "submitting" && navigation.formData?.get("intent") === "emails";
  const [form, fields] = useZodForm("settings-emails", emailChoicesSchema, lastResult, {
    reminderLead: preferences.reminderLead,
  });
  const optedOut = new Set(preferences.optedOut);
  return (
    <section className="card stack" aria-labelledby="emails-title" id="emails">
      <h2 id="emails-title">{t("settings.emailsTitle")}</h2>
      {saved ? (
        <Notice>
          <p>{t("settings.emailsSaved")}</p>
        </Notice>
      ) : null}
      <p>{t("settings.emailsIntro")}</p>
      <Form method="post" className="stack" {...getFormProps(form)}>
        <input type="hidden" name="intent" value="emails" />
        <fieldset className="stack">
          <legend>{t("settings.emailsKinds")}</legend>
          {kinds.map((kind) => (
            <div className="field field--check" key={kind}>
              <input
                type="checkbox"
                id={`wanted-${kind}`}
                name="wanted"
                value={kind}
                defaultChecked={!optedOut.has(kind)}
              />
              <label htmlFor={`wanted-${kind}`}>{t(`mailKinds.${kind}`)}</label>
            </div>
          ))}
        </fieldset>
        <Field meta={fields.reminderLead} label={t("settings.reminderLabel")}>
          <select {...getSelectProps(fields.reminderLead)} key={fields.reminderLead.key}>
            {reminderLeads.map((lead) => (
              <option key={lead} value={lead}>
                {t(leadLabel[lead])}
              </option>
            ))}
          </select>
        </Field>
        <button type="submit" className="button" disabled={busy}>
          {t("settings.emailsSubmit")}
        </button>
      </Form>
    </section>
  );
}
