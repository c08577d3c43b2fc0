import { useTranslation } from "react-i18next";
import type { EventSummary } from "~/events/queries.server";
import { isEventKind, kindIcons, type EventKind } from "~/events/kinds";
import { LanguageList } from "./Lang";
import type { Locale } from "~/i18n/config";
import { formatDay, formatTime } from "~/i18n/format";

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
