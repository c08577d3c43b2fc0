import {
  getCollectionProps,
  getInputProps,
  getSelectProps,
  getTextareaProps,
  type FieldMetadata,
  type SubmissionResult,
} from "@conform-to/react";
import { useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { eventKinds } from "~/events/kinds";
import { spokenLanguages } from "~/events/languages";
import { createEventSchema, editEventSchema } from "~/events/schemas";
import type { Locale } from "~/i18n/config";
import {
  Check,
  ChoiceField,
  Field,
  fieldsByName,
  IntentForm,
  LanguageSelect,
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
        <Field meta={field("kind")} label={t("organize.kind")}>
          <select
            {...getSelectProps(field("kind") as FieldMetadata<string>)}
            key={field("kind").key}
          >
            {eventKinds.map((kind) => (
              <option key={kind} value={kind}>
                {t(`kinds.${kind}`)}
              </option>
            ))}
          </select>
        </Field>
        <Field meta={field("title")} label={t("organize.eventTitle")}>
          <input
            {...getInputProps(field("title") as FieldMetadata<string>, { type: "text" })}
            key={field("title").key}
            dir="auto"
          />
        </Field>
        <Field meta={field("description")} label={t("organize.description")}>
          <textarea
            {...getTextareaProps(field("description") as FieldMetadata<string>)}
            key={field("description").key}
            rows={5}
            dir="auto"
          />
        </Field>
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
          <Field meta={field("date")} label={t("organize.date")}>
            <input
              {...getInputProps(field("date") as FieldMetadata<string>, { type: "date" })}
              key={field("date").key}
            />
          </Field>
          <Field meta={field("startTime")} label={t("organize.startTime")}>
            <input
              {...getInputProps(field("startTime") as FieldMetadata<string>, { type: "time" })}
              key={field("startTime").key}
            />
          </Field>
          <Field meta={field("endTime")} label={t("organize.endTime")}>
            <input
              {...getInputProps(field("endTime") as FieldMetadata<string>, { type: "time" })}
              key={field("endTime").key}
            />
          </Field>
        </div>
        <Field meta={field("timeZone")} label={t("organize.timeZone")}>
          <select
            {...getSelectProps(field("timeZone") as FieldMetadata<string>)}
            key={field("timeZone").key}
          >
            {timeZones.map((zone) => (
              <option key={zone} value={zone}>
                {zone}
              </option>
            ))}
          </select>
        </Field>
        {mode === "create" ? (
          <>
            <Field
              meta={field("repeat")}
              label={t("organize.repeat")}
              hint={t("organize.repeatHint")}
            >
              <select
                {...getSelectProps(field("repeat") as FieldMetadata<string>)}
                key={field("repeat").key}
              >
                <option value="none">{t("organize.repeatNone")}</option>
                <option value="weekly">{t("organize.repeatWeekly")}</option>
                <option value="monthly-nth">{t("organize.repeatMonthlyNth")}</option>
                <option value="monthly-last">{t("organize.repeatMonthlyLast")}</option>
              </select>
            </Field>
            <Field meta={field("untilDate")} label={t("organize.untilDate")}>
              <input
                {...getInputProps(field("untilDate") as FieldMetadata<string>, { type: "date" })}
                key={field("untilDate").key}
              />
            </Field>
          </>
        ) : null}
      </div>

      <div className="card stack">
        <h2>{t("organize.placeTitle")}</h2>
        <Field meta={field("venueName")} label={t("organize.venueName")}>
          <input
            {...getInputProps(field("venueName") as FieldMetadata<string>, { type: "text" })}
            key={field("venueName").key}
            dir="auto"
          />
        </Field>
        <Field meta={field("venueAddress")} label={t("organize.venueAddress")}>
          <input
            {...getInputProps(field("venueAddress") as FieldMetadata<string>, { type: "text" })}
            key={field("venueAddress").key}
            dir="auto"
          />
        </Field>
        <Field meta={field("mapUrl")} label={t("organize.mapUrl")}>
          <input
            {...getInputProps(field("mapUrl") as FieldMetadata<string>, { type: "url" })}
            key={field("mapUrl").key}
            dir="ltr"
          />
        </Field>
        <Field meta={field("onlineUrl")} label={t("organize.onlineUrl")}>
          <input
            {...getInputProps(field("onlineUrl") as FieldMetadata<string>, { type: "url" })}
            key={field("onlineUrl").key}
            dir="ltr"
          />
        </Field>
        <Check meta={field("hideAddress")} label={t("organize.hideAddress")} />
      </div>

      <div className="card stack">
        <h2>{t("organize.accessTitle")}</h2>
        <Check meta={field("stepFreeAccess")} label={t("event.stepFree")} />
        <Check meta={field("childcare")} label={t("event.childcare")} />
        <Check meta={field("food")} label={t("event.food")} />
        <Check meta={field("womenOnly")} label={t("womenOnly.formLabel")} />
        <p className="field__hint">{t("womenOnly.formHint")}</p>
        <Field meta={field("accessibilityNotes")} label={t("organize.accessibilityNotes")}>
          <input
            {...getInputProps(field("accessibilityNotes") as FieldMetadata<string>, {
              type: "text",
            })}
            key={field("accessibilityNotes").key}
            dir="auto"
          />
        </Field>
        <Field meta={field("capacity")} label={t("organize.capacity")}>
          <input
            {...getInputProps(field("capacity") as FieldMetadata<string>, { type: "number" })}
            key={field("capacity").key}
            min={1}
            inputMode="numeric"
          />
        </Field>
        <Field meta={field("rsvpDeadlineHours")} label={t("organize.rsvpDeadlineHours")}>
          <input
            {...getInputProps(field("rsvpDeadlineHours") as FieldMetadata<string>, {
              type: "number",
            })}
            key={field("rsvpDeadlineHours").key}
            min={0}
            inputMode="numeric"
          />
        </Field>
      </div>

      {mode === "edit" && inSeries ? (
        <fieldset className="card stack">
          <legend>{t("organize.scope")}</legend>
          {getCollectionProps(field("scope") as FieldMetadata<string>, {
            type: "radio",
            options: scopes,
          }).map((props) => (
            <label key={props.key} className="field--check">
              <input {...props} key={props.key} />
              {props.value === "one" ? t("organize.scopeOne") : t("organize.scopeFollowing")}
            </label>
          ))}
        </fieldset>
      ) : null}

      <button type="submit" className="button" disabled={busy}>
        {t("organize.save")}
      </button>
    </IntentForm>
  );
}
