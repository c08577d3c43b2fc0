import type { ActionFunctionArgs, LoaderFunctionArgs, LinksFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { requireRole } from "~/accounts/sessions.server";
import { FormErrors, Notice } from "~/components/forms";
import { ReasonList } from "~/components/mentoring/Profile";
import { db } from "~/db.server";
import { getLocale } from "~/utils/locale.server";
import { draftView } from "~/mentorship/queries.server";
import {
  expireProposals,
  pickDraftMentor,
  publishDraft,
  removeDraftPair,
  runMatching,
} from "~/mentorship/workflow.server";
import type { RouteHandle } from "~/utils/handle";
import { firstFormError, parseForm } from "~/utils/forms.server";
import { notFound } from "~/utils/http.server";
import mentoringStyles from "~/styles/mentoring.css";
import { PlainSelect } from "~/components/fields";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: mentoringStyles }];

export const handle: RouteHandle = { titleKey: "mentoringOrg.draftTitle" };

const id = z.string().min(1);
const actionSchema = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("run") }),
  z.object({ intent: z.literal("publish") }),
  z.object({ intent: z.literal("remove"), draftId: id }),
  z.object({
    intent: z.literal("pick"),
    menteeId: id,
    mentorId: z
      .string({ required_error: "mentoringOrg.chooseMentor" })
      .min(1, "mentoringOrg.chooseMentor"),
  }),
]);

export async function loader({ request }: LoaderFunctionArgs) {
  await requireRole(request, "organizer");
  const locale = await getLocale(request);
  await expireProposals(db(), new Date());
  return json({ ...(await draftView(db())), locale });
}

type Reply = {
  done: "ran" | "published" | "removed" | "picked" | null;
  error: string | null;
  params: Record<string, number>;
  menteeId: string | null;
};

export async function action({ request }: ActionFunctionArgs) {
  const { user } = await requireRole(request, "organizer");
  const { submission } = await parseForm(request, actionSchema);
  const reply = (value: Partial<Reply>, status = 200) =>
    json<Reply>({ done: null, error: null, params: {}, menteeId: null, ...value }, status);
  if (submission.status !== "success") return reply({ error: firstFormError(submission) }, 400);
  const input = submission.value;
  switch (input.intent) {
    case "run": {
      const { drafted, unmatched } = await runMatching(db(), user.id);
      return reply({ done: "ran", params: { drafted, unmatched } });
    }
    case "publish": {
      const { changes, skipped } = await publishDraft(db());
      return reply({ done: "published", params: { count: changes.length, skipped } });
    }
    case "remove":
      if (!(await removeDraftPair(db(), input.draftId))) throw notFound();
      return reply({ done: "removed" });
    case "pick": {
      const outcome = await pickDraftMentor(db(), user.id, input.menteeId, input.mentorId);
      if (!outcome.ok) return reply({ error: outcome.error, menteeId: input.menteeId }, 400);
      return reply({ done: "picked" });
    }
  }
}

type Mentors = ReturnType<typeof useLoaderData<typeof loader>>["mentors"];

/** "Choose another mentor" for one mentee: a select and a button, also without JavaScript. */
function PickMentor({
  menteeId,
  name,
  mentors,
  current,
  error,
}: {
  menteeId: string;
  name: string;
  mentors: Mentors;
  current: string | null;
  error: string | null;
}) {
  const { t } = useTranslation();
  const selectId = `pick-${menteeId}`;
  const choices = mentors.filter((m) => m.userId !== current);
  if (choices.length === 0) return null;
  return (
    <Form method="post" className="pick-form stack">
      <input type="hidden" name="intent" value="pick" />
      <input type="hidden" name="menteeId" value={menteeId} />
      <PlainSelect
        id={selectId}
        name="mentorId"
        label={t("mentoringOrg.pickLabel", { name })}
        errors={error ? [error] : undefined}
        errorText={(key) => t("mentoringOrg.notPossible", { reason: t(key) })}
      >
        {choices.map((m) => (
          <option key={m.userId} value={m.userId}>
            {t("mentoringOrg.placesLeft", { name: m.displayName, count: m.placesLeft })}
          </option>
        ))}
      </PlainSelect>
      <button type="submit" className="button button--secondary button--small">
        {t("mentoringOrg.pick")}
      </button>
    </Form>
  );
}

