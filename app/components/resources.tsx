import { useTranslation } from "react-i18next";
import type { ResourceView } from "~/care/directory-view.server";
import type { Locale } from "~/i18n/config";
import { formatList } from "~/i18n/format";
import { LanguageList } from "./Lang";

/** "Sample" on every demo entry, wherever it is shown, so nobody phones a made-up number. */
export function SampleMark() {
  const { t } = useTranslation();
  return <span className="status status--sample">{t("resources.sample")}</span>;
}

function Languages({ entry, locale }: { entry: ResourceView; locale: Locale }) {
  const { t } = useTranslation();
  return (
    <p>
      <strong>{t("resources.languages")}</strong>{" "}
      {entry.languages.length ? (
        <LanguageList codes={entry.languages} locale={locale} />
      ) : (
        t("resources.languagesUnknown")
      )}
      {entry.interpretation ? <> · {t("resources.interpretation")}</> : null}
    </p>
  );
}

/**
 * One directory entry. `compact` is the printable page: no links that only work on a screen,
 * the phone number and address written out in full.
 */
export function ResourceEntry({
  entry,
  locale,
  compact = false,
}: {
  entry: ResourceView;
  locale: Locale;
  compact?: boolean;
}) {
  const { t } = useTranslation();
  return (
    <li className={`card stack resource${entry.closed ? " resource--closed" : ""}`}>
      <div className="event-card__top">
        {entry.sample ? <SampleMark /> : null}
        {entry.closed ? (
          <span className="status status--cancelled">{t("resources.temporarilyClosed")}</span>
        ) : null}
        {entry.stale ? (
          <span className="status status--waiting">{t("resources.stale")}</span>
        ) : null}
      </div>
      <h2 className="event-card__title" lang={entry.locale} dir="auto">
        {entry.name}
      </h2>
      {!entry.inReaderLanguage ? (
        <p className="field__hint">{t("resources.notTranslated")}</p>
      ) : null}
      {entry.description ? (
        <p lang={entry.locale} dir="auto">
          {entry.description}
        </p>
      ) : null}
      <p>
        <strong>{t("resources.offers")}</strong>{" "}
        {formatList(
          entry.topics.map((topic) => t(`careTopics.${topic}`)),
          locale,
        )}
      </p>
      <Languages entry={entry} locale={locale} />
      <p>
        <strong>{t("resources.forWhom")}</strong> {t(`careAudiences.${entry.audience}`)}
      </p>
      <p>
        <strong>{t("resources.cost")}</strong>{" "}
        {entry.free ? t("resources.free") : t("resources.notFree")}
        {entry.costNote ? (
          <>
            {" · "}
            <span lang={entry.locale} dir="auto">
              {entry.costNote}
            </span>
          </>
        ) : null}
      </p>
      {entry.whatToBring ? (
        <p>
          <strong>{t("resources.whatToBring")}</strong>{" "}
          <span lang={entry.locale} dir="auto">
            {entry.whatToBring}
          </span>
        </p>
      ) : null}
      {entry.phone ? (
        <p>
          <strong>{t("resources.phone")}</strong>{" "}
          <a href={entry.tel} dir="ltr">
            {entry.phone}
          </a>
        </p>
      ) : null}
      {entry.address ? (
        <p>
          <strong>{t("resources.address")}</strong> <span dir="auto">{entry.address}</span>
          {entry.mapUrl && !compact ? (
            <>
              {" · "}
              <a href={entry.mapUrl} rel="noopener noreferrer">
                {t("resources.map")}
              </a>
            </>
          ) : null}
        </p>
      ) : null}
      {entry.website ? (
        <p>
          <strong>{t("resources.website")}</strong>{" "}
          <a href={entry.website} rel="noopener noreferrer" dir="ltr">
            {compact ? entry.website : t("resources.websiteLink")}
          </a>
        </p>
      ) : null}
      {entry.email ? (
        <p>
          <strong>{t("resources.email")}</strong>{" "}
          <a href={`mailto:${entry.email}`} dir="ltr">
            {entry.email}
          </a>
        </p>
      ) : null}
      {entry.hours.length ? (
        <div>
          <strong>{t("resources.hours")}</strong>
          <ul className="plain-list">
            {entry.hours.map((h) => (
              <li key={h.weekday}>
                {h.day}: {h.times}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      <p className="field__hint">{t("resources.lastChecked", { date: entry.lastChecked })}</p>
    </li>
  );
}
