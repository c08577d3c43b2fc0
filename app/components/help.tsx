import { useTranslation } from "react-i18next";
import type { ResourceCard } from "~/care/resource-cards";
import type { Locale } from "~/i18n/config";
import { LanguageList } from "./Lang";

/** The public emergency numbers in Japan; nothing else is listed here, so nothing can be wrong. */
export function EmergencyNumbers() {
  const { t } = useTranslation();
  return (
    <section className="card card--danger stack" aria-labelledby="emergency-title">
      <h2 id="emergency-title">{t("help.emergencyTitle")}</h2>
      <ul className="plain-list">
        <li>
          <a href="tel:110" className="button button--danger">
            {t("help.police", { number: "110" })}
          </a>
        </li>
        <li>
          <a href="tel:119" className="button button--danger">
            {t("help.ambulance", { number: "119" })}
          </a>
        </li>
      </ul>
      <p>{t("help.emergencyNote")}</p>
    </section>
  );
}

export function ResourceCardView({
  card,
  headingLevel = 3,
}: {
  card: ResourceCard;
  headingLevel?: 3 | 4;
}) {
  const { t } = useTranslation();
  const Heading = headingLevel === 3 ? "h3" : "h4";
  return (
    <article className="card stack" lang={card.textLocale}>
      <Heading dir="auto">{card.name}</Heading>
      {card.sample ? <p className="muted">{t("help.sampleEntry")}</p> : null}
      {card.temporarilyClosed ? (
        <p className="notice notice--waiting">{t("help.temporarilyClosed")}</p>
      ) : null}
      {card.description ? (
        <p className="prewrap" dir="auto">
          {card.description}
        </p>
      ) : null}
      <dl className="details">
        {card.phone ? (
          <div>
            <dt>{t("help.phone")}</dt>
            <dd>
              <a href={`tel:${card.phone.replace(/[^\d+]/g, "")}`} dir="ltr">
                {card.phone}
              </a>
            </dd>
          </div>
        ) : null}
        {card.address ? (
          <div>
            <dt>{t("help.address")}</dt>
            <dd>
              <span dir="auto">{card.address}</span>
              {card.mapUrl ? (
                <>
                  {" "}
                  <a href={card.mapUrl} rel="noreferrer">
                    {t("help.map")}
                  </a>
                </>
              ) : null}
            </dd>
          </div>
        ) : null}
        {card.hours.length ? (
          <div>
            <dt>{t("help.hours")}</dt>
            <dd>
              <ul className="plain-list">
                {card.hours.map((h, i) => (
                  <li key={i}>
                    {t("help.hoursLine", { day: h.day, opens: h.opens, closes: h.closes })}
                  </li>
                ))}
              </ul>
            </dd>
          </div>
        ) : null}
        {card.website ? (
          <div>
            <dt>{t("help.website")}</dt>
            <dd>
              <a href={card.website} rel="noreferrer" dir="ltr">
                {card.website}
              </a>
            </dd>
          </div>
        ) : null}
      </dl>
    </article>
  );
}

const statusClass: Record<string, string> = {
  received: "status status--waiting",
  taken: "status status--going",
  answered: "status status--going",
  closed: "status",
  withdrawn: "status",
};

export function HelpStatus({ status }: { status: string }) {
  const { t } = useTranslation();
  return <span className={statusClass[status] ?? "status"}>{t(`help.status.${status}`)}</span>;
}

export type ThreadView = {
  id: string;
  fromTeam: boolean;
  signedName: string | null;
  body: string;
  resourceIds: string[];
  when: string;
};

/** The private thread: her words, and the team's replies with their directory cards. */
export function HelpThread({
  messages,
  cards,
  mine,
}: {
  messages: ThreadView[];
  cards: Record<string, ResourceCard>;
  /** How her own messages are labelled: "You" for her, her name for organizers */
  mine: string;
}) {
  const { t } = useTranslation();
  if (messages.length === 0) return <p className="muted">{t("help.noMessages")}</p>;
  return (
    <ol className="plain-list">
      {messages.map((m) => (
        <li key={m.id} className="card stack">
          <p>
            <strong>
              {m.fromTeam
                ? m.signedName
                  ? t("help.signedBy", { name: m.signedName })
                  : t("help.team")
                : mine}
            </strong>{" "}
            <span className="muted">{m.when}</span>
          </p>
          {m.body ? (
            <p className="prewrap" dir="auto">
              {m.body}
            </p>
          ) : (
            <p className="muted">{t("help.erased")}</p>
          )}
          {m.resourceIds.map((id) =>
            cards[id] ? <ResourceCardView key={id} card={cards[id]} headingLevel={3} /> : null,
          )}
        </li>
      ))}
    </ol>
  );
}

export type RequestFacts = {
  when: string;
  urgency: string;
  languages: string[];
  wantsWoman: boolean;
  contact: string;
  handle: string;
  /** Only on the organizers' page, when she chose to be reached by email */
  email?: string | null;
};

/** What she asked for, as both she and the organizers see it; `before`/`after` add rows. */
export function RequestFactsList({
  request,
  locale,
  before,
  after,
}: {
  request: RequestFacts;
  locale: Locale;
  before?: React.ReactNode;
  after?: React.ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <dl className="details">
      {before}
      <div>
        <dt>{t("help.askedAt")}</dt>
        <dd>{request.when}</dd>
      </div>
      <div>
        <dt>{t("help.urgencyLegend")}</dt>
        <dd>{t(`help.urgency.${request.urgency}`)}</dd>
      </div>
      <div>
        <dt>{t("help.languagesLegend")}</dt>
        <dd>
          <LanguageList codes={request.languages} locale={locale} />
        </dd>
      </div>
      {request.wantsWoman ? (
        <div>
          <dt>{t("help.wantsWomanShort")}</dt>
          <dd>{t("help.yes")}</dd>
        </div>
      ) : null}
      <div>
        <dt>{t("help.contactLegend")}</dt>
        <dd>
          {t(`help.contact.${request.contact}`)}
          {request.contact === "handle" && request.handle ? (
            <>
              {": "}
              <span dir="auto">{request.handle}</span>
            </>
          ) : null}
          {request.email ? (
            <>
              {": "}
              <span dir="ltr">{request.email}</span>
            </>
          ) : null}
        </dd>
      </div>
      {after}
    </dl>
  );
}
