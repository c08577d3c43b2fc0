import type { ActionFunctionArgs, LoaderFunctionArgs, LinksFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { requireRole } from "~/accounts/sessions.server";
import { FormErrors, Notice } from "~/components/forms";
import { db } from "~/db.server";
import { formatDateTime, formatDay } from "~/i18n/format";
import { getLocale } from "~/utils/locale.server";
import { organizerOverview } from "~/mentorship/queries.server";
import { approveMentor, endMatch, expireProposals } from "~/mentorship/workflow.server";
import type { RouteHandle } from "~/utils/handle";
import { firstFormError, parseForm } from "~/utils/forms.server";
import { notFound } from "~/utils/http.server";
import mentoringStyles from "~/styles/mentoring.css";
import { PlainTextarea } from "~/components/fields";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: mentoringStyles }];

export const handle: RouteHandle = { titleKey: "mentoringOrg.metaTitle" };

const actionSchema = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("approve"), userId: z.string().min(1) }),
  z.object({
    intent: z.literal("end"),
    matchId: z.string().min(1),
    feedback: z.string().trim().max(1000, "errors.tooLong").default(""),
  }),
]);

export async function loader({ request }: LoaderFunctionArgs) {
  await requireRole(request, "organizer");
  const locale = await getLocale(request);
  const now = new Date();
  await expireProposals(db(), now);
  const data = await organizerOverview(db(), now);
  const day = (iso: string | null) => (iso ? formatDay(new Date(iso), locale) : "");
  const withDates = (rows: typeof data.matches) =>
    rows.map((r) => ({
      ...r,
      answerBy: r.expiresAt ? formatDateTime(new Date(r.expiresAt), locale) : "",
      activeSince: day(r.activatedAt),
      quietDay: day(r.quietSince),
      rematchDay: day(r.rematchRequestedAt),
    }));
  return json({
    ...data,
    matches: withDates(data.matches),
    quiet: withDates(data.quiet),
    rematchRequests: withDates(data.rematchRequests),
    fitConcerns: withDates(data.fitConcerns),
  });
}

export async function action({ request }: ActionFunctionArgs) {
  const { user } = await requireRole(request, "organizer");
  const { submission } = await parseForm(request, actionSchema);
  if (submission.status !== "success")
    return json({ done: null, error: firstFormError(submission) }, 400);
  const input = submission.value;
  if (input.intent === "approve") {
    const approved = await approveMentor(db(), user.id, input.userId);
    if (!approved) throw notFound();
    return json({ done: "approved", error: null });
  }
  const outcome = await endMatch(
    db(),
    { userId: user.id, isOrganizer: true },
    input.matchId,
    input.feedback,
  );
  if (!outcome.ok) return json({ done: null, error: outcome.error }, 400);
  return json({ done: "ended", error: null });
}

