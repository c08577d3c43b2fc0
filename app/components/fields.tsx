import type {
  InputHTMLAttributes,
  ReactNode,
  SelectHTMLAttributes,
  TextareaHTMLAttributes,
} from "react";
import { useTranslation } from "react-i18next";
import { LocaleOptions } from "./LocaleOptions";
import { FieldError } from "./notices";

/*
 * Form fields with plain props (id, name, defaultValue, errors as translation keys), for forms
 * that do not use conform (the RSVP form, small one-button forms, GET filters) and as the frame
 * that ./forms' conform-bound fields are built on. Kept apart from ./forms so the event page
 * does not download conform and zod (decision 0017).
 *
 * Which to use:
 * - a conform form: the fields in ./forms (TextField, InputField, TextareaField, SelectField,
 *   LanguageSelect, Check, ChoiceField, Field), which pass conform's ids and errors to these;
 * - otherwise: PlainInput, PlainTextarea, PlainSelect (options as children, LanguageOptions
 *   for languages); and in ./choice-fields: PlainCheck (one checkbox or radio, label beside it),
 *   PlainChoices (a fieldset of radios or checkboxes, labels wrapping them), PlainFieldset (a
 *   fieldset frame around anything, e.g. rows of fields), PlainCheckboxTable (rows × columns);
 * - FilterSelect (./FilterSelect) for one select of a GET filter form ("any" first);
 * - PlainField is the labelled frame itself, for a control none of these covers (a file input
 *   with its own accept, ...): wire the control with fieldAria.
 *
 * Ids: the hint is `<id>-hint` and the error `<id>-error` (conform's errorId), and the control
 * names both in aria-describedby, so a screen reader reads the hint and the error with it.
 */

export type FieldFrameProps = {
  /** The control's id, which the label points to. */
  id: string;
  label: ReactNode;
  hint?: ReactNode;
  /** Translation keys, shown translated. */
  errors?: readonly string[] | null;
  /** Turns an error key into the shown text (default: the key translated). */
  errorText?: (key: string) => string;
};

/** aria-describedby and aria-invalid for the control of the field `id`. */
export function fieldAria(id: string, hint: unknown, errors: readonly string[] | null | undefined) {
  const invalid = Boolean(errors?.length);
  const describedBy = [hint ? `${id}-hint` : null, invalid ? `${id}-error` : null]
    .filter(Boolean)
    .join(" ");
  return {
    "aria-describedby": describedBy || undefined,
    "aria-invalid": invalid ? true : undefined,
  } as const;
}

/** The labelled frame of one field: label, hint, the control, its translated error. */
export function PlainField({
  id,
  label,
  hint,
  errors,
  errorText,
  children,
}: FieldFrameProps & { children: ReactNode }) {
  const { t } = useTranslation();
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {hint ? (
        <p id={`${id}-hint`} className="field__hint">
          {hint}
        </p>
      ) : null}
      {children}
      <FieldError
        id={`${id}-error`}
        errors={errors?.length ? [...errors] : undefined}
        t={errorText ?? t}
      />
    </div>
  );
}

type Named = { id: string; name: string };

export function PlainInput({
  id,
  name,
  label,
  hint,
  errors,
  errorText,
  ...input
}: FieldFrameProps & Named & Omit<InputHTMLAttributes<HTMLInputElement>, "id" | "name">) {
  return (
    <PlainField id={id} label={label} hint={hint} errors={errors} errorText={errorText}>
      <input id={id} name={name} {...input} {...fieldAria(id, hint, errors)} />
    </PlainField>
  );
}

export function PlainTextarea({
  id,
  name,
  label,
  hint,
  errors,
  errorText,
  ...textarea
}: FieldFrameProps & Named & Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, "id" | "name">) {
  return (
    <PlainField id={id} label={label} hint={hint} errors={errors} errorText={errorText}>
      <textarea id={id} name={name} {...textarea} {...fieldAria(id, hint, errors)} />
    </PlainField>
  );
}

/** A labelled select; the options are its children (see LanguageOptions for languages). */
export function PlainSelect({
  id,
  name,
  label,
  hint,
  errors,
  errorText,
  children,
  ...select
}: FieldFrameProps &
  Named &
  Omit<SelectHTMLAttributes<HTMLSelectElement>, "id" | "name"> & { children: ReactNode }) {
  return (
    <PlainField id={id} label={label} hint={hint} errors={errors} errorText={errorText}>
      <select id={id} name={name} {...select} {...fieldAria(id, hint, errors)}>
        {children}
      </select>
    </PlainField>
  );
}

/**
 * Language <option>s: the six site languages (each named in itself) unless `choices` are given
 * (e.g. spoken languages named in the reader's language, each with its own `lang` when it is
 * written in another language), with an optional "none" first.
 */
export function LanguageOptions({
  choices,
  noneLabel,
}: {
  choices?: readonly { value: string; label: string; lang?: string }[];
  noneLabel?: string;
}) {
  return (
    <>
      {noneLabel !== undefined ? <option value="">{noneLabel}</option> : null}
      {choices ? (
        choices.map((c) => (
          <option key={c.value} value={c.value} lang={c.lang}>
            {c.label}
          </option>
        ))
      ) : (
        <LocaleOptions />
      )}
    </>
  );
}

export type Choice = { value: string; label: string };
