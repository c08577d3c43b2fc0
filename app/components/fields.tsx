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
 * - a conform form: the fields in ./forms (TextField, Field, Check, LanguageSelect, ChoiceField,
 *   TextareaField, RadioGroup, CheckboxTable), which pass conform's ids and errors to these;
 * - otherwise: PlainInput, PlainTextarea, PlainSelect (options as children), PlainCheck (one
 *   checkbox or radio, label beside it), PlainChoices (a fieldset of radios or checkboxes, labels
 *   wrapping them), PlainFieldset (a fieldset frame around anything, e.g. rows of fields);
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

/** One checkbox (or radio) with its label beside it, the label after the box. */
export function PlainCheck({
  id,
  label,
  type = "checkbox",
  ...input
}: {
  id: string;
  name: string;
  label: ReactNode;
  type?: "checkbox" | "radio";
} & Omit<InputHTMLAttributes<HTMLInputElement>, "id" | "type">) {
  return (
    <div className="field field--check">
      <input id={id} type={type} {...input} />
      <label htmlFor={id}>{label}</label>
    </div>
  );
}

export type FieldsetFrameProps = {
  legend: ReactNode;
  /** e.g. "visually-hidden" when a heading already names the group. */
  legendClassName?: string;
  /** The fieldset's classes: "field" for one field, "card stack" for a whole section. */
  className?: string;
  hint?: ReactNode;
  hintId?: string;
  errors?: readonly string[] | null;
  errorId?: string;
};

/**
 * A group of controls (radios, checkboxes, rows of fields) as a fieldset with its legend, hint
 * and translated error, the fieldset described by both. A hint without a hintId is shown but
 * not announced with the group.
 */
export function PlainFieldset({
  legend,
  legendClassName,
  className = "field",
  hint,
  hintId,
  errors,
  errorId,
  children,
}: FieldsetFrameProps & { children: ReactNode }) {
  const { t } = useTranslation();
  const invalid = Boolean(errors?.length && errorId);
  const describedBy = [hint && hintId ? hintId : null, invalid ? errorId : null]
    .filter(Boolean)
    .join(" ");
  return (
    <fieldset className={className} aria-describedby={describedBy || undefined}>
      <legend className={legendClassName}>{legend}</legend>
      {hint ? (
        <p id={hintId} className="field__hint">
          {hint}
        </p>
      ) : null}
      {children}
      {errorId ? (
        <FieldError id={errorId} errors={errors?.length ? [...errors] : undefined} t={t} />
      ) : null}
    </fieldset>
  );
}

export type ChoiceOption = { value: string; label: ReactNode };

/**
 * Radios or checkboxes for one name, each label wrapping its box; in a two-column grid when
 * `grid` (long lists: topics, languages).
 */
export function PlainChoices({
  name,
  type,
  options,
  checked,
  required,
  grid = false,
  children,
  ...frame
}: FieldsetFrameProps & {
  /** Shown between the hint and the boxes (e.g. "nothing to choose yet"). */
  children?: ReactNode;
  name: string;
  type: "radio" | "checkbox";
  options: readonly ChoiceOption[];
  /** The values checked at first. */
  checked?: readonly string[];
  required?: boolean;
  grid?: boolean;
}) {
  const boxes = options.map((option) => (
    <label key={option.value} className="field--check">
      <input
        type={type}
        name={name}
        value={option.value}
        defaultChecked={checked ? checked.includes(option.value) : undefined}
        required={required}
      />
      {option.label}
    </label>
  ));
  return (
    <PlainFieldset {...frame}>
      {children}
      {grid ? <div className="checkbox-grid">{boxes}</div> : boxes}
    </PlainFieldset>
  );
}

/**
 * A table of checkboxes for one name, rows × columns (weekday × part of the day): each box
 * labelled in full for screen readers ("Saturday afternoon"), the headers for the eye. Plain
 * inputs, so it works without JavaScript.
 */
export function PlainCheckboxTable({
  name,
  rows,
  columns,
  cellValue,
  cellLabel,
  checked,
  className = "slot-grid",
}: {
  name: string;
  rows: readonly ChoiceOption[];
  columns: readonly ChoiceOption[];
  cellValue: (row: string, column: string) => string;
  cellLabel: (value: string) => ReactNode;
  checked: readonly string[];
  className?: string;
}) {
  return (
    <table className={className}>
      <thead>
        <tr>
          <td />
          {columns.map((column) => (
            <th key={column.value} scope="col">
              {column.label}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.value}>
            <th scope="row">{row.label}</th>
            {columns.map((column) => {
              const value = cellValue(row.value, column.value);
              return (
                <td key={column.value}>
                  <label className={`${className}__cell`}>
                    <input
                      type="checkbox"
                      name={name}
                      value={value}
                      defaultChecked={checked.includes(value)}
                    />
                    <span className="visually-hidden">{cellLabel(value)}</span>
                  </label>
                </td>
              );
            })}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
