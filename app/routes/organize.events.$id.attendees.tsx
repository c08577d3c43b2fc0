import type { LoaderFunctionArgs, LinksFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { EventWhen } from "~/components/events";
import { LanguageName } from "~/components/Lang";
import { languageName } from "~/events/languages";
import { db } from "~/db.server";
import { textFor } from "~/events/events.server";
import { attendees } from "~/events/organizer.server";
import { useNumber } from "~/i18n/use-number";
import type { RouteHandle } from "~/utils/handle";
import { loadOrganizerEvent } from "~/utils/organizer-event.server";
import organizeStyles from "~/styles/organize.css";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: organizeStyles }];

export const handle: RouteHandle = { titleKey: "organize.attendeesTitle" };

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { event, locale } = await loadOrganizerEvent(request, params);
  return json({
    locale,
    event: {
      id: event.id,
      title: textFor(event, locale).title,
      titleLocale: textFor(event, locale).locale,
      startsAt: event.startsAt.toISOString(),
      endsAt: event.endsAt.toISOString(),
      timeZone: event.timeZone,
    },
    ...(await attendees(db(), event.id)),
  });
}

export default function Attendees() {
  const { t } = useTranslation();
  const { event, people, walkIns, needs, locale } = useLoaderData<typeof loader>();
  const number = useNumber();
  return (
    <div className="stack wide">
      <h1>{t("organize.attendeesTitle")}</h1>
      <p>
        <strong lang={event.titleLocale} dir="auto">
          {event.title}
        </strong>{" "}
        ·{" "}
        <EventWhen
          startsAt={event.startsAt}
          endsAt={event.endsAt}
          timeZone={event.timeZone}
          locale={locale}
        />
      </p>
      <section className="card stack" aria-labelledby="needs-title">
        <h2 id="needs-title">{t("organize.needsTitle")}</h2>
        <ul className="plain-list needs">
          <li>{t("organize.needsGoing", { number: needs.going })}</li>
          <li>{t("organize.needsWaiting", { number: needs.waiting })}</li>
          <li>{t("organize.needsChildren", { number: needs.children })}</li>
          <li>{t("organize.needsGuests", { number: needs.guests })}</li>
          {needs.interpretation.map((need) => (
            <li key={need.language}>
              {t("organize.needsInterpretation", {
                count: need.count,
                language: languageName(need.language, locale),
              })}
            </li>
          ))}
        </ul>
      </section>
      <p className="actions">
        <a
          className="button button--secondary"
          href={`/organize/events/${event.id}/attendees.csv`}
          download
        >
          {t("organize.csv")}
        </a>
        <Link to={`/organize/events/${event.id}/check-in`}>{t("organize.checkIn")}</Link>
      </p>
      {people.length === 0 ? (
        <p>{t("organize.noAttendees")}</p>
      ) : (
        <div
          className="table-scroll"
          role="region"
          tabIndex={0}
          aria-label={t("organize.attendeesTitle")}
        >
          <table>
            <thead>
              <tr>
                <th scope="col">{t("organize.name")}</th>
                <th scope="col">{t("organize.status")}</th>
                <th scope="col">{t("organize.companions")}</th>
                <th scope="col">{t("rsvp.interpretation")}</th>
                <th scope="col">{t("organize.note")}</th>
                <th scope="col">{t("organize.attended")}</th>
              </tr>
            </thead>
            <tbody>
              {people.map((person) => (
                <tr key={person.id}>
                  <td dir="auto">{person.name}</td>
                  <td>
                    {person.status === "going"
                      ? t("organize.statusGoing")
                      : t("organize.statusWaitlisted")}
                  </td>
                  <td>
                    {number(person.children)} / {number(person.guests)}
                  </td>
                  <td>
                    {person.interpretation ? (
                      <LanguageName code={person.interpretation} locale={locale} />
                    ) : null}
                  </td>
                  <td dir="auto">{person.note}</td>
                  <td>{person.attended ? t("organize.attended") : ""}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {walkIns.length ? (
        <section className="stack">
          <h2>{t("organize.walkIns")}</h2>
          <ul className="plain-list">
            {walkIns.map((w) => (
              <li key={w.id} dir="auto">
                {w.name}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </div>
  );
}
