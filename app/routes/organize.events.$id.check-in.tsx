import type { ActionFunctionArgs, LoaderFunctionArgs, LinksFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { db } from "~/db.server";
import { textFor } from "~/events/events.server";
import { addWalkIn, attendees, setAttended } from "~/events/organizer.server";
import { useNumber } from "~/i18n/use-number";
import type { RouteHandle } from "~/utils/handle";
import { loadOrganizerEvent } from "~/utils/organizer-event.server";
import { firstFormError, parseForm } from "~/utils/forms.server";
import { notFound } from "~/utils/http.server";
import { namelessOnCheckIn } from "~/safety/keep-apart.server";
import organizeStyles from "~/styles/organize.css";
import { PlainInput } from "~/components/fields";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: organizeStyles }];

export const handle: RouteHandle = { titleKey: "organize.checkInTitle" };

const checkInSchema = z.discriminatedUnion("intent", [
  z.object({
    intent: z.literal("toggle"),
    rsvpId: z.string().min(1),
    attended: z.enum(["yes", "no"]),
  }),
  z.object({
    intent: z.literal("walk-in"),
    name: z.string().trim().min(1, "errors.required").max(80, "errors.tooLong"),
  }),
]);

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { event, locale } = await loadOrganizerEvent(request, params);
  const [{ people, walkIns }, nameless] = await Promise.all([
    attendees(db(), event.id),
    namelessOnCheckIn(db(), event.id),
  ]);
  return json({
    event: {
      id: event.id,
      title: textFor(event, locale).title,
      titleLocale: textFor(event, locale).locale,
    },
    // Still checkable, just without the name (the attendee list keeps it).
    people: people
      .filter((p) => p.status === "going")
      .map((p) => (nameless.has(p.id) ? { ...p, name: null, note: "" } : p)),
    walkIns,
  });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { event } = await loadOrganizerEvent(request, params);
  const { submission } = await parseForm(request, checkInSchema);
  if (submission.status !== "success") {
    return json({ error: firstFormError(submission) }, { status: 400 });
  }
  const input = submission.value;
  if (input.intent === "toggle") {
    const changed = await setAttended(db(), event.id, input.rsvpId, input.attended === "yes");
    if (!changed) throw notFound();
  } else {
    await addWalkIn(db(), event.id, input.name);
  }
  return json({ error: null });
}

/** Phone-first: one big button per person; each tap is a small form, so it works offline-first without JS. */
export default function CheckIn() {
  const { t } = useTranslation();
  const { event, people, walkIns } = useLoaderData<typeof loader>();
  const number = useNumber();
  return (
    <div className="stack narrow">
      <h1>{t("organize.checkInTitle")}</h1>
      <p>
        <Link to={`/organize/events/${event.id}/attendees`} lang={event.titleLocale} dir="auto">
          {event.title}
        </Link>
      </p>
      <p className="muted">{t("organize.checkInHint")}</p>
      <ul className="check-in">
        {people.map((person) => (
          <li key={person.id}>
            <Form method="post">
              <input type="hidden" name="intent" value="toggle" />
              <input type="hidden" name="rsvpId" value={person.id} />
              <input type="hidden" name="attended" value={person.attended ? "no" : "yes"} />
              <button
                type="submit"
                className={
                  person.attended ? "check-in__person check-in__person--here" : "check-in__person"
                }
                aria-pressed={person.attended}
              >
                {person.name === null ? (
                  <span>{t("keepApartOrg.checkInNameless")}</span>
                ) : (
                  <span dir="auto">{person.name}</span>
                )}
                {person.children + person.guests > 0 ? (
                  <span className="muted">+{number(person.children + person.guests)}</span>
                ) : null}
              </button>
            </Form>
          </li>
        ))}
      </ul>
      <section className="card stack" aria-labelledby="walk-in-title">
        <h2 id="walk-in-title">{t("organize.walkInTitle")}</h2>
        <Form method="post" className="stack">
          <input type="hidden" name="intent" value="walk-in" />
          <PlainInput
            id="walk-in-name"
            name="name"
            label={t("organize.walkInName")}
            type="text"
            required
            maxLength={80}
            dir="auto"
            autoComplete="off"
          />
          <button type="submit" className="button">
            {t("organize.walkInSubmit")}
          </button>
        </Form>
        {walkIns.length ? (
          <>
            <h3>{t("organize.walkIns")}</h3>
            <ul className="plain-list">
              {walkIns.map((w) => (
                <li key={w.id} dir="auto">
                  {w.name}
                </li>
              ))}
            </ul>
          </>
        ) : null}
      </section>
    </div>
  );
}