export default function MatchingDraft() {
  const { t } = useTranslation();
  const { pairs, waiting, mentors, locale } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const errorFor = (menteeId: string) =>
    actionData?.menteeId === menteeId ? actionData.error : null;
  return (
    <div className="stack wide">
      <p>
        <Link to="/organize/mentoring">{t("mentoringOrg.back")}</Link>
      </p>
      <h1>{t("mentoringOrg.draftTitle")}</h1>
      <p>{t("mentoringOrg.draftIntro")}</p>
      {actionData?.done ? (
        <Notice>
          <p>{t(`mentoringOrg.done.${actionData.done}`, actionData.params)}</p>
          {actionData.done === "published" && actionData.params.skipped ? (
            <p>{t("mentoringOrg.skipped", { count: actionData.params.skipped })}</p>
          ) : null}
        </Notice>
      ) : null}
      {actionData?.error && !actionData.menteeId ? (
        <FormErrors id="draft-error" errors={[actionData.error]} />
      ) : null}
      <Form method="post" className="run-form actions">
        <input type="hidden" name="intent" value="run" />
        <button type="submit" className="button">
          {t("mentoringOrg.run")}
        </button>
        <span className="muted">{t("mentoringOrg.runHint")}</span>
      </Form>

      <section className="stack" aria-labelledby="draft-pairs">
        <h2 id="draft-pairs">{t("mentoringOrg.pairsTitle")}</h2>
        {pairs.length === 0 ? <p className="muted">{t("mentoringOrg.noPairs")}</p> : null}
        <ul className="event-list">
          {pairs.map((pair) => (
            <li key={pair.id} className="card stack draft-pair">
              <h3 dir="auto">
                {t("mentoringOrg.pair", { mentee: pair.mentee, mentor: pair.mentor })}
              </h3>
              <p>
                <strong>{t("mentoringOrg.score", { score: pair.score })}</strong>
              </p>
              <ReasonList reasons={pair.reasons} locale={locale} />
              <PickMentor
                menteeId={pair.menteeId}
                name={pair.mentee}
                mentors={mentors}
                current={pair.mentorId}
                error={errorFor(pair.menteeId)}
              />
              <Form method="post" className="remove-form">
                <input type="hidden" name="intent" value="remove" />
                <input type="hidden" name="draftId" value={pair.id} />
                <button
                  type="submit"
                  className="link-button"
                  aria-label={t("mentoringOrg.removeNamed", {
                    mentee: pair.mentee,
                    mentor: pair.mentor,
                  })}
                >
                  {t("mentoringOrg.remove")}
                </button>
              </Form>
            </li>
          ))}
        </ul>
        {pairs.length ? (
          <Form method="post" className="publish-form stack card">
            <input type="hidden" name="intent" value="publish" />
            <p>{t("mentoringOrg.publishHint")}</p>
            <button type="submit" className="button">
              {t("mentoringOrg.publish")}
            </button>
          </Form>
        ) : null}
      </section>

      <section className="stack" aria-labelledby="still-waiting">
        <h2 id="still-waiting">{t("mentoringOrg.waitingTitle")}</h2>
        {waiting.length === 0 ? <p className="muted">{t("mentoringOrg.noneWaiting")}</p> : null}
        <ul className="event-list">
          {waiting.map((w) => (
            <li key={w.menteeId} className="card stack waiting-mentee">
              <h3 dir="auto">{w.displayName}</h3>
              <p className="muted">{t(`mentoring.why.${w.reason ?? "available"}`)}</p>
              <PickMentor
                menteeId={w.menteeId}
                name={w.displayName}
                mentors={mentors}
                current={null}
                error={errorFor(w.menteeId)}
              />
            </li>
          ))}
        </ul>
        {mentors.length === 0 ? <p className="muted">{t("mentoringOrg.noMentors")}</p> : null}
      </section>
    </div>
  );
}
