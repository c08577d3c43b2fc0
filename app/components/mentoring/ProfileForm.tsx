import { getFormProps, type FieldMetadata, type SubmissionResult } from "@conform-to/react";
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
  Check,
  ChoiceField,
  fieldsByName,
  FormErrors,
  InputField,
  LanguageSelect,
  PlainCheckboxTable,
  PlainFieldset,
  SelectField,
  TextareaField,
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
  return (
    <PlainFieldset
      legend={t("mentoring.availabilityLegend")}
      hint={t("mentoring.availabilityHint")}
      hintId={`${meta.id}-hint`}
      errors={meta.errors as string[] | undefined}
      errorId={meta.errorId}
    >
      <PlainCheckboxTable
        name={meta.name}
        rows={weekdays.map((day) => ({ value: day, label: dayName(day, locale) }))}
        columns={dayParts.map((part) => ({ value: part, label: t(`mentoring.parts.${part}`) }))}
        cellValue={(day, part) => `${day}-${part}`}
        cellLabel={(slot) => slotLabel(slot, locale, t)}
        checked={chosen}
      />
    </PlainFieldset>
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
    <PlainFieldset
      legend={t("mentoring.languagesLegend")}
      hint={t("mentoring.languagesHint")}
      hintId={`${meta.id}-hint`}
      errors={meta.errors}
      errorId={meta.errorId}
    >
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
            <SelectField meta={fields.level} label={t("mentoring.levelLabel")}>
              {languageLevels.map((level) => (
                <option key={level} value={level}>
                  {t(`mentoring.levels.${level}`)}
                </option>
              ))}
            </SelectField>
          </div>
        );
      })}
    </PlainFieldset>
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
            <InputField
              meta={field("capacity")}
              label={t("mentoring.capacityLabel")}
              type="number"
              min={1}
              max={5}
              inputMode="numeric"
            />
          </>
        )}
      </div>
      {role === "mentee" ? (
        <div className="card stack">
          <TextareaField
            meta={field("about")}
            label={t("mentoring.aboutLabel")}
            hint={t("mentoring.aboutHint")}
            rows={4}
            dir="auto"
          />
        </div>
      ) : null}
      <fieldset className="card stack" aria-describedby="contact-hint">
        <legend>{t("mentoring.contactLegend")}</legend>
        <p id="contact-hint" className="field__hint">
          {t("mentoring.contactHint")}
        </p>
        <Check
          meta={field("shareEmail")}
          label={t("mentoring.shareEmail", { email: `\u2068${email}\u2069` })}
        />
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
