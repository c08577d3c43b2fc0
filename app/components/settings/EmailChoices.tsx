import { getFormProps, getSelectProps } from "@conform-to/react";
import { Form } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { Field, PlainCheck, useZodForm } from "~/components/forms";
import type { ReminderLead } from "~/notifications/kinds";
import { reminderLeads } from "~/notifications/kinds";
import { emailChoicesSchema } from "~/notifications/schemas";
import { settingsFormAction } from "~/utils/settings-sections";
import type { SectionProps } from "./data";
import { SavedNotice } from "./SavedNotice";
import { SubmitButton } from "./SubmitButton";

const leadLabel: Record<ReminderLead, string> = {
  off: "settings.reminderOff",
  "1d": "settings.reminder1d",
  "2h": "settings.reminder2h",
};

/** Settings: which kinds of email to get, and when the reminder comes. */
export function EmailChoices({ data, reply }: SectionProps) {
  const { t } = useTranslation();
  const preferences = data.mail;
  const [form, fields] = useZodForm("settings-emails", emailChoicesSchema, reply?.result, {
    reminderLead: preferences.reminderLead,
  });
  const optedOut = new Set(preferences.optedOut);
  return (
    <section className="card stack" aria-labelledby="emails-title" id="emails">
      <h2 id="emails-title">{t("settings.emailsTitle")}</h2>
      <SavedNotice data={data} form="notifications" text={t("settings.emailsSaved")} />
      <p>{t("settings.emailsIntro")}</p>
      <Form
        method="post"
        action={settingsFormAction("notifications")}
        className="stack"
        {...getFormProps(form)}
      >
        <fieldset className="stack">
          <legend>{t("settings.emailsKinds")}</legend>
          {data.emailKinds.map((kind) => (
            <PlainCheck
              key={kind}
              id={`wanted-${kind}`}
              name="wanted"
              value={kind}
              defaultChecked={!optedOut.has(kind)}
              label={t(`mailKinds.${kind}`)}
            />
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
        <SubmitButton form="notifications" label={t("settings.emailsSubmit")} />
      </Form>
    </section>
  );
}
