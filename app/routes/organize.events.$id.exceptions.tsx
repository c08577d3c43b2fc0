import { getFormProps } from "@conform-to/react";
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { emailField } from "~/accounts/schemas";
import { EmailField, FormErrors, Notice, useZodForm } from "~/components/forms";
import { db } from "~/db.server";
import { textFor } from "~/events/events.server";
import { loadOrganizerEvent } from "~/utils/organizer-event.server";
import {
  addException,
  exceptionsFor,
  placesFromBefore,
  removeException,
} from "~/events/women-only.server";
import { formatDay } from "~/i18n/format";
import type { RouteHandle } from "~/utils/handle";
import { parseForm } from "~/utils/forms.server";
import { badRequest } from "~/utils/http.server";

export const handle: RouteHandle = { titleKey: "womenOnly.exceptionsTitle" };

const addSchema = z.object({ intent: z.literal("add"), email: emailField });
const exceptionSchema = z.discriminatedUnion("intent", [
  addSchema,
  z.object({ intent: z.literal("remove"), userId: z.string().min(1).max(64) }),
]);

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { event, locale } = await loadOrganizerEvent(request, params);
  const text = textFor(event, locale);
  const [people, fromBefore] = await Promise.all([
    exceptionsFor(db(), event.id),
    placesFromBefore(db(), event.id),
  ]);
  return json({
    event: {
      id: event.id,
      title: text.title,
      titleLocale: text.locale,
      womenOnly: event.womenOnly,
    },
    people: people.map((p) => ({ ...p, at: formatDay(p.at, locale) })),
    fromBefore,
  });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { event, user } = await loadOrganizerEvent(request, params);
  const { submission } = await parseForm(request, exceptionSchema);
  if (submission.status !== "success") {
    if (submission.payload.intent !== "add") throw badRequest();
    return json({ result: submission.reply(), added: null }, { status: 400 });
  }
  const input = submission.value;
  if (input.intent === "remove") {
    await removeException(db(), event.id, input.userId);
    return json({ result: null, added: null });
  }
  const outcome = await addException(db(), {
    eventId: event.id,
    email: input.email,
    organizerId: user.id,
  });
  if (!outcome.ok) {
    return json(
      { result: submission.reply({ fieldErrors: { email: [outcome.error] } }), added: null },
      { status: 400 },
    );
  }
  return json({ result: submission.reply({ resetForm: true }), added: outcome.displayName });
}

/** Named people who may RSVP to this one gathering for women (e.g. a father with children). */
export default function Exceptions() {
  const { t } = useTranslation();
  const { event, people, fromBefore } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [form, fields] = useZodForm("exception", addSchema, actionData?.result);
  return (
    <div className="stack narrow">
      <h1>{t("womenOnly.exceptionsTitle")}</h1>
      <p>
        <Link to={`/organize/events/${event.id}/edit`} lang={event.titleLocale} dir="auto">
          {event.title}
        </Link>
      </p>
      {!event.womenOnly ? <p className="notice">{t("womenOnly.exceptionsNotWomenOnly")}</p> : null}
      <p>{t("womenOnly.exceptionsBody")}</p>
      {fromBefore > 0 ? (
        <p className="notice notice--waiting">
          {t("womenOnly.placesFromBefore", { number: fromBefore })}
        </p>
      ) : null}
      {actionData?.added ? (
        <Notice>
          <p>{t("womenOnly.exceptionAdded", { name: actionData.added })}</p>
        </Notice>
      ) : null}
      <section className="card stack" aria-labelledby="exception-add">
        <h2 id="exception-add">{t("womenOnly.exceptionAddTitle")}</h2>
        <Form method="post" className="stack" {...getFormProps(form)}>
          <input type="hidden" name="intent" value="add" />
          <FormErrors id={form.errorId} errors={form.errors} />
          <EmailField
            meta={fields.email}
            label={t("womenOnly.exceptionEmail")}
            hint={t("womenOnly.exceptionEmailHint")}
          />
          <p>
            <button type="submit" className="button">
              {t("womenOnly.exceptionAdd")}
            </button>
          </p>
        </Form>
      </section>
      <section className="card stack" aria-labelledby="exception-list">
        <h2 id="exception-list">{t("womenOnly.exceptionListTitle")}</h2>
        {people.length === 0 ? <p className="muted">{t("womenOnly.exceptionNone")}</p> : null}
        <ul className="plain-list stack">
          {people.map((person) => (
            <li key={person.userId} className="actions">
              <span dir="auto">{person.displayName}</span>
              <span className="muted">{t("womenOnly.exceptionSince", { date: person.at })}</span>
              <Form method="post">
                <input type="hidden" name="intent" value="remove" />
                <input type="hidden" name="userId" value={person.userId} />
                <button type="submit" className="link-button">
                  {t("womenOnly.exceptionRemove")}
                </button>
              </Form>
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}
