import type { SubmissionResult } from "@conform-to/react";
import { useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { eventKinds } from "~/events/kinds";
import { spokenLanguages } from "~/events/languages";
import { createEventSchema, editEventSchema } from "~/events/schemas";
import type { Locale } from "~/i18n/config";
import {
  Check,
  ChoiceField,
  fieldsByName,
  InputField,
  IntentForm,
  LanguageSelect,
  SelectField,
  TextareaField,
  useZodForm,
} from "./forms";
import { LanguageName } from "./Lang";

type Values = Record<string, string | string[] | undefined>;

const timeZones = ["Asia/Tokyo", "UTC"];
const scopes = ["one", "following"];

/**
 * The organizer's event form, for a new event (with "repeats") or an edit (with "apply to").
 * Every field is a plain input, so it works without JavaScript.
 */
export function EventForm({
  mode,
  lastResult,
  defaultValue,
  inSeries,
  locale,
}: {
  mode: "create" | "edit";
  lastResult: SubmissionResult<string[]> | null | undefined;
  defaultValue: Values;
  inSeries: boolean;
  locale: Locale;
}) {
  const { t } = useTranslation();
  const busy = useNavigation().state === "submitting";
  const schema = mode === "create" ? createEventSchema : editEventSchema;
  const [form, fields] = useZodForm(`event-${mode}`, schema, lastResult, defaultValue as never);
  const field = fieldsByName(fields);

  return (
    <IntentForm form={form} intent="save">
      <div className="card stack">
        <SelectField meta={field("kind")} label={t("organize.kind")}>
          {eventKinds.map((kind) => (
            <option key={kind} value={kind}>
              {t(`kinds.${kind}`)}
            </option>
          ))}
        </SelectField>
        <InputField meta={field("title")} label={t("organize.eventTitle")} type="text" dir="auto" />
        <TextareaField
          meta={field("description")}
          label={t("organize.description")}
          rows={5}
          dir="auto"
        />
        <LanguageSelect meta={field("locale")} label={t("organize.textLanguage")} />
        <ChoiceField
          meta={field("languages")}
          legend={t("organize.languages")}
          options={spokenLanguages}
          label={(code) => <LanguageName code={code} locale={locale} />}
          type="checkbox"
        />
      </div>

      <div className="card stack">
        <div className="field-row">
          <InputField meta={field("date")} label={t("organize.date")} type="date" />
          <InputField meta={field("startTime")} label={t("organize.startTime")} type="time" />
          <InputField meta={field("endTime")} label={t("organize.endTime")} type="time" />
        </div>
        <SelectField meta={field("timeZone")} label={t("organize.timeZone")}>
          {timeZones.map((zone) => (
            <option key={zone} value={zone}>
              {zone}
            </option>
          ))}
        </SelectField>
        {mode === "create" ? (
          <>
            <SelectField
              meta={field("repeat")}
              label={t("organize.repeat")}
              hint={t("organize.repeatHint")}
            >
              <option value="none">{t("organize.repeatNone")}</option>
              <option value="weekly">{t("organize.repeatWeekly")}</option>
              <option value="monthly-nth">{t("organize.repeatMonthlyNth")}</option>
              <option value="monthly-last">{t("organize.repeatMonthlyLast")}</option>
            </SelectField>
            <InputField meta={field("untilDate")} label={t("organize.untilDate")} type="date" />
          </>
        ) : null}
      </div>

      <div className="card stack">
        <h2>{t("organize.placeTitle")}</h2>
        <InputField
          meta={field("venueName")}
          label={t("organize.venueName")}
          type="text"
          dir="auto"
        />
        <InputField
          meta={field("venueAddress")}
          label={t("organize.venueAddress")}
          type="text"
          dir="auto"
        />
        <InputField meta={field("mapUrl")} label={t("organize.mapUrl")} type="url" dir="ltr" />
        <InputField
          meta={field("onlineUrl")}
          label={t("organize.onlineUrl")}
          type="url"
          dir="ltr"
        />
        <Check meta={field("hideAddress")} label={t("organize.hideAddress")} />
      </div>

      <div className="card stack">
        <h2>{t("organize.accessTitle")}</h2>
        <Check meta={field("stepFreeAccess")} label={t("event.stepFree")} />
        <Check meta={field("childcare")} label={t("event.childcare")} />
        <Check meta={field("food")} label={t("event.food")} />
        <Check meta={field("womenOnly")} label={t("womenOnly.formLabel")} />
        <p className="field__hint">{t("womenOnly.formHint")}</p>
        <InputField
          meta={field("accessibilityNotes")}
          label={t("organize.accessibilityNotes")}
          type="text"
          dir="auto"
        />
        <InputField
          meta={field("capacity")}
          label={t("organize.capacity")}
          type="number"
          min={1}
          inputMode="numeric"
        />
        <InputField
          meta={field("rsvpDeadlineHours")}
          label={t("organize.rsvpDeadlineHours")}
          type="number"
          min={0}
          inputMode="numeric"
        />
      </div>

      {mode === "edit" && inSeries ? (
        <ChoiceField
          meta={field("scope")}
          legend={t("organize.scope")}
          options={scopes}
          label={(scope) =>
            scope === "one" ? t("organize.scopeOne") : t("organize.scopeFollowing")
          }
          type="radio"
          grid={false}
          className="card stack"
        />
      ) : null}

      <button type="submit" className="button" disabled={busy}>
        {t("organize.save")}
      </button>
    </IntentForm>
  );
}
