import type { InputHTMLAttributes, ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { FieldError } from "./notices";

/*
 * Checkboxes, radios and fieldsets with plain props: the other half of ./fields (see there for
 * which field to use when), in a module of its own so the event page, whose RSVP form has no
 * box to tick, does not download them.
 */

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
