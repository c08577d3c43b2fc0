import type { SubmissionResult } from "@conform-to/react";
import { Form } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { FieldError, FormErrors } from "~/components/notices";
import { languageName, spokenLanguages } from "~/events/languages";
import { MAX_COMPANIONS, MAX_RSVP_NOTE_LENGTH } from "~/events/rsvp-rules";
import type { Locale } from "~/i18n/config";

const formId = "rsvp";

/**
 * The RSVP form, checked by the server only (the action's zod schema), with the attributes conform
 * would give it (ids, limits, aria-invalid and aria-describedby on errors), so the event page
 * ships neither conform nor zod: the browser's own limits (min, max, maxlength) catch a slip
 * before sending, the server's answer names the field otherwise, with or without JavaScript.
 */
export function RsvpForm({
  locale,
  mine,
  result,
  formParams,
  going,
  busy,
}: {
  locale: Locale;
  mine: { children: number; guests: number; interpretation: string | null; note: string } | null;
  result: SubmissionResult<string[]> | null | undefined;
  formParams?: Record<string, string>;
  going: boolean;
  busy: boolean;
}) {
  const { t } = useTranslation();
  const submitted = result?.initialValue ?? null;
  const field = (name: "children" | "guests" | "interpretation" | "note", initial: string) => {
    const id = `${formId}-${name}`;
    const errors = result?.error?.[name] ?? undefined;
    const sent = submitted?.[name];
    return {
      props: {
        id,
        name,
        defaultValue: typeof sent === "string" ? sent : initial,
        "aria-invalid": errors ? true : undefined,
        "aria-describedby": errors ? `${id}-error` : undefined,
      },
      errorId: `${id}-error`,
      errors: errors?.length ? errors : undefined,
    };
  };
  const children = field("children", String(mine?.children ?? 0));
  const guests = field("guests", String(mine?.guests ?? 0));
  const interpretation = field("interpretation", mine?.interpretation ?? "");
  const note = field("note", mine?.note ?? "");
  const noteHintId = `${note.props.id}-hint`;
  const formErrors = result?.error?.[""] ?? undefined;

  return (
    <Form
      method="post"
      className="stack"
      id={formId}
      aria-describedby={formErrors ? `${formId}-error` : undefined}
    >
      <FormErrors id={`${formId}-error`} errors={formErrors ?? undefined} params={formParams} />
      <input type="hidden" name="intent" value="going" />
      <div className="field-row">
        <div className="field">
          <label htmlFor={children.props.id}>{t("rsvp.children")}</label>
          <input
            {...children.props}
            type="number"
            min={0}
            max={MAX_COMPANIONS}
            inputMode="numeric"
          />
          <FieldError id={children.errorId} errors={children.errors} t={t} />
        </div>
        <div className="field">
          <label htmlFor={guests.props.id}>{t("rsvp.guests")}</label>
          <input {...guests.props} type="number" min={0} max={MAX_COMPANIONS} inputMode="numeric" />
          <FieldError id={guests.errorId} errors={guests.errors} t={t} />
        </div>
      </div>
      <div className="field">
        <label htmlFor={interpretation.props.id}>{t("rsvp.interpretation")}</label>
        <select {...interpretation.props}>
          <option value="">{t("rsvp.noInterpretation")}</option>
          {spokenLanguages.map((code) => (
            <option key={code} value={code}>
              {languageName(code, locale)}
            </option>
          ))}
        </select>
        <FieldError id={interpretation.errorId} errors={interpretation.errors} t={t} />
      </div>
      <div className="field">
        <label htmlFor={note.props.id}>{t("rsvp.note")}</label>
        <p id={noteHintId} className="field__hint">
          {t("rsvp.noteHint")}
        </p>
        <textarea
          {...note.props}
          aria-describedby={[note.props["aria-describedby"], noteHintId].filter(Boolean).join(" ")}
          maxLength={MAX_RSVP_NOTE_LENGTH}
          rows={3}
          dir="auto"
        />
        <FieldError id={note.errorId} errors={note.errors} t={t} />
      </div>
      <button type="submit" className="button" disabled={busy}>
        {going ? t("rsvp.update") : t("rsvp.submit")}
      </button>
    </Form>
  );
}
