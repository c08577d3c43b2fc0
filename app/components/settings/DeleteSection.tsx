import { useTranslation } from "react-i18next";
import { deleteAccountSchema } from "~/accounts/schemas";
import { Check, PasswordField, useZodForm } from "~/components/forms";
import type { SectionProps } from "./data";
import { SectionForm } from "./SectionForm";
import { SubmitButton } from "./SubmitButton";

export function DeleteSection({ reply }: SectionProps) {
  const { t } = useTranslation();
  const [form, fields] = useZodForm("settings-delete", deleteAccountSchema, reply?.result);
  return (
    <section className="card card--danger stack" aria-labelledby="delete-title">
      <h2 id="delete-title">{t("settings.deleteTitle")}</h2>
      <p>{t("settings.deleteBody")}</p>
      <SectionForm form={form} name="delete" reply={reply}>
        <Check meta={fields.confirm} label={t("settings.deleteConfirm")} value="yes" required />
        <PasswordField
          meta={fields.currentPassword}
          label={t("fields.currentPassword")}
          hint={t("fields.currentPasswordHint")}
          autoComplete="current-password"
        />
        <SubmitButton form="delete" label={t("settings.deleteSubmit")} variant="danger" />
      </SectionForm>
    </section>
  );
}
