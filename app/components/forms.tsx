import { getInputProps, type FieldMetadata } from "@conform-to/react";
import { useTranslation } from "react-i18next";

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
  const { t } = useTranslation();
  const hintId = `${meta.id}-hint`;
  const describedBy = [hint ? hintId : null, meta.errors ? meta.errorId : null]
    .filter(Boolean)
    .join(" ");
  const { key, ...inputProps } = getInputProps(meta, { type, ariaDescribedBy: describedBy || undefined });
  return (
    <div className="field">
      <label htmlFor={meta.id}>{label}</label>
      {hint ? (
        <p id={hintId} className="field__hint">
          {hint}
        </p>
      ) : null}
      <input key={key} {...inputProps} autoComplete={autoComplete} dir={dir} />
      <FieldError id={meta.errorId} errors={meta.errors} t={t} />
    </div>
  );
}

export function FieldError({
  id,
  errors,
  t,
}: {
  id: string;
  errors: string[] | undefined;
  t: (key: string) => string;
}) {
  if (!errors?.length) return null;
  return (
    <p id={id} className="field__error" role="alert">
      {errors.map((error) => t(error)).join(" ")}
    </p>
  );
}

/** Form-level messages (e.g. throttling, wrong credentials) that belong to no single field. */
export function FormErrors({
  id,
  errors,
  params,
}: {
  id: string;
  errors: string[] | undefined;
  params?: Record<string, string>;
}) {
  const { t } = useTranslation();
  if (!errors?.length) return null;
  return (
    <div id={id} className="notice notice--error" role="alert">
      {errors.map((error) => (
        <p key={error}>{t(error, params)}</p>
      ))}
    </div>
  );
}

export function Notice({ children }: { children: React.ReactNode }) {
  return (
    <div className="notice notice--success" role="status">
      {children}
    </div>
  );
}
