import type { LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { requireUser } from "~/accounts/sessions.server";
import { EventCard } from "~/components/EventCard";
import { db } from "~/db.server";
import { myEvents } from "~/events/queries.server";
import { getLocale } from "~/utils/locale.server";
import type { RouteHandle } from "~/utils/handle";

export const handle: RouteHandle = { titleKey: "my.metaTitle" };

export async function loader({ request }: LoaderFunctionArgs) {
  const { user } = await requireUser(request);
  const locale = await getLocale(request);
  return json({ ...(await myEvents(db(), user.id, locale, new Date())), locale });
}

export default function MyEvents() {
  const { t } = useTranslation();
  const { going, waitlisted, past, locale } = useLoaderData<typeof loader>();
  const sections = [
    { id: "going", title: t("my.going"), events: going },
    { id: "waitlisted", title: t("my.waitlisted"), events: waitlisted },
    { id: "past", title: t("my.past"), events: past },
  ];
  return (
    <div className="stack">
      <h1>{t("my.title")}</h1>
      {sections.map((section) => (
        <section key={section.id} aria-labelledby={`my-${section.id}`} className="stack">
          <h2 id={`my-${section.id}`}>{section.title}</h2>
          {section.events.length === 0 ? (
            <p className="muted">{t("my.empty")}</p>
          ) : (
            <ul className="event-list">
              {section.events.map((event) => (
                <EventCard key={event.id} event={event} locale={locale} />
              ))}
            </ul>
          )}
        </section>
      ))}
      <p>
        <Link to="/events">{t("my.browse")}</Link>
      </p>
    </div>
  );
}
