import { getFormProps, getInputProps, getTextareaProps } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import {
  Form,
  Link,
  useActionData,
  useLoaderData,
  useLocation,
  useNavigation,
} from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { getSessionUser, requireUser } from "~/accounts/sessions.server";
import {
  EventWhen,
  KindBadge,
  LanguagesSpoken,
  SeatsLine,
  WomenOnlyBadge,
} from "~/components/events";
import {
  Field,
  FieldError,
  FormErrors,
  LanguageSelect,
  Notice,
  useZodForm,
} from "~/components/forms";
import { singleEventEntry } from "~/calendar/feeds.server";
import { googleCalendarLink } from "~/calendar/ics.server";
import { db } from "~/db.server";
import { env } from "~/env.server";
import { foreignLanguageNames, languageName, spokenLanguageChoices } from "~/events/languages";
import { TextWithLanguages } from "~/components/Lang";
import { eventForViewer } from "~/events/queries.server";
import { recurrenceText } from "~/events/recurrence-text";
import { answerGoing, cancelAnswer } from "~/events/rsvp.server";
import { rsvpRefusal, MAX_COMPANIONS, type WomenOnlyRefusal } from "~/events/rsvp-rules";
import { womenOnlyRefusalFor } from "~/events/women-only.server";
import { cancelRsvpSchema, rsvpSchema } from "~/events/schemas";
import { formatDateTime, timeZoneName } from "~/i18n/format";
import { getFixedT, getLocale } from "~/i18n/i18next.server";
import type { RouteHandle } from "~/utils/handle";
import { readForm } from "~/utils/forms.server";
import { badRequest, notFound } from "~/utils/http.server";

export const handle: RouteHandle = { titleKey: "event.metaTitle" };

export async function loader({ request, params }: LoaderFunctionArgs) {
  const [current, locale] = await Promise.all([getSessionUser(request), getLocale(request)]);
  const viewer = current ? { id: current.user.id, role: current.user.role } : null;
  const event = await eventForViewer(db(), params.id ?? "", viewer, locale);
  if (!event) throw notFound();
  const refusal = rsvpRefusal(
    {
      status: event.status,
      startsAt: new Date(event.startsAt),
      rsvpDeadline: event.rsvpDeadline ? new Date(event.rsvpDeadline) : null,
    },
    new Date(),
  );
  return json({
    event,
    locale,
    signedIn: viewer !== null,
    refusal,
    notForMe: viewer ? await womenOnlyRefusalFor(db(), event, viewer.id) : null,
    repeats: event.seriesRule
      ? recurrenceText(
          await getFixedT(locale),
          event.seriesRule,
          new Date(event.startsAt),
          event.timeZone,
          locale,
        )
      : null,
    zoneName: timeZoneName(event.timeZone, locale, new Date(event.startsAt)),
    googleCalendar: googleCalendarLink(
      (await singleEventEntry(
        db(),
        event.id,
        viewer ? { id: viewer.id, isOrganizer: event.isOrganizer } : null,
        locale,
        env().appUrl,
      ))!,
    ),
    deadline: event.rsvpDeadline
      ? formatDateTime(new Date(event.rsvpDeadline), locale, event.timeZone)
      : null,
  });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { user } = await requireUser(request);
  const formData = await readForm(request);
  const eventId = params.id ?? "";
  if (formData.get("intent") === "cancel") {
    if (parseWithZod(formData, { schema: cancelRsvpSchema }).status !== "success") {
      throw badRequest();
    }
    const outcome = await cancelAnswer(db(), { eventId, userId: user.id });
    if (!outcome.ok && outcome.error === "errors.eventNotFound") throw notFound();
    return json({
      done: outcome.ok ? "cancelled" : null,
      error: outcome.ok ? null : outcome.error,
      params: null,
      result: null,
    });
  }
  const submission = parseWithZod(formData, { schema: rsvpSchema });
  if (submission.status !== "success") {
    return json(
      { done: null, error: null, params: null, result: submission.reply() },
      { status: 400 },
    );
  }
  const { children, guests, interpretation, note } = submission.value;
  const outcome = await answerGoing(db(), {
    eventId,
    userId: user.id,
    children,
    guests,
    interpretation: interpretation ?? null,
    note,
  });
  if (!outcome.ok) {
    if (outcome.error === "errors.eventNotFound") throw notFound();
    return json(
      {
        done: null,
        error: outcome.error,
        params: outcome.params ?? null,
        result: submission.reply({ formErrors: [outcome.error] }),
      },
      { status: 400 },
    );
  }
  return json({ done: outcome.status, error: null, params: null, result: null });
}

