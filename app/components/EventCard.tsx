import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import type { EventSummary } from "~/events/queries.server";
import type { Locale } from "~/i18n/config";
import { EventWhen, KindBadge, LanguagesSpoken, SeatsLine, WomenOnlyBadge } from "./events";

// Apart from ./events, whose pieces the event page uses, so that page does not download the card.
type Serialized<T> = { [K in keyof T]: T[K] };

export function MyStatusBadge({ status }: { status: string | null }) {
  const { t } = useTranslation();
  if (status === "going") return <span className="status status--going">{t("events.going")}</span>;
  if (status === "waitlisted")
    return <span className="status status--waiting">{t("events.waitlisted")}</span>;
  return null;
}

export function EventCard({ event, locale }: { event: Serialized<EventSummary>; locale: Locale }) {
  const { t } = useTranslation();
  return (
    <li className={`card event-card event-card--${event.kind}`}>
      <div className="event-card__top">
        <KindBadge kind={event.kind} />
        {event.womenOnly ? <WomenOnlyBadge /> : null}
        {event.status === "cancelled" ? (
          <span className="status status--cancelled">{t("events.cancelledEvent")}</span>
        ) : (
          <MyStatusBadge status={event.myStatus} />
        )}
      </div>
      <h2 className="event-card__title">
        <Link to={`/events/${event.id}`} lang={event.titleLocale} dir="auto">
          {event.title}
        </Link>
      </h2>
      <p>
        <EventWhen
          startsAt={event.startsAt}
          endsAt={event.endsAt}
          timeZone={event.timeZone}
          locale={locale}
        />
      </p>
      {event.languages.length ? (
        <p className="muted">
          <LanguagesSpoken codes={event.languages} locale={locale} />
        </p>
      ) : null}
      <p className="muted">
        {event.online ? `${t("events.online")} · ` : null}
        {event.status === "cancelled" ? null : <SeatsLine event={event} />}
      </p>
    </li>
  );
}