export default function OrganizeMentoring() {
  const { t } = useTranslation();
  const data = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const fit = (answer: string | null) =>
    answer ? t(`mentoring.fit.${answer}`) : t("mentoringOrg.fitNone");
  const nothing =
    data.rematchRequests.length + data.quiet.length + data.fitConcerns.length === 0 &&
    data.pendingMentors.length === 0;
  return (
    <div className="stack wide">
      <h1>{t("mentoringOrg.title")}</h1>
      <p className="actions">
        <Link to="/organize/mentoring/draft" className="button">
          {t("mentoringOrg.draftLink")}
        </Link>
        <Link to="/organize/mentoring/pool">{t("mentoringOrg.poolLink")}</Link>
        <Link to="/organize">{t("mentoringOrg.eventsLink")}</Link>
      </p>
      <p>
        {t("mentoringOrg.counts", {
          waiting: data.counts.waitingMentees,
          mentors: data.counts.approvedMentors,
          drafts: data.counts.drafts,
        })}
      </p>
      {actionData?.done ? (
        <Notice>
          <p>{t(`mentoringOrg.done.${actionData.done}`)}</p>
        </Notice>
      ) : null}
      {actionData?.error ? <FormErrors id="organize-error" errors={[actionData.error]} /> : null}

      <section className="stack" aria-labelledby="attention">
        <h2 id="attention">{t("mentoringOrg.attentionTitle")}</h2>
        {nothing ? <p className="muted">{t("mentoringOrg.nothingNeeded")}</p> : null}
        {data.pendingMentors.length ? (
          <div className="card stack" id="pending-mentors">
            <h3>{t("mentoringOrg.pendingTitle")}</h3>
            <ul className="plain-list stack">
              {data.pendingMentors.map((m) => (
                <li key={m.userId} className="attention-row">
                  <span dir="auto">
                    {t("mentoringOrg.pendingItem", {
                      name: m.displayName,
                      affiliation: m.affiliation,
                    })}
                  </span>
                  <Form method="post" className="approve-form">
                    <input type="hidden" name="intent" value="approve" />
                    <input type="hidden" name="userId" value={m.userId} />
                    <button
                      type="submit"
                      className="button button--small"
                      aria-label={t("mentoringOrg.approveNamed", { name: m.displayName })}
                    >
                      {t("mentoringOrg.approve")}
                    </button>
                  </Form>
                </li>
              ))}
            </ul>
          </div>
        ) : null}
        {data.rematchRequests.length ? (
          <div className="card stack" id="rematch-requests">
            <h3>{t("mentoringOrg.rematchTitle")}</h3>
            <ul className="plain-list stack">
              {data.rematchRequests.map((m) => (
                <li key={m.id}>
                  <span dir="auto">
                    {t("mentoringOrg.rematchItem", {
                      mentee: m.mentee,
                      mentor: m.mentor,
                      date: m.rematchDay,
                    })}
                  </span>
                  {m.rematchNote ? (
                    <p className="muted prewrap" dir="auto">
                      {m.rematchNote}
                    </p>
                  ) : null}
                </li>
              ))}
            </ul>
          </div>
        ) : null}
        {data.quiet.length ? (
          <div className="card stack" id="quiet-matches">
            <h3>{t("mentoringOrg.quietTitle")}</h3>
            <ul className="plain-list stack">
              {data.quiet.map((m) => (
                <li key={m.id} dir="auto">
                  {t("mentoringOrg.quietItem", {
                    mentee: m.mentee,
                    mentor: m.mentor,
                    date: m.quietDay,
                  })}
                </li>
              ))}
            </ul>
          </div>
        ) : null}
        {data.fitConcerns.length ? (
          <div className="card stack" id="fit-concerns">
            <h3>{t("mentoringOrg.fitTitle")}</h3>
            <ul className="plain-list stack">
              {data.fitConcerns.map((m) => (
                <li key={m.id} dir="auto">
                  {t("mentoringOrg.fitItem", {
                    mentee: m.mentee,
                    mentor: m.mentor,
                    menteeFit: fit(m.menteeFit),
                    mentorFit: fit(m.mentorFit),
                  })}
                </li>
              ))}
            </ul>
          </div>
        ) : null}
      </section>

      <section className="stack" aria-labelledby="matches">
        <h2 id="matches">{t("mentoringOrg.matchesTitle")}</h2>
        {data.matches.length === 0 ? <p className="muted">{t("mentoringOrg.noMatches")}</p> : null}
        <ul className="event-list">
          {data.matches.map((m) => (
            <li key={m.id} className="card stack org-match">
              <h3 dir="auto">{t("mentoringOrg.pair", { mentee: m.mentee, mentor: m.mentor })}</h3>
              {m.status === "proposed" ? (
                <>
                  <p>{t("mentoringOrg.statusProposed", { date: m.answerBy })}</p>
                  <p className="muted">
                    {t(m.menteeAccepted ? "mentoringOrg.accepted" : "mentoringOrg.notYet", {
                      name: m.mentee,
                    })}
                    {" · "}
                    {t(m.mentorAccepted ? "mentoringOrg.accepted" : "mentoringOrg.notYet", {
                      name: m.mentor,
                    })}
                  </p>
                </>
              ) : (
                <p>
                  {t("mentoringOrg.statusActive", { date: m.activeSince })}
                  {" · "}
                  {t("mentoringOrg.lastSign", { date: m.quietDay })}
                </p>
              )}
              <details>
                <summary>{t("mentoringOrg.endTitle")}</summary>
                <Form method="post" className="stack end-form">
                  <input type="hidden" name="intent" value="end" />
                  <input type="hidden" name="matchId" value={m.id} />
                  <PlainTextarea
                    id={`end-${m.id}`}
                    name="feedback"
                    label={t("mentoringOrg.endNote")}
                    rows={2}
                    maxLength={1000}
                    dir="auto"
                  />
                  <button type="submit" className="button button--danger">
                    {t("mentoringOrg.endSubmit")}
                  </button>
                </Form>
              </details>
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}
