import type { ActionFunctionArgs, LoaderFunctionArgs, LinksFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { requireRole } from "~/accounts/sessions.server";
import { FormErrors, Notice } from "~/components/forms";
import { Detail, LanguageLevelList, SlotList, TopicList } from "~/components/mentoring/Profile";
import { db } from "~/db.server";
import type { Locale } from "~/i18n/config";
import { getLocale } from "~/utils/locale.server";
import { poolView } from "~/mentorship/queries.server";
import { blockPair } from "~/mentorship/workflow.server";
import type { RouteHandle } from "~/utils/handle";
import { firstFormError, parseForm } from "~/utils/forms.server";
import mentoringStyles from "~/styles/mentoring.css";
import { PlainSelect } from "~/components/fields";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: mentoringStyles }];

export const handle: RouteHandle = { titleKey: "mentoringOrg.poolTitle" };

const blockSchema = z.object({
  intent: z.literal("block"),
  menteeId: z.string({ required_error: "errors.required" }).min(1, "errors.required"),
  mentorId: z.string({ required_error: "errors.required" }).min(1, "errors.required"),
});

/** Every profile in full: for organizers only. */
export async function loader({ request }: LoaderFunctionArgs) {
  await requireRole(request, "organizer");
  const locale = await getLocale(request);
  return json({ ...(await poolView(db())), locale });
}

export async function action({ request }: ActionFunctionArgs) {
  const { user } = await requireRole(request, "organizer");
  const { submission } = await parseForm(request, blockSchema);
  if (submission.status !== "success")
    return json({ done: false, error: firstFormError(submission) }, 400);
  const input = submission.value;
  const outcome = await blockPair(db(), user.id, input.menteeId, input.mentorId);
  if (!outcome.ok) return json({ done: false, error: outcome.error }, 400);
  return json({ done: true, error: null });
}

export default function MentoringPool() {
  const { t } = useTranslation();
  const { profiles, blocks, locale } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const mentees = profiles.filter((p) => p.role === "mentee");
  const mentors = profiles.filter((p) => p.role === "mentor");
  return (
    <div className="stack wide">
      <p>
        <Link to="/organize/mentoring">{t("mentoringOrg.back")}</Link>
      </p>
      <h1>{t("mentoringOrg.poolTitle")}</h1>
      <p className="muted">{t("mentoringOrg.poolPrivacy")}</p>
      <PoolGroup side="mentee" people={mentees} locale={locale} />
      <PoolGroup side="mentor" people={mentors} locale={locale} />

      <section className="card stack" aria-labelledby="block-title">
        <h2 id="block-title">{t("mentoringOrg.blockTitle")}</h2>
        <p>{t("mentoringOrg.blockHint")}</p>
        {actionData?.done ? (
          <Notice>
            <p>{t("mentoringOrg.done.blocked")}</p>
          </Notice>
        ) : null}
        {actionData?.error ? <FormErrors id="block-error" errors={[actionData.error]} /> : null}
        <Form method="post" className="stack block-form">
          <input type="hidden" name="intent" value="block" />
          <div className="field-row">
            <PersonSelect
              id="block-mentee"
              name="menteeId"
              label={t("mentoringOrg.blockMentee")}
              people={mentees}
            />
            <PersonSelect
              id="block-mentor"
              name="mentorId"
              label={t("mentoringOrg.blockMentor")}
              people={mentors}
            />
          </div>
          <button type="submit" className="button button--secondary">
            {t("mentoringOrg.blockSubmit")}
          </button>
        </Form>
        {blocks.length ? (
          <>
            <h3>{t("mentoringOrg.blocksList")}</h3>
            <ul className="plain-list">
              {blocks.map((b) => (
                <li key={b.id} dir="auto">
                  {t("mentoringOrg.pair", { mentee: b.mentee, mentor: b.mentor })}
                </li>
              ))}
            </ul>
          </>
        ) : null}
      </section>
    </div>
  );
}

type Person = ReturnType<typeof useLoaderData<typeof loader>>["profiles"][number];

function PoolGroup({
  side,
  people,
  locale,
}: {
  side: "mentee" | "mentor";
  people: Person[];
  locale: Locale;
}) {
  const { t } = useTranslation();
  return (
    <section className="stack" aria-labelledby={`pool-${side}`}>
      <h2 id={`pool-${side}`}>
        {t(side === "mentee" ? "mentoringOrg.menteesTitle" : "mentoringOrg.mentorsTitle")}
      </h2>
      {people.length === 0 ? <p className="muted">{t("mentoringOrg.nobody")}</p> : null}
      <ul className="event-list">
        {people.map((p) => (
          <li key={p.userId} className="card stack pool-person">
            <h3 dir="auto">{p.displayName}</h3>
            <p>
              {p.role === "mentor" ? (
                <span className={p.approved ? "status status--going" : "status status--waiting"}>
                  {t(p.approved ? "mentoringOrg.approvedBadge" : "mentoringOrg.pendingBadge")}
                </span>
              ) : p.matched ? (
                <span className="status status--going">{t("mentoringOrg.matchedBadge")}</span>
              ) : (
                <span className="status status--waiting">{t("mentoringOrg.waitingBadge")}</span>
              )}
            </p>
            <dl className="details">
              {p.role === "mentor" ? (
                <>
                  <Detail term={t("mentoring.labelAffiliation")}>
                    <span dir="auto">{p.affiliation}</span>
                  </Detail>
                  <Detail term={t("mentoringOrg.places")}>
                    {t("mentoringOrg.placesTaken", { taken: p.taken, capacity: p.capacity })}
                  </Detail>
                </>
              ) : null}
              <Detail term={t("mentoring.labelLanguages")}>
                <LanguageLevelList languages={p.languages} locale={locale} />
              </Detail>
              <Detail
                term={t(p.role === "mentee" ? "mentoring.labelGoals" : "mentoring.labelSkills")}
              >
                <TopicList topics={p.topics} locale={locale} />
              </Detail>
              <Detail term={t("mentoring.labelAvailability")}>
                <SlotList slots={p.availability} locale={locale} />
              </Detail>
              <Detail term={t("mentoring.labelMode")}>{t(`mentoring.modes.${p.mode}`)}</Detail>
              {p.area ? (
                <Detail term={t("mentoring.labelArea")}>
                  <span dir="auto">{p.area}</span>
                </Detail>
              ) : null}
              {p.role === "mentee" ? (
                <Detail term={t("mentoringOrg.prefers")}>
                  {t(`mentoring.genderPrefs.${p.mentorGender}`)}
                </Detail>
              ) : (
                <Detail term={t("mentoringOrg.gender")}>
                  {t(`mentoring.genders.${p.gender ?? "unsaid"}`)}
                </Detail>
              )}
              {p.about ? (
                <Detail term={t("mentoring.labelAbout")}>
                  <span className="prewrap" dir="auto">
                    {p.about}
                  </span>
                </Detail>
              ) : null}
            </dl>
          </li>
        ))}
      </ul>
    </section>
  );
}

/** A required select of people by display name (the block form's two sides). */
function PersonSelect({
  id,
  name,
  label,
  people,
}: {
  id: string;
  name: string;
  label: string;
  people: Person[];
}) {
  return (
    <PlainSelect id={id} name={name} label={label} required>
      {people.map((p) => (
        <option key={p.userId} value={p.userId}>
          {p.displayName}
        </option>
      ))}
    </PlainSelect>
  );
}
