import type { FieldMetadata, SubmissionResult } from "@conform-to/react";
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
  fieldsByName,
  InputField,
  IntentForm,
  LanguageSelect,
  PlainFieldset,
  PlainInput,
  PlainSelect,
  SelectField,
  TextareaField,
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
    <PlainFieldset
      legend={t("resourcesOrg.hours")}
      hint={t("resourcesOrg.hoursHint")}
      hintId={`${meta.id}-hint`}
    >
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
            <PlainSelect
              id={`${id}-weekday`}
              name={`${name}.weekday`}
              label={t("resourcesOrg.weekday")}
              defaultValue={value("weekday")}
            >
              <option value="">{t("resourcesOrg.noDay")}</option>
              {weekdays.map((d) => (
                <option key={d} value={d}>
                  {weekdayLabel(d, locale)}
                </option>
              ))}
            </PlainSelect>
            <PlainInput
              id={`${id}-opens`}
              name={`${name}.opens`}
              label={t("resourcesOrg.opens")}
              type="time"
              defaultValue={value("opens")}
            />
            <PlainInput
              id={`${id}-closes`}
              name={`${name}.closes`}
              label={t("resourcesOrg.closes")}
              type="time"
              defaultValue={value("closes")}
            />
            {errors.length ? (
              // One message for the row: which of its three inputs is wrong is plain from it.
              <p className="field__error" role="alert">
                {[...new Set(errors)].map((e) => t(e)).join(" ")}
              </p>
            ) : null}
          </div>
        );
      })}
    </PlainFieldset>
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

  return (
    <IntentForm form={form} intent="save">
      <div className="card stack">
        <InputField meta={field("name")} label={t("resourcesOrg.name")} type="text" dir="auto" />
        <TextareaField
          meta={field("description")}
          label={t("resourcesOrg.description")}
          rows={4}
          dir="auto"
        />
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
        <SelectField meta={field("audience")} label={t("resourcesOrg.audience")}>
          {resourceAudiences.map((a) => (
            <option key={a} value={a}>
              {t(`careAudiences.${a}`)}
            </option>
          ))}
        </SelectField>
      </div>

      <div className="card stack">
        <Check meta={field("free")} label={t("resourcesOrg.free")} />
        <InputField
          meta={field("costNote")}
          label={t("resourcesOrg.costNote")}
          type="text"
          dir="auto"
        />
        <TextareaField
          meta={field("whatToBring")}
          label={t("resourcesOrg.whatToBring")}
          rows={2}
          dir="auto"
        />
      </div>

      <div className="card stack">
        <InputField meta={field("phone")} label={t("resourcesOrg.phone")} type="tel" dir="ltr" />
        <InputField meta={field("email")} label={t("resourcesOrg.email")} type="email" dir="ltr" />
        <InputField
          meta={field("website")}
          label={t("resourcesOrg.website")}
          type="url"
          dir="ltr"
        />
        <InputField
          meta={field("address")}
          label={t("resourcesOrg.address")}
          type="text"
          dir="auto"
        />
        <InputField meta={field("mapUrl")} label={t("resourcesOrg.mapUrl")} type="url" dir="ltr" />
      </div>

      <div className="card stack">
        <HoursRows meta={field("hours")} locale={locale} />
        <ChoiceField
          meta={field("status")}
          legend={t("resourcesOrg.status")}
          options={resourceStatuses}
          label={(status) => t(`resourcesOrg.statuses.${status}`)}
          type="radio"
          grid={false}
        />
      </div>
      <button type="submit" className="button" disabled={busy}>
        {t("resourcesOrg.save")}
      </button>
    </IntentForm>
  );
}
