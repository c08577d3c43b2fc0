import { useTranslation } from "react-i18next";
import { changeEmailSchema } from "~/accounts/schemas";
import { EmailField, PasswordField, useZodForm } from "~/components/forms";
import type { SectionProps } from "./data";
import { SavedNotice } from "./SavedNotice";
import { SectionForm } from "./SectionForm";
import { SubmitButton } from "./SubmitButton";

export function EmailSection({ data, reply }: SectionProps) {
  const { t } = useTranslation();
  const [form, fields] = useZodForm("settings-email", changeEmailSchema, reply?.result);
  return (
    <section className="card stack" aria-labelledby="email-title">
      <h2 id="email-title">{t("settings.emailTitle")}</h2>
      <SavedNotice data={data} form="email" text={t("settings.emailSaved")} />
      {/* First-strong isolates keep a Latin address intact inside Persian or Arabic text. */}
      <p>{t("settings.emailCurrent", { email: `\u2068${data.email}\u2069` })}</p>
      <SectionForm form={form} name="email" reply={reply}>
        <EmailField meta={fields.email} label={t("fields.newEmail")} />
        <PasswordField
          meta={fields.currentPassword}
          label={t("fields.currentPassword")}
          hint={t("fields.currentPasswordHint")}
          autoComplete="current-password"
        />
        <SubmitButton form="email" label={t("settings.emailSubmit")} />
      </SectionForm>
    </section>
  );
}
