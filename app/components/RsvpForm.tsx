import type { SubmissionResult } from "@conform-to/react";
import { Form } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { LanguageOptions, PlainInput, PlainSelect, PlainTextarea } from "~/components/fields";
import { FormErrors } from "~/components/notices";
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
    const sent = submitted?.[name];
    return {
      id: `${formId}-${name}`,
      name,
      defaultValue: typeof sent === "string" ? sent : initial,
      errors: result?.error?.[name] ?? undefined,
    };
  };
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
        <PlainInput
          {...field("children", String(mine?.children ?? 0))}
          label={t("rsvp.children")}
          type="number"
          min={0}
          max={MAX_COMPANIONS}
          inputMode="numeric"
        />
        <PlainInput
          {...field("guests", String(mine?.guests ?? 0))}
          label={t("rsvp.guests")}
          type="number"
          min={0}
          max={MAX_COMPANIONS}
          inputMode="numeric"
        />
      </div>
      <PlainSelect
        {...field("interpretation", mine?.interpretation ?? "")}
        label={t("rsvp.interpretation")}
      >
        <LanguageOptions
          noneLabel={t("rsvp.noInterpretation")}
          choices={spokenLanguages.map((code) => ({
            value: code,
            label: languageName(code, locale),
          }))}
        />
      </PlainSelect>
      <PlainTextarea
        {...field("note", mine?.note ?? "")}
        label={t("rsvp.note")}
        hint={t("rsvp.noteHint")}
        maxLength={MAX_RSVP_NOTE_LENGTH}
        rows={3}
        dir="auto"
      />
      <button type="submit" className="button" disabled={busy}>
        {going ? t("rsvp.update") : t("rsvp.submit")}
      </button>
    </Form>
  );
}
