import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import type { EventSummary } from "~/events/queries.server";
import { isEventKind, kindIcons, type EventKind } from "~/events/kinds";
import { LanguageList } from "./Lang";
import type { Locale } from "~/i18n/config";
import { formatDay, formatTime } from "~/i18n/format";

type Serialized<T> = { [K in keyof T]: T[K] };

/** "Languages spoken: Persian, Japanese and English", in the reader's language. */
export function LanguagesSpoken({ codes, locale }: { codes: string[]; locale: Locale }) {
  const { t } = useTranslation();
  return (
    <LanguageList
      codes={codes}
      locale={locale}
      within={(languages) => t("events.languagesSpoken", { languages })}
    />
  );
}

export function KindBadge({ kind }: { kind: string }) {
  const { t } = useTranslation();
  const safe: EventKind = isEventKind(kind) ? kind : "other";
  return (
    <span className={`kind kind--${safe}`}>
      <svg aria-hidden="true" viewBox="0 0 24 24" width="18" height="18">
        <path
          d={kindIcons[safe]}
          fill="none"
          stroke="currentColor"
          strokeWidth="1.8"
          strokeLinejoin="round"
        />
      </svg>
      {t(`kinds.${safe}`)}
    </span>
  );
}

/** Shown wherever an event appears: everyone may know that a gathering for women exists. */
export function WomenOnlyBadge() {
  const { t } = useTranslation();
  return <span className="badge badge--women">{t("womenOnly.badge")}</span>;
}

export function EventWhen({
  startsAt,
  endsAt,
  timeZone,
  locale,
}: {
  startsAt: string;
  endsAt: string;
  timeZone: string;
  locale: Locale;
}) {
  const { t } = useTranslation();
  const start = new Date(startsAt);
  return (
    <time dateTime={startsAt}>
      {t("events.when", {
        date: formatDay(start, locale, timeZone),
        start: formatTime(start, locale, timeZone),
        end: formatTime(new Date(endsAt), locale, timeZone),
      })}
    </time>
  );
}

export function SeatsLine({ event }: { event: Pick<EventSummary, "seatsLeft" | "capacity"> }) {
  const { t } = useTranslation();
  if (event.capacity === null) return <span>{t("events.noLimit")}</span>;
  if (event.seatsLeft === 0) return <span>{t("events.full")}</span>;
  return <span>{t("events.seatsLeft", { count: event.seatsLeft ?? 0 })}</span>;
}

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
