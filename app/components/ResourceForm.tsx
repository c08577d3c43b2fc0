import {
  getCollectionProps,
  getInputProps,
  getSelectProps,
  getTextareaProps,
  type FieldMetadata,
  type SubmissionResult,
} from "@conform-to/react";
import { useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { resourceFormSchema, resourceStatuses } from "~/care/directory-schemas";
import { weekdayLabel, weekdays } from "~/care/opening-hours";
import { helpTopics, resourceAudiences } from "~/care/topics";
import { spokenLanguages } from "~/events/languages";
import type { Locale } from "~/i18n/config";
import {
  Check,
  ChoiceField,
  Field,
  fieldsByName,
  IntentForm,
  LanguageSelect,
  useZodForm,
} from "./forms";
import { LanguageName } from "./Lang";

type Values = Record<string, unknown>;
/** Empty rows offered below the saved ones; more appear after each save. */
const SPARE_ROWS = 3;

/** The hours table: each row a weekday and two times, plain inputs that work without JavaScript. */
function HoursRows({ meta, locale }: { meta: FieldMetadata<unknown>; locale: Locale }) {
  const { t } = useTranslation();
  const list = (
    meta as FieldMetadata<{ weekday: string; opens: string; closes: string }[]>
  ).getFieldList();
  const count = list.length + SPARE_ROWS;
  return (
    <fieldset className="field">
      <legend>{t("resourcesOrg.hours")}</legend>
      <p className="field__hint">{t("resourcesOrg.hoursHint")}</p>
      {Array.from({ length: count }, (_, i) => {
        const row = list[i]?.getFieldset();
        const name = `${meta.name}[${i}]`;
        const id = `${meta.id}-${i}`;
        const value = (key: "weekday" | "opens" | "closes") =>
          (row?.[key].initialValue as string | undefined) ?? "";
        const errors = [row?.weekday.errors, row?.opens.errors, row?.closes.errors]
          .flat()
          .filter((e): e is string => typeof e === "string");
        return (
          <div key={`${i}-${value("weekday")}-${value("opens")}`} className="field-row hours-row">
            <div className="field">
              <label htmlFor={`${id}-weekday`}>{t("resourcesOrg.weekday")}</label>
              <select id={`${id}-weekday`} name={`${name}.weekday`} defaultValue={value("weekday")}>
                <option value="">{t("resourcesOrg.noDay")}</option>
                {weekdays.map((d) => (
                  <option key={d} value={d}>
                    {weekdayLabel(d, locale)}
                  </option>
                ))}
              </select>
            </div>
            <div className="field">
              <label htmlFor={`${id}-opens`}>{t("resourcesOrg.opens")}</label>
              <input
                id={`${id}-opens`}
                type="time"
                name={`${name}.opens`}
                defaultValue={value("opens")}
              />
            </div>
            <div className="field">
              <label htmlFor={`${id}-closes`}>{t("resourcesOrg.closes")}</label>
              <input
                id={`${id}-closes`}
                type="time"
                name={`${name}.closes`}
                defaultValue={value("closes")}
              />
            </div>
            {errors.length ? (
              <p className="field__error" role="alert">
                {[...new Set(errors)].map((e) => t(e)).join(" ")}
              </p>
            ) : null}
          </div>
        );
      })}
    </fieldset>
  );
}

/** The organizer's directory entry form, for a new entry and for an edit. */
export function ResourceForm({
  id,
  lastResult,
  defaultValue,
  locale,
}: {
  id: string;
  lastResult: SubmissionResult<string[]> | null | undefined;
  defaultValue: Values;
  locale: Locale;
}) {
  const { t } = useTranslation();
  const busy = useNavigation().state === "submitting";
  const [form, fields] = useZodForm(id, resourceFormSchema, lastResult, defaultValue as never);
  const field = fieldsByName(fields);
  const text = (name: string) => field(name) as FieldMetadata<string>;

  return (
    <IntentForm form={form} intent="save">
      <div className="card stack">
        <Field meta={field("name")} label={t("resourcesOrg.name")}>
          <input
            {...getInputProps(text("name"), { type: "text" })}
            key={field("name").key}
            dir="auto"
          />
        </Field>
        <Field meta={field("description")} label={t("resourcesOrg.description")}>
          <textarea
            {...getTextareaProps(text("description"))}
            key={field("description").key}
            rows={4}
            dir="auto"
          />
        </Field>
        <LanguageSelect meta={field("locale")} label={t("resourcesOrg.textLanguage")} />
        <ChoiceField
          meta={field("topics")}
          legend={t("resourcesOrg.topics")}
          options={helpTopics}
          label={(topic) => <span>{t(`careTopics.${topic}`)}</span>}
          type="checkbox"
        />
        <ChoiceField
          meta={field("languages")}
          legend={t("resourcesOrg.languages")}
          options={spokenLanguages}
          label={(code) => <LanguageName code={code} locale={locale} />}
          type="checkbox"
        />
        <Check meta={field("interpretation")} label={t("resourcesOrg.interpretation")} />
        <Field meta={field("audience")} label={t("resourcesOrg.audience")}>
          <select {...getSelectProps(text("audience"))} key={field("audience").key}>
            {resourceAudiences.map((a) => (
              <option key={a} value={a}>
                {t(`careAudiences.${a}`)}
              </option>
            ))}
          </select>
        </Field>
      </div>

      <div className="card stack">
        <Check meta={field("free")} label={t("resourcesOrg.free")} />
        <Field meta={field("costNote")} label={t("resourcesOrg.costNote")}>
          <input
            {...getInputProps(text("costNote"), { type: "text" })}
            key={field("costNote").key}
            dir="auto"
          />
        </Field>
        <Field meta={field("whatToBring")} label={t("resourcesOrg.whatToBring")}>
          <textarea
            {...getTextareaProps(text("whatToBring"))}
            key={field("whatToBring").key}
            rows={2}
            dir="auto"
          />
        </Field>
      </div>

      <div className="card stack">
        <Field meta={field("phone")} label={t("resourcesOrg.phone")}>
          <input
            {...getInputProps(text("phone"), { type: "tel" })}
            key={field("phone").key}
            dir="ltr"
          />
        </Field>
        <Field meta={field("email")} label={t("resourcesOrg.email")}>
          <input
            {...getInputProps(text("email"), { type: "email" })}
            key={field("email").key}
            dir="ltr"
          />
        </Field>
        <Field meta={field("website")} label={t("resourcesOrg.website")}>
          <input
            {...getInputProps(text("website"), { type: "url" })}
            key={field("website").key}
            dir="ltr"
          />
        </Field>
        <Field meta={field("address")} label={t("resourcesOrg.address")}>
          <input
            {...getInputProps(text("address"), { type: "text" })}
            key={field("address").key}
            dir="auto"
          />
        </Field>
        <Field meta={field("mapUrl")} label={t("resourcesOrg.mapUrl")}>
          <input
            {...getInputProps(text("mapUrl"), { type: "url" })}
            key={field("mapUrl").key}
            dir="ltr"
          />
        </Field>
      </div>

      <div className="card stack">
        <HoursRows meta={field("hours")} locale={locale} />
        <fieldset className="field">
          <legend>{t("resourcesOrg.status")}</legend>
          {getCollectionProps(field("status") as FieldMetadata<string>, {
            type: "radio",
            options: [...resourceStatuses],
          }).map((props) => (
            <label key={props.key} className="field--check">
              <input {...props} key={props.key} />
              {t(`resourcesOrg.statuses.${props.value}`)}
            </label>
          ))}
        </fieldset>
      </div>

      <button type="submit" className="button" disabled={busy}>
        {t("resourcesOrg.save")}
      </button>
    </IntentForm>
  );
}