export default function EventPage() {
  const { t } = useTranslation();
  const loaded = useLoaderData<typeof loader>();
  const { event, locale, signedIn, refusal, repeats, zoneName, deadline, googleCalendar } = loaded;
  const actionData = useActionData<typeof action>();
  // The page decides from the loader; the domain refuses too (the page may be old).
  const notForMe: WomenOnlyRefusal | null =
    loaded.notForMe ??
    (actionData?.error?.startsWith("womenOnly.") ? (actionData.error as WomenOnlyRefusal) : null);
  const location = useLocation();
  const busy = useNavigation().state === "submitting";
  const [form, fields] = useZodForm("rsvp", rsvpSchema, actionData?.result, {
    children: String(event.mine?.children ?? 0),
    guests: String(event.mine?.guests ?? 0),
    interpretation: event.mine?.interpretation ?? "",
    note: event.mine?.note ?? "",
  });
  const noteHintId = `${fields.note.id}-hint`;
  const going = event.mine?.status === "going";
  const waiting = event.mine?.status === "waitlisted";

  return (
    <article className="stack narrow">
      <p>
        <Link to="/events">{t("event.back")}</Link>
      </p>
      <p className="actions">
        <KindBadge kind={event.kind} />
        {event.womenOnly ? <WomenOnlyBadge /> : null}
      </p>
      <h1 lang={event.titleLocale} dir="auto">
        {event.title}
      </h1>
      {!event.inReaderLanguage ? (
        <p className="muted">
          <TextWithLanguages
            text={t("events.originalLanguage", {
              language: languageName(event.titleLocale, locale),
            })}
            parts={foreignLanguageNames([event.titleLocale], locale)}
          />
        </p>
      ) : null}
      {event.status === "cancelled" ? (
        <div className="notice notice--error" role="status">
          <p>{t("event.cancelledNotice")}</p>
        </div>
      ) : null}

      <section className="card stack" aria-labelledby="when">
        <h2 id="when">{t("event.whenTitle")}</h2>
        <p>
          <EventWhen
            startsAt={event.startsAt}
            endsAt={event.endsAt}
            timeZone={event.timeZone}
            locale={locale}
          />
        </p>
        <p className="muted">{t("events.timeZoneNote", { zone: zoneName })}</p>
        {repeats ? <p className="muted">{repeats}</p> : null}
        {event.status !== "cancelled" ? (
          <p className="actions">
            <a href={`/events/${event.id}/calendar.ics`}>{t("event.addToCalendar")}</a>
            <a href={googleCalendar} rel="noreferrer noopener" target="_blank">
              {t("event.googleCalendar")}
            </a>
          </p>
        ) : null}
      </section>

      <section className="card stack" aria-labelledby="where">
        <h2 id="where">{t("event.whereTitle")}</h2>
        {event.venueName ? <p dir="auto">{event.venueName}</p> : null}
        {event.venueAddress ? <p dir="auto">{event.venueAddress}</p> : null}
        {event.mapUrl ? (
          <p>
            <a href={event.mapUrl} rel="noreferrer noopener" target="_blank">
              {t("event.map")}
            </a>
          </p>
        ) : null}
        {event.onlineUrl ? (
          <p>
            <a href={event.onlineUrl} rel="noreferrer noopener" target="_blank">
              {t("event.online")}
            </a>
          </p>
        ) : null}
        {event.placeHidden ? <p className="muted">{t("event.addressHidden")}</p> : null}
      </section>

      {event.description ? (
        <section className="card">
          <p className="prewrap" lang={event.descriptionLocale} dir="auto">
            {event.description}
          </p>
        </section>
      ) : null}

      {event.stepFreeAccess ||
      event.childcare ||
      event.food ||
      event.accessibilityNotes ||
      event.languages.length ? (
        <section className="card stack" aria-labelledby="access">
          <h2 id="access">{t("event.accessTitle")}</h2>
          <ul className="plain-list">
            {event.languages.length ? (
              <li>
                <LanguagesSpoken codes={event.languages} locale={locale} />
              </li>
            ) : null}
            {event.stepFreeAccess ? <li>{t("event.stepFree")}</li> : null}
            {event.childcare ? <li>{t("event.childcare")}</li> : null}
            {event.food ? <li>{t("event.food")}</li> : null}
            {event.accessibilityNotes ? <li dir="auto">{event.accessibilityNotes}</li> : null}
          </ul>
        </section>
      ) : null}

      <section className="card stack" aria-labelledby="rsvp-title">
        <h2 id="rsvp-title">{t("rsvp.title")}</h2>
        <p>
          {t("event.goingCount", { count: event.seatsTaken })}
          {event.waiting ? ` · ${t("event.waitingCount", { count: event.waiting })}` : null}
          {event.status !== "cancelled" ? (
            <>
              {" · "}
              <SeatsLine event={event} />
            </>
          ) : null}
        </p>
        {deadline && !refusal ? (
          <p className="muted">{t("event.deadline", { time: deadline })}</p>
        ) : null}
        {actionData?.done === "cancelled" ? (
          <Notice>
            <p>{t("rsvp.cancelledNotice")}</p>
          </Notice>
        ) : null}
        {going ? (
          <Notice>
            <p>{t("rsvp.confirmed")}</p>
          </Notice>
        ) : null}
        {waiting ? (
          <div className="notice notice--waiting" role="status">
            <p>{t("rsvp.waitlistedNotice", { position: event.mine?.position ?? 1 })}</p>
          </div>
        ) : null}
        {event.womenOnly && !notForMe ? <p>{t("womenOnly.eventNote")}</p> : null}
        {actionData?.error && !actionData.result && !notForMe ? (
          <FormErrors id="rsvp-error" errors={[actionData.error]} />
        ) : null}

        {!signedIn ? (
          <p>
            <Link
              className="button"
              to={`/login?redirectTo=${encodeURIComponent(location.pathname)}`}
            >
              {t("rsvp.logInToAnswer")}
            </Link>
          </p>
        ) : refusal ? (
          <p>{refusal === "errors.eventPast" ? t("event.pastNotice") : t(refusal)}</p>
        ) : notForMe ? (
          <div className="notice stack" role="status" id="women-only-refusal">
            <p>{t(`${notForMe}Body`)}</p>
            {notForMe === "womenOnly.notAnswered" ? (
              <p>
                <Link to="/settings#women-question">{t("womenOnly.settingsLink")}</Link>
              </p>
            ) : null}
          </div>
        ) : (
          <Form method="post" className="stack" {...getFormProps(form)}>
            <FormErrors
              id={form.errorId}
              errors={form.errors}
              params={
                actionData?.params
                  ? Object.fromEntries(
                      Object.entries(actionData.params).map(([k, v]) => [k, String(v)]),
                    )
                  : undefined
              }
            />
            <input type="hidden" name="intent" value="going" />
            <div className="field-row">
              <Field meta={fields.children} label={t("rsvp.children")}>
                <input
                  {...getInputProps(fields.children, { type: "number" })}
                  key={fields.children.key}
                  min={0}
                  max={MAX_COMPANIONS}
                  inputMode="numeric"
                />
              </Field>
              <Field meta={fields.guests} label={t("rsvp.guests")}>
                <input
                  {...getInputProps(fields.guests, { type: "number" })}
                  key={fields.guests.key}
                  min={0}
                  max={MAX_COMPANIONS}
                  inputMode="numeric"
                />
              </Field>
            </div>
            <LanguageSelect
              meta={fields.interpretation}
              label={t("rsvp.interpretation")}
              choices={spokenLanguageChoices(locale)}
              noneLabel={t("rsvp.noInterpretation")}
            />
            <div className="field">
              <label htmlFor={fields.note.id}>{t("rsvp.note")}</label>
              <p id={noteHintId} className="field__hint">
                {t("rsvp.noteHint")}
              </p>
              <textarea
                {...getTextareaProps(fields.note, { ariaDescribedBy: noteHintId })}
                key={fields.note.key}
                rows={3}
                dir="auto"
              />
              <FieldError id={fields.note.errorId} errors={fields.note.errors} t={t} />
            </div>
            <button type="submit" className="button" disabled={busy}>
              {going || waiting ? t("rsvp.update") : t("rsvp.submit")}
            </button>
          </Form>
        )}
        {signedIn && (going || waiting) ? (
          <Form method="post">
            <input type="hidden" name="intent" value="cancel" />
            <button type="submit" className="button button--secondary" disabled={busy}>
              {t("rsvp.cancel")}
            </button>
          </Form>
        ) : null}
      </section>
      {signedIn ? (
        <p className="muted">
          <Link to={`/report?about=event:${event.id}`}>{t("report.fromEvent")}</Link>
        </p>
      ) : null}
    </article>
  );
}
