import { useTranslation } from "react-i18next";
import { profileSchema } from "~/accounts/schemas";
import { DisplayNameField, LanguageSelect, useZodForm } from "~/components/forms";
import type { SectionProps } from "./data";
import { SavedNotice } from "./SavedNotice";
import { SectionForm } from "./SectionForm";
import { SubmitButton } from "./SubmitButton";

export function ProfileSection({ data, reply }: SectionProps) {
  const { t } = useTranslation();
  const [form, fields] = useZodForm("settings-profile", profileSchema, reply?.result, {
    displayName: data.displayName,
    locale: data.locale,
  });
  return (
    <section className="card stack" aria-labelledby="profile-title">
      <h2 id="profile-title">{t("settings.profileTitle")}</h2>
      <SavedNotice data={data} form="profile" text={t("settings.profileSaved")} />
      <SectionForm form={form} name="profile" reply={reply}>
        <DisplayNameField meta={fields.displayName} />
        <LanguageSelect meta={fields.locale} label={t("fields.language")} />
        <SubmitButton form="profile" label={t("settings.profileSubmit")} />
      </SectionForm>
    </section>
  );
}
