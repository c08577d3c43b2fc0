import { PlainCheck } from "~/components/choice-fields";
import { Form } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { settingsFormAction } from "~/utils/settings-sections";
import type { SectionProps } from "./data";
import { SavedNotice } from "./SavedNotice";
import { SubmitButton } from "./SubmitButton";

/** Optional and self-described; used only for gatherings for women and never shown to anyone. */
export function WomanAnswerSection({ data }: SectionProps) {
  const { t } = useTranslation();
  const options: { value: SectionProps["data"]["womanAnswer"]; label: string }[] = [
    { value: "yes", label: t("womenOnly.answerYes") },
    { value: "no", label: t("womenOnly.answerNo") },
    { value: "unsaid", label: t("womenOnly.answerUnsaid") },
  ];
  return (
    <section className="card stack" aria-labelledby="women" id="women-question">
      <h2 id="women">{t("womenOnly.settingsTitle")}</h2>
      <SavedNotice data={data} form="women-only" text={t("womenOnly.settingsSaved")} />
      <p>{t("womenOnly.settingsBody")}</p>
      <Form method="post" action={settingsFormAction("women-only")} className="stack">
        <fieldset className="stack">
          <legend>{t("womenOnly.settingsQuestion")}</legend>
          {options.map((option) => (
            <PlainCheck
              key={option.value}
              type="radio"
              id={`woman-${option.value}`}
              name="answer"
              value={option.value}
              defaultChecked={data.womanAnswer === option.value}
              label={option.label}
            />
          ))}
        </fieldset>
        <p>
          <SubmitButton
            form="women-only"
            label={t("womenOnly.settingsSubmit")}
            variant="secondary"
          />
        </p>
      </Form>
    </section>
  );
}
