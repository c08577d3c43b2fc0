import {
  getFormProps,
  getInputProps,
  getSelectProps,
  getTextareaProps,
  type FieldMetadata,
  type SubmissionResult,
} from "@conform-to/react";
import { Form, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { languageName, languageNameLang, spokenLanguages } from "~/events/languages";
import type { Locale } from "~/i18n/config";
import {
  dayParts,
  genderPreferences,
  goals,
  languageLevels,
  mentorGenders,
  modes,
  weekdays,
  type LanguageWithLevel,
  type MentoringRole,
} from "~/mentorship/codes";
import { LANGUAGE_ROWS, menteeProfileSchema, mentorProfileSchema } from "~/mentorship/schemas";
import {
  ChoiceField,
  Field,
  FieldError,
  fieldsByName,
  LanguageSelect,
  FormErrors,
  TextField,
  useZodForm,
} from "../forms";
import { dayName, slotLabel } from "./Profile";

type Values = Record<string, unknown>;

/**
 * Weekday × morning/afternoon/evening as a table of checkboxes: plain inputs (no JavaScript
 * needed), each labelled "Saturday afternoon" for screen readers, four narrow columns at 360 px.
 */
function AvailabilityGrid({
  meta,
  chosen,
  locale,
}: {
  meta: FieldMetadata<unknown>;
  chosen: string[];
  locale: Locale;
}) {
  const { t } = useTranslation();
  const hintId = `${meta.id}-hint`;
  return (
    <fieldset
      className="field"
      aria-describedby={[hintId, meta.errors ? meta.errorId : null].filter(Boolean).join(" ")}
    >
      <legend>{t("mentoring.availabilityLegend")}</legend>
      <p id={hintId} className="field__hint">
        {t("mentoring.availabilityHint")}
      </p>
      <table className="slot-grid">
        <thead>
          <tr>
            <td />
            {dayParts.map((part) => (
              <th key={part} scope="col">
                {t(`mentoring.parts.${part}`)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {weekdays.map((day) => (
            <tr key={day}>
              <th scope="row">{dayName(day, locale)}</th>
              {dayParts.map((part) => {
                const slot = `${day}-${part}`;
                return (
                  <td key={part}>
                    <label className="slot-grid__cell">
                      <input
                        type="checkbox"
                        name={meta.name}
                        value={slot}
                        defaultChecked={chosen.includes(slot)}
                      />
                      <span className="visually-hidden">{slotLabel(slot, locale, t)}</span>
                    </label>
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
      <FieldError id={meta.errorId} errors={meta.errors as string[] | undefined} t={t} />
    </fieldset>
  );
}

/** Up to four "language + level" rows: two selects each, so no JavaScript is needed to add one. */
function LanguageRows({
  meta,
  locale,
}: {
  meta: FieldMetadata<{ code?: string; level?: string }[] | undefined>;
  locale: Locale;
}) {
  const { t } = useTranslation();
  const rows = meta.getFieldList();
  // Each name carries its own language tag when it is written in that language.
  const choices = spokenLanguages.map((code) => ({
    value: code,
    label: languageName(code, locale),
    lang: languageNameLang(code, locale) ?? undefined,
  }));
  return (
    <fieldset
      className="field"
      aria-describedby={[`${meta.id}-hint`, meta.errors ? meta.errorId : null]
        .filter(Boolean)
        .join(" ")}
    >
      <legend>{t("mentoring.languagesLegend")}</legend>
      <p id={`${meta.id}-hint`} className="field__hint">
        {t("mentoring.languagesHint")}
      </p>
      {rows.map((row, index) => {
        const fields = row.getFieldset();
        return (
          <div key={row.key} className="field-row language-row">
            <LanguageSelect
              meta={fields.code}
              label={t("mentoring.languageLabel", { number: index + 1 })}
              choices={choices}
              noneLabel={t("mentoring.chooseLanguage")}
            />
            <div className="field">
              <label htmlFor={fields.level.id}>{t("mentoring.levelLabel")}</label>
              <select {...getSelectProps(fields.level)} key={fields.level.key}>
                {languageLevels.map((level) => (
                  <option key={level} value={level}>
                    {t(`mentoring.levels.${level}`)}
                  </option>
                ))}
              </select>
            </div>
          </div>
        );
      })}
      <FieldError id={meta.errorId} errors={meta.errors} t={t} />
    </fieldset>
  );
}

/** The profile form, for a mentee or a mentor; the same names as the zod schemas. */
export function ProfileForm({
  role,
  lastResult,
  defaultValue,
  email,
  locale,
}: {
  role: MentoringRole;
  lastResult: SubmissionResult<string[]> | null | undefined;
  defaultValue: Values;
  email: string;
  locale: Locale;
}) {
  const { t } = useTranslation();
  const busy = useNavigation().state === "submitting";
  const schema = role === "mentee" ? menteeProfileSchema : mentorProfileSchema;
  const languages = (defaultValue.languages as LanguageWithLevel[] | undefined) ?? [];
  const padded = [
    ...languages,
    ...Array.from({ length: Math.max(0, LANGUAGE_ROWS - languages.length) }, () => ({
      code: "",
      level: "conversational",
    })),
  ];
  const [form, fields] = useZodForm(`mentoring-${role}`, schema, lastResult, {
    ...defaultValue,
    languages: padded,
  } as never);
  const field = fieldsByName(fields);
  const chosenSlots = (lastResult?.initialValue?.availability ??
    defaultValue.availability ??
    []) as string[] | string;

  return (
    <Form method="post" className="stack" {...getFormProps(form)}>
      <input type="hidden" name="intent" value={role} />
      <FormErrors id={form.errorId} errors={form.errors} />
      <div className="card stack">
        {role === "mentor" ? (
          <TextField
            meta={field("affiliation") as FieldMetadata<string>}
            label={t("mentoring.affiliationLabel")}
            hint={t("mentoring.affiliationHint")}
            dir="auto"
          />
        ) : null}
        <LanguageRows
          meta={field("languages") as FieldMetadata<{ code?: string; level?: string }[]>}
          locale={locale}
        />
        <ChoiceField
          meta={field("topics")}
          legend={t(role === "mentee" ? "mentoring.goalsLegend" : "mentoring.skillsLegend")}
          options={goals}
          label={(g) => t(`mentoring.goals.${g}`)}
          type="checkbox"
        />
      </div>
      <div className="card stack">
        <AvailabilityGrid
          meta={field("availability")}
          chosen={Array.isArray(chosenSlots) ? chosenSlots : [chosenSlots]}
          locale={locale}
        />
        <ChoiceField
          meta={field("mode")}
          legend={t("mentoring.modeLegend")}
          options={modes}
          label={(m) => t(`mentoring.modes.${m}`)}
          type="radio"
        />
        <TextField
          meta={field("area") as FieldMetadata<string>}
          label={t("mentoring.areaLabel")}
          hint={t("mentoring.areaHint")}
          dir="auto"
        />
        {role === "mentee" ? (
          <ChoiceField
            meta={field("mentorGender")}
            legend={t("mentoring.mentorGenderLegend")}
            options={genderPreferences}
            label={(g) => t(`mentoring.genderPrefs.${g}`)}
            type="radio"
          />
        ) : (
          <>
            <ChoiceField
              meta={field("gender")}
              legend={t("mentoring.genderLegend")}
              hint={t("mentoring.genderHint")}
              options={mentorGenders}
              label={(g) => t(`mentoring.genders.${g}`)}
              type="radio"
            />
            <Field meta={field("capacity")} label={t("mentoring.capacityLabel")}>
              <input
                {...getInputProps(field("capacity") as FieldMetadata<string>, { type: "number" })}
                key={field("capacity").key}
                min={1}
                max={5}
                inputMode="numeric"
              />
            </Field>
          </>
        )}
      </div>
      {role === "mentee" ? (
        <div className="card stack">
          <div className="field">
            <label htmlFor={field("about").id}>{t("mentoring.aboutLabel")}</label>
            <p className="field__hint" id={`${field("about").id}-hint`}>
              {t("mentoring.aboutHint")}
            </p>
            <textarea
              {...getTextareaProps(field("about") as FieldMetadata<string>, {
                ariaDescribedBy: `${field("about").id}-hint`,
              })}
              key={field("about").key}
              rows={4}
              dir="auto"
            />
            <FieldError
              id={field("about").errorId}
              errors={field("about").errors as string[] | undefined}
              t={t}
            />
          </div>
        </div>
      ) : null}
      <fieldset className="card stack" aria-describedby="contact-hint">
        <legend>{t("mentoring.contactLegend")}</legend>
        <p id="contact-hint" className="field__hint">
          {t("mentoring.contactHint")}
        </p>
        <div className="field field--check">
          <input
            {...getInputProps(field("shareEmail") as FieldMetadata<boolean>, { type: "checkbox" })}
            key={field("shareEmail").key}
          />
          <label htmlFor={field("shareEmail").id}>
            {t("mentoring.shareEmail", { email: `\u2068${email}\u2069` })}
          </label>
        </div>
        <TextField
          meta={field("contactHandle") as FieldMetadata<string>}
          label={t("mentoring.handleLabel")}
          hint={t("mentoring.handleHint")}
          dir="auto"
        />
      </fieldset>
      <button type="submit" className="button" disabled={busy}>
        {t("mentoring.saveProfile")}
      </button>
    </Form>
  );
}
