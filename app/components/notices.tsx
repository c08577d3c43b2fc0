import { useTranslation } from "react-i18next";

/* Messages around forms, kept apart from ./forms (conform, zod) so pages that only show them
   do not download a form library. */

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
