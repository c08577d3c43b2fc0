import type { ActionFunctionArgs, LoaderFunctionArgs, LinksFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { requireUser } from "~/accounts/sessions.server";
import { FormErrors, Notice } from "~/components/forms";
import { Detail, LanguageLevelList, SlotList, TopicList } from "~/components/mentoring/Profile";
import { MatchCard, Welcome } from "~/components/mentoring/MatchCards";
import { db } from "~/db.server";
import { formatDateTime, formatDay } from "~/i18n/format";
import { getLocale } from "~/utils/locale.server";
import { myMentoring } from "~/mentorship/queries.server";
import { memberActionSchema } from "~/mentorship/schemas";
import {
  answerFit,
  answerProposal,
  endMatch,
  expireProposals,
  logCheckIn,
  requestRematch,
  type MentoringOutcome,
} from "~/mentorship/workflow.server";
import type { RouteHandle } from "~/utils/handle";
import { firstFormError, parseForm } from "~/utils/forms.server";
import mentoringStyles from "~/styles/mentoring.css";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: mentoringStyles }];

export const handle: RouteHandle = { titleKey: "mentoring.metaTitle" };

/** The member's own mentoring page: their profile and matches. It takes no id from the URL. */
export async function loader({ request }: LoaderFunctionArgs) {
  const { user } = await requireUser(request);
  const locale = await getLocale(request);
  // Expiry is enforced here too, not only by the hourly job, so no stale proposal is shown.
  await expireProposals(db(), new Date());
  const data = await myMentoring(db(), user.id);
  return json({
    ...data,
    locale,
    saved: new URL(request.url).searchParams.get("saved") === "profile",
    matches: data.matches.map((m) => ({
      ...m,
      answerBy: m.expiresAt ? formatDateTime(new Date(m.expiresAt), locale) : null,
      checkIns: m.checkIns.map((c) => ({ ...c, day: formatDay(new Date(c.at), locale) })),
    })),
  });
}

export async function action({ request }: ActionFunctionArgs) {
  const { user } = await requireUser(request);
  const { formData, submission } = await parseForm(request, memberActionSchema);
  const typed = {
    note: String(formData.get("note") ?? ""),
    feedback: String(formData.get("feedback") ?? ""),
  };
  if (submission.status !== "success") {
    return json({ done: null, error: firstFormError(submission), typed }, { status: 400 });
  }
  const input = submission.value;
  const database = db();
  const now = new Date();
  let outcome: MentoringOutcome;
  switch (input.intent) {
    case "accept":
    case "decline":
      outcome = await answerProposal(database, user.id, input.matchId, input.intent, now);
      break;
    case "checkin":
      outcome = await logCheckIn(
        database,
        user.id,
        input.matchId,
        { met: input.met === "yes", note: input.note },
        now,
      );
      break;
    case "fit":
      outcome = await answerFit(database, user.id, input.matchId, input.fit);
      break;
    case "rematch":
      outcome = await requestRematch(database, user.id, input.matchId, input.note, now);
      break;
    case "end":
      outcome = await endMatch(
        database,
        { userId: user.id, isOrganizer: false },
        input.matchId,
        input.feedback,
        now,
      );
      break;
  }
  if (!outcome.ok) return json({ done: null, error: outcome.error, typed }, { status: 400 });
  return json({ done: input.intent, error: null, typed: null });
}

export default function Mentoring() {
  const { t } = useTranslation();
  const { profile, matches, locale, saved } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  return (
    <div className="stack narrow">
      <h1>{t("mentoring.title")}</h1>
      {saved ? (
        <Notice>
          <p>{t("mentoring.profileSaved")}</p>
        </Notice>
      ) : null}
      {actionData?.done ? (
        <Notice>
          <p>{t(`mentoring.done.${actionData.done}`)}</p>
        </Notice>
      ) : null}
      {actionData?.error ? <FormErrors id="mentoring-error" errors={[actionData.error]} /> : null}

      {!profile ? (
        <Welcome />
      ) : (
        <>
          <section className="card stack" aria-labelledby="my-profile">
            <h2 id="my-profile">{t("mentoring.profileTitle")}</h2>
            <p>{t(profile.role === "mentee" ? "mentoring.roleMentee" : "mentoring.roleMentor")}</p>
            {profile.role === "mentor" ? (
              <p className={profile.approved ? undefined : "notice notice--waiting"}>
                {t(profile.approved ? "mentoring.approved" : "mentoring.awaitingApproval")}
              </p>
            ) : null}
            <dl className="details">
              <Detail term={t("mentoring.labelLanguages")}>
                <LanguageLevelList languages={profile.languages} locale={locale} />
              </Detail>
              <Detail
                term={t(
                  profile.role === "mentee" ? "mentoring.labelGoals" : "mentoring.labelSkills",
                )}
              >
                <TopicList topics={profile.topics} locale={locale} />
              </Detail>
              <Detail term={t("mentoring.labelAvailability")}>
                <SlotList slots={profile.availability} locale={locale} />
              </Detail>
            </dl>
            <p>
              <Link to="/mentoring/profile">{t("mentoring.editProfile")}</Link>
            </p>
          </section>

          <section className="stack" aria-labelledby="my-matches">
            <h2 id="my-matches">
              {t(profile.role === "mentee" ? "mentoring.matchTitle" : "mentoring.menteesTitle")}
            </h2>
            {matches.length === 0 ? (
              <p className="muted">
                {t(profile.role === "mentee" ? "mentoring.waiting" : "mentoring.noMentees")}
              </p>
            ) : null}
            {matches.map((match) => (
              <MatchCard
                key={match.id}
                match={match}
                locale={locale}
                typed={actionData?.typed ?? null}
              />
            ))}
          </section>
        </>
      )}
      <p className="muted">
        <Link to="/settings/privacy">{t("keepApart.link")}</Link>
      </p>
    </div>
  );
}
