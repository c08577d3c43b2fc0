import {
  getCollectionProps,
  getFormProps,
  getInputProps,
  getSelectProps,
  getTextareaProps,
  useForm,
  type DefaultValue,
  type FieldMetadata,
  type FormMetadata,
  type SubmissionResult,
} from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod";
import { Form } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import type { z } from "zod";
import { PlainFieldset } from "./choice-fields";
import { LanguageOptions, PlainField, type Choice } from "./fields";
import { FieldError, FormErrors } from "./notices";

/*
 * Fields bound to a conform form (useZodForm): they take the field's metadata and give the
 * control conform's id, name, defaults, constraints and aria wiring. Which to use:
 * - TextField (text, with Password/Email/DisplayName variants), InputField (any other input
 *   type: url, tel, number, date, time...), TextareaField, SelectField (options as children),
 *   LanguageSelect (site languages, or given spoken-language choices);
 * - Check for one checkbox, ChoiceField for radios or checkboxes of one field;
 * - Field, the labelled frame, only around a control none of these covers.
 * Pages without conform use the plain-prop fields of ./fields and ./choice-fields (re-exported
 * here so that form modules import one place); import those from there on pages that must not
 * download conform and zod (the event page, decision 0017), as ./notices for messages.
 */
export { FieldError, FormErrors, Notice } from "./notices";
export * from "./fields";
export * from "./choice-fields";
export { FilterSelect } from "./FilterSelect";

/**
 * A conform form validated by the same zod schema as its action: in the browser on blur (then
 * on input), on the server always. Without JavaScript the server's answer is all there is.
 */
export function useZodForm<Schema extends z.ZodTypeAny>(
  id: string,
  schema: Schema,
  lastResult: SubmissionResult<string[]> | null | undefined,
  defaultValue?: DefaultValue<z.input<Schema>>,
) {
  return useForm<z.input<Schema>>({
    id,
    lastResult,
    defaultValue,
    constraint: getZodConstraint(schema),
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema }),
  });
}

/**
 * A posted conform form that names its `intent` (one page, several forms), with its form-level
 * errors first.
 */
export function IntentForm<Schema extends Record<string, unknown>>({
  form,
  intent,
  children,
}: {
  form: FormMetadata<Schema, string[]>;
  intent: string;
  children: React.ReactNode;
}) {
  return (
    <Form method="post" className="stack" {...getFormProps(form)}>
      <input type="hidden" name="intent" value={intent} />
      <FormErrors id={form.errorId} errors={form.errors} />
      {children}
    </Form>
  );
}

/**
 * A form's fields looked up by name, for the large forms whose schema (unions, refinements,
 * shared with the server) conform's types cannot follow.
 */
export function fieldsByName(fields: unknown): (name: string) => FieldMetadata<unknown> {
  const byName = fields as Record<string, FieldMetadata<unknown>>;
  return (name) => byName[name]!;
}

/**
 * A labelled input with its hint and translated error, wired for screen readers
 * (aria-describedby, aria-invalid). Errors arrive as translation keys.
 */
export function TextField({
  meta,
  label,
  hint,
  type = "text",
  autoComplete,
  dir,
}: {
  meta: FieldMetadata<string>;
  label: string;
  hint?: string;
  type?: "text" | "email" | "password";
  autoComplete?: string;
  dir?: "auto" | "ltr";
}) {
  return (
    <InputField
      meta={meta}
      label={label}
      hint={hint}
      type={type}
      autoComplete={autoComplete}
      dir={dir}
    />
  );
}

/** Passwords and email addresses are Latin text even on right-to-left pages. */
export function PasswordField(props: {
  meta: FieldMetadata<string>;
  label: string;
  hint?: string;
  autoComplete: "current-password" | "new-password";
}) {
  return <TextField {...props} type="password" dir="ltr" />;
}

export function EmailField(props: { meta: FieldMetadata<string>; label: string; hint?: string }) {
  return <TextField {...props} type="email" autoComplete="email" dir="ltr" />;
}

/** Any name the person wants to be known by; nicknames welcome, any script. */
export function DisplayNameField({ meta }: { meta: FieldMetadata<string> }) {
  const { t } = useTranslation();
  return (
    <TextField
      meta={meta}
      label={t("fields.displayName")}
      hint={t("fields.displayNameHint")}
      autoComplete="nickname"
      dir="auto"
    />
  );
}

/** A labelled field with its hint and error, around any control (select, textarea, time...). */
export function Field({
  meta,
  label,
  hint,
  children,
}: {
  meta: FieldMetadata<unknown>;
  label: string;
  hint?: string;
  children: React.ReactNode;
}) {
  return (
    <PlainField id={meta.id} label={label} hint={hint} errors={meta.errors as string[] | undefined}>
      {children}
    </PlainField>
  );
}

