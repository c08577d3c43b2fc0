import type { SerializeFrom } from "@remix-run/node";
import { Form, Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { PlainChoices } from "../choice-fields";
import { PlainTextarea } from "../fields";
import { Detail, LanguageLevelList, SlotList, TopicList } from "./Profile";
import type { Locale } from "~/i18n/config";
import { fitAnswers } from "~/mentorship/codes";
import type { myMentoring } from "~/mentorship/queries.server";

type MentoringMatch = Awaited<ReturnType<typeof myMentoring>>["matches"][number];

/** A match as the member's mentoring page gets it: dates formatted in the reader's language. */
export type MatchView = SerializeFrom<
  Omit<MentoringMatch, "checkIns"> & {
    answerBy: string | null;
    checkIns: (MentoringMatch["checkIns"][number] & { day: string })[];
  }
>;

export function Welcome() {
  const { t } = useTranslation();
  return (
    <section className="card stack" aria-labelledby="choose-role">
      <p>{t("mentoring.intro")}</p>
      <p className="muted">{t("mentoring.privacyNote")}</p>
      <h2 id="choose-role">{t("mentoring.chooseTitle")}</h2>
      <p className="actions">
        <Link to="/mentoring/profile?role=mentee" className="button">
          {t("mentoring.becomeMentee")}
        </Link>
        <Link to="/mentoring/profile?role=mentor" className="button button--secondary">
          {t("mentoring.becomeMentor")}
        </Link>
      </p>
      <p className="muted">{t("mentoring.mentorNote")}</p>
    </section>
  );
}

function MatchId({ id }: { id: string }) {
  return <input type="hidden" name="matchId" value={id} />;
}

export function MatchCard({
  match,
  locale,
  typed,
}: {
  match: MatchView;
  locale: Locale;
  typed: { note: string; feedback: string } | null;
}) {
  const { t } = useTranslation();
  const p = match.partner;
  const name = p.displayName;
  const headingId = `match-${match.id}`;
  return (
    <article className="card stack match-card" aria-labelledby={headingId}>
      <h3 id={headingId}>
        {match.status === "proposed"
          ? t("mentoring.proposedTitle", { name })
          : t("mentoring.activeTitle", { name })}
      </h3>
      <dl className="details">
        {p.affiliation ? (
          <Detail term={t("mentoring.labelAffiliation")}>
            <span dir="auto">{p.affiliation}</span>
          </Detail>
        ) : null}
        {p.languages ? (
          <Detail term={t("mentoring.labelLanguages")}>
            <LanguageLevelList languages={p.languages} locale={locale} />
          </Detail>
        ) : null}
        {p.topics ? (
          <Detail
            term={t(match.side === "mentor" ? "mentoring.labelGoals" : "mentoring.labelSkills")}
          >
            <TopicList topics={p.topics} locale={locale} />
          </Detail>
        ) : null}
        {p.availability ? (
          <Detail term={t("mentoring.labelAvailability")}>
            <SlotList slots={p.availability} locale={locale} />
          </Detail>
        ) : null}
        {p.mode ? (
          <Detail term={t("mentoring.labelMode")}>{t(`mentoring.modes.${p.mode}`)}</Detail>
        ) : null}
        {p.area ? (
          <Detail term={t("mentoring.labelArea")}>
            <span dir="auto">{p.area}</span>
          </Detail>
        ) : null}
        {p.about ? (
          <Detail term={t("mentoring.labelAbout")}>
            <span className="prewrap" dir="auto">
              {p.about}
            </span>
          </Detail>
        ) : null}
      </dl>

      {match.status === "proposed" ? (
        <div className="stack">
          <p>{t("mentoring.proposedBody", { date: match.answerBy ?? "" })}</p>
          {match.iAccepted ? (
            <p className="notice notice--waiting">{t("mentoring.youAccepted")}</p>
          ) : (
            <div className="actions">
              <Form method="post" className="answer-accept">
                <MatchId id={match.id} />
                <button type="submit" name="intent" value="accept" className="button">
                  {t("mentoring.accept")}
                </button>
              </Form>
              <Form method="post" className="answer-decline">
                <MatchId id={match.id} />
                <button
                  type="submit"
                  name="intent"
                  value="decline"
                  className="button button--secondary"
                >
                  {t("mentoring.decline")}
                </button>
              </Form>
            </div>
          )}
        </div>
      ) : (
        <ActiveMatch match={match} typed={typed} />
      )}
      <p className="muted">
        <Link to={`/report?about=mentoring:${match.id}`}>{t("report.fromMentoring")}</Link>
      </p>
    </article>
  );
}

function ActiveMatch({
  match,
  typed,
}: {
  match: MatchView;
  typed: { note: string; feedback: string } | null;
}) {
  const { t } = useTranslation();
  const contact = match.partner.contact;
  const name = match.partner.displayName;
  return (
    <>
      <section className="stack contact" aria-labelledby={`contact-${match.id}`}>
        <h4 id={`contact-${match.id}`}>{t("mentoring.contactTitle", { name })}</h4>
        {contact?.email || contact?.handle ? (
          <dl className="details">
            {contact.email ? (
              <Detail term={t("mentoring.contactEmail")}>
                <a href={`mailto:${contact.email}`} dir="ltr">
                  {contact.email}
                </a>
              </Detail>
            ) : null}
            {contact.handle ? (
              <Detail term={t("mentoring.contactHandle")}>
                <span dir="auto">{contact.handle}</span>
              </Detail>
            ) : null}
          </dl>
        ) : (
          <p>{t("mentoring.noContact", { name })}</p>
        )}
      </section>

      {match.side === "mentor" ? (
        <section className="stack" aria-labelledby={`checkin-${match.id}`}>
          <h4 id={`checkin-${match.id}`}>{t("mentoring.checkInTitle")}</h4>
          <Form method="post" className="stack checkin-form">
            <MatchId id={match.id} />
            <input type="hidden" name="intent" value="checkin" />
            <PlainChoices
              legend={t("mentoring.checkInMet")}
              name="met"
              type="radio"
              options={[
                { value: "yes", label: t("mentoring.metYes") },
                { value: "no", label: t("mentoring.metNo") },
              ]}
              checked={["yes"]}
            />
            <PlainTextarea
              id={`note-${match.id}`}
              name="note"
              label={t("mentoring.checkInNote")}
              rows={2}
              maxLength={500}
              dir="auto"
              defaultValue={typed?.note ?? ""}
            />
            <button type="submit" className="button">
              {t("mentoring.checkInSubmit")}
            </button>
          </Form>
          {match.checkIns.length ? (
            <>
              <h5>{t("mentoring.checkInsTitle")}</h5>
              <ul className="plain-list">
                {match.checkIns.map((c) => (
                  <li key={c.id}>
                    {c.day}:{" "}
                    {t(c.met ? "mentoring.checkInMetShort" : "mentoring.checkInNotMetShort")}
                    {c.note ? (
                      <>
                        {" · "}
                        <span dir="auto">{c.note}</span>
                      </>
                    ) : null}
                  </li>
                ))}
              </ul>
            </>
          ) : null}
        </section>
      ) : null}

      {match.askFit ? (
        <section className="stack" aria-labelledby={`fit-${match.id}`}>
          <h4 id={`fit-${match.id}`}>{t("mentoring.fitTitle")}</h4>
          {match.myFit ? (
            <p>{t("mentoring.fitThanks", { answer: t(`mentoring.fit.${match.myFit}`) })}</p>
          ) : (
            <Form method="post" className="stack fit-form">
              <MatchId id={match.id} />
              <input type="hidden" name="intent" value="fit" />
              <PlainChoices
                legend={t("mentoring.fitTitle")}
                legendClassName="visually-hidden"
                hint={t("mentoring.fitHint")}
                hintId={`fit-hint-${match.id}`}
                name="fit"
                type="radio"
                options={fitAnswers.map((answer) => ({
                  value: answer,
                  label: t(`mentoring.fit.${answer}`),
                }))}
                required
              />
              <button type="submit" className="button button--secondary">
                {t("mentoring.fitSubmit")}
              </button>
            </Form>
          )}
        </section>
      ) : null}

      {match.side === "mentee" ? (
        match.rematchRequested ? (
          <p className="notice notice--waiting">{t("mentoring.rematchSent")}</p>
        ) : (
          <DetailsNoteForm
            matchId={match.id}
            intent="rematch"
            field="note"
            maxLength={500}
            typed={typed?.note}
            text={{
              title: t("mentoring.rematchTitle"),
              body: t("mentoring.rematchBody"),
              label: t("mentoring.rematchNote"),
              submit: t("mentoring.rematchSubmit"),
            }}
          />
        )
      ) : null}

      <DetailsNoteForm
        matchId={match.id}
        intent="end"
        field="feedback"
        maxLength={1000}
        typed={typed?.feedback}
        danger
        text={{
          title: t("mentoring.endTitle"),
          body: t("mentoring.endBody"),
          label: t("mentoring.endFeedback"),
          submit: t("mentoring.endSubmit"),
        }}
      />
    </>
  );
}

/** A step behind a disclosure ("ask for another mentor", "end this match") with an optional note. */
function DetailsNoteForm({
  matchId,
  intent,
  field,
  maxLength,
  typed,
  danger,
  text,
}: {
  matchId: string;
  intent: "rematch" | "end";
  field: "note" | "feedback";
  maxLength: number;
  typed: string | undefined;
  danger?: boolean;
  text: { title: string; body: string; label: string; submit: string };
}) {
  const id = `${field === "note" ? "rematch" : "feedback"}-${matchId}`;
  return (
    <details className="stack">
      <summary>{text.title}</summary>
      <Form method="post" className={`stack ${intent === "end" ? "end-form" : "rematch-form"}`}>
        <MatchId id={matchId} />
        <input type="hidden" name="intent" value={intent} />
        <p>{text.body}</p>
        <PlainTextarea
          id={id}
          name={field}
          label={text.label}
          rows={2}
          maxLength={maxLength}
          dir="auto"
          defaultValue={typed ?? ""}
        />
        <button
          type="submit"
          className={danger ? "button button--danger" : "button button--secondary"}
        >
          {text.submit}
        </button>
      </Form>
    </details>
  );
}
