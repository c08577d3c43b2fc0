import { PlainCheck } from "~/components/choice-fields";
import { PlainField } from "~/components/fields";
import { Form } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { settingsFormAction } from "~/utils/settings-sections";
import type { SectionProps } from "./data";
import { SavedNotice } from "./SavedNotice";
import { SubmitButton } from "./SubmitButton";

/** The personal calendar feed: its address, the full-titles choice, and a new address. */
export function CalendarSection({ data }: SectionProps) {
  const { t } = useTranslation();
  const url = data.calendarUrl;
  const webcal = url.replace(/^https?:/, "webcal:");
  return (
    <section className="card stack" aria-labelledby="calendar-title">
      <h2 id="calendar-title">{t("calendar.title")}</h2>
      <SavedNotice data={data} form="calendar-link" text={t("calendar.regenerated")} />
      <p>{t("calendar.body")}</p>
      <p>
        <a className="button button--secondary" href={webcal}>
          {t("calendar.subscribe")}
        </a>
      </p>
      <PlainField id="calendar-url" label={t("calendar.copyHint")}>
        <input id="calendar-url" type="url" readOnly value={url} dir="ltr" />
      </PlainField>
      <ul className="plain-list muted">
        <li>{t("calendar.iphone")}</li>
        <li>{t("calendar.android")}</li>
        <li>{t("calendar.privacy")}</li>
      </ul>
      <Form
        method="post"
        action={settingsFormAction("calendar-titles")}
        className="stack"
        id="calendar-titles"
      >
        <SavedNotice data={data} form="calendar-titles" text={t("calendarSettings.saved")} />
        <PlainCheck
          id="calendar-full-titles"
          name="fullTitles"
          value="yes"
          defaultChecked={data.calendarFullTitles}
          aria-describedby="calendar-full-titles-hint"
          label={t("calendarSettings.fullTitles")}
        />
        <p id="calendar-full-titles-hint" className="field__hint">
          {t("calendarSettings.hint")}
        </p>
        <p>
          <SubmitButton
            form="calendar-titles"
            label={t("calendarSettings.submit")}
            variant="secondary"
          />
        </p>
      </Form>
      <Form method="post" action={settingsFormAction("calendar-link")}>
        <SubmitButton form="calendar-link" label={t("calendar.regenerate")} variant="secondary" />
      </Form>
    </section>
  );
}