/**
 * A checkbox with its label beside it and its translated error below (conform sets
 * aria-invalid and aria-describedby when there is one). `value` is what a ticked box sends
 * ("on" unless given); `required` overrides what the schema implies.
 */
export function Check({
  meta,
  label,
  value,
  required,
}: {
  meta: FieldMetadata<unknown>;
  label: string;
  value?: string;
  required?: boolean;
}) {
  const { t } = useTranslation();
  const { key, ...inputProps } = getInputProps(meta as FieldMetadata<boolean>, {
    type: "checkbox",
    value,
  });
  return (
    <>
      <div className="field field--check">
        <input key={key} {...inputProps} required={required ?? inputProps.required} />
        <label htmlFor={meta.id}>{label}</label>
      </div>
      <FieldError id={meta.errorId} errors={meta.errors as string[] | undefined} t={t} />
    </>
  );
}

/**
 * A labelled select of languages: the six site languages (each named in itself) unless
 * `choices` are given (e.g. spoken languages named in the reader's language), with an optional
 * "none" first.
 */
export function LanguageSelect({
  meta,
  label,
  hint,
  choices,
  noneLabel,
}: {
  meta: FieldMetadata<unknown>;
  label: string;
  hint?: string;
  choices?: readonly (Choice & { lang?: string })[];
  noneLabel?: string;
}) {
  return (
    <Field meta={meta} label={label} hint={hint}>
      <select {...getSelectProps(meta as FieldMetadata<string>)} key={meta.key}>
        <LanguageOptions choices={choices} noneLabel={noneLabel} />
      </select>
    </Field>
  );
}

/**
 * Radio buttons or checkboxes for one field, with its legend, hint and translated error; in a
 * two-column grid unless `grid` is false (a few choices, one a line).
 */
export function ChoiceField({
  meta,
  legend,
  hint,
  options,
  label,
  type,
  grid = true,
  className,
}: {
  meta: FieldMetadata<unknown>;
  legend: string;
  hint?: string;
  options: readonly string[];
  label: (value: string) => React.ReactNode;
  type: "radio" | "checkbox";
  grid?: boolean;
  className?: string;
}) {
  const boxes = getCollectionProps(meta as FieldMetadata<string[]>, {
    type,
    options: [...options],
  }).map((props) => (
    <label key={props.key} className="field--check">
      <input {...props} key={props.key} />
      {label(props.value)}
    </label>
  ));
  return (
    <PlainFieldset
      legend={legend}
      className={className}
      hint={hint}
      hintId={`${meta.id}-hint`}
      errors={meta.errors as string[] | undefined}
      errorId={meta.errorId}
    >
      {grid ? <div className="checkbox-grid">{boxes}</div> : boxes}
    </PlainFieldset>
  );
}

/**
 * Any input a conform form binds (text, url, tel, number, date, time...), labelled, with its
 * hint and translated error announced with it. Extra attributes (dir, min, inputMode...) pass
 * through.
 */
export function InputField({
  meta,
  label,
  hint,
  type,
  ...input
}: {
  meta: FieldMetadata<unknown>;
  label: string;
  hint?: string;
  type: "text" | "email" | "password" | "url" | "tel" | "number" | "date" | "time" | "search";
} & Omit<React.InputHTMLAttributes<HTMLInputElement>, "type" | "id" | "name" | "defaultValue">) {
  const { key, ...props } = getInputProps(meta as FieldMetadata<string>, {
    type,
    ariaDescribedBy: hint ? `${meta.id}-hint` : undefined,
  });
  return (
    <Field meta={meta} label={label} hint={hint}>
      <input key={key} {...props} {...input} />
    </Field>
  );
}

/** A conform-bound textarea, labelled, with its hint and translated error announced with it. */
export function TextareaField({
  meta,
  label,
  hint,
  ...textarea
}: {
  meta: FieldMetadata<unknown>;
  label: string;
  hint?: string;
} & Omit<React.TextareaHTMLAttributes<HTMLTextAreaElement>, "id" | "name" | "defaultValue">) {
  return (
    <Field meta={meta} label={label} hint={hint}>
      <textarea
        {...getTextareaProps(meta as FieldMetadata<string>, {
          ariaDescribedBy: hint ? `${meta.id}-hint` : undefined,
        })}
        key={meta.key}
        {...textarea}
      />
    </Field>
  );
}

/** A conform-bound select whose options are its children (languages: LanguageSelect). */
export function SelectField({
  meta,
  label,
  hint,
  children,
}: {
  meta: FieldMetadata<unknown>;
  label: string;
  hint?: string;
  children: React.ReactNode;
}) {
  return (
    <Field meta={meta} label={label} hint={hint}>
      <select
        {...getSelectProps(meta as FieldMetadata<string>, {
          ariaDescribedBy: hint ? `${meta.id}-hint` : undefined,
        })}
        key={meta.key}
      >
        {children}
      </select>
    </Field>
  );
}
