import { useTranslation } from "react-i18next";
import { changePasswordSchema } from "~/accounts/schemas";
import { PasswordField, useZodForm } from "~/components/forms";
import type { SectionProps } from "./data";
import { SavedNotice } from "./SavedNotice";
import { SectionForm } from "./SectionForm";
import { SubmitButton } from "./SubmitButton";

export function PasswordSection({ data, reply }: SectionProps) {
  const { t } = useTranslation();
  const [form, fields] = useZodForm("settings-password", changePasswordSchema, reply?.result);
  return (
    <section className="card stack" aria-labelledby="password-title">
      <h2 id="password-title">{t("settings.passwordTitle")}</h2>
      <SavedNotice data={data} form="password" text={t("settings.passwordSaved")} />
      <SectionForm form={form} name="password" reply={reply}>
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
        <SubmitButton form="password" label={t("settings.passwordSubmit")} />
      </SectionForm>
    </section>
  );
}
