import { parseWithZod } from "@conform-to/zod";
import type { ActionFunctionArgs, LoaderFunctionArgs, LinksFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { requireUser } from "~/accounts/sessions.server";
import { ProfileForm } from "~/components/mentoring/ProfileForm";
import { db } from "~/db.server";
import { getLocale } from "~/utils/locale.server";
import { saveProfile } from "~/mentorship/profiles.server";
import { ownProfile } from "~/mentorship/queries.server";
import { menteeProfileSchema, mentorProfileSchema } from "~/mentorship/schemas";
import type { RouteHandle } from "~/utils/handle";
import { readForm } from "~/utils/forms.server";
import mentoringStyles from "~/styles/mentoring.css";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: mentoringStyles }];

export const handle: RouteHandle = { titleKey: "mentoring.profileMetaTitle" };

/** /mentoring/profile?role=mentee|mentor creates a profile; without ?role it edits one's own. */
export async function loader({ request }: LoaderFunctionArgs) {
  const { user } = await requireUser(request);
  const [profile, locale] = await Promise.all([ownProfile(db(), user.id), getLocale(request)]);
  const asked = new URL(request.url).searchParams.get("role");
  const role =
    profile?.role ?? (asked === "mentor" ? "mentor" : asked === "mentee" ? "mentee" : null);
  if (!role) return redirect("/mentoring");
  const {
    approved: _approved,
    role: _role,
    gender,
    capacity,
    ...values
  } = profile ?? {
    languages: [],
    topics: [],
    availability: [],
    mode: "either",
    area: "",
    mentorGender: "any",
    gender: "unsaid",
    affiliation: "",
    capacity: 1,
    about: "",
    shareEmail: false,
    contactHandle: "",
  };
  return json({
    role,
    isNew: profile === null,
    email: user.email,
    locale,
    defaults: {
      ...values,
      gender,
      capacity: String(capacity),
      shareEmail: values.shareEmail ? "on" : undefined,
    },
  });
}

export async function action({ request }: ActionFunctionArgs) {
  const { user } = await requireUser(request);
  const formData = await readForm(request);
  const schema = formData.get("intent") === "mentor" ? mentorProfileSchema : menteeProfileSchema;
  const submission = parseWithZod(formData, { schema });
  if (submission.status !== "success") return json({ result: submission.reply() }, { status: 400 });
  const outcome = await saveProfile(db(), user.id, submission.value, await getLocale(request));
  if (!outcome.ok)
    return json({ result: submission.reply({ formErrors: [outcome.error] }) }, { status: 400 });
  return redirect("/mentoring?saved=profile");
}

export default function MentoringProfile() {
  const { t } = useTranslation();
  const { role, isNew, email, locale, defaults } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  return (
    <div className="stack narrow">
      <p>
        <Link to="/mentoring">{t("mentoring.back")}</Link>
      </p>
      <h1>
        {isNew
          ? t(role === "mentee" ? "mentoring.formTitleMentee" : "mentoring.formTitleMentor")
          : t("mentoring.editProfile")}
      </h1>
      <p className="muted">{t("mentoring.privacyNote")}</p>
      <ProfileForm
        role={role}
        lastResult={actionData?.result}
        defaultValue={defaults}
        email={email}
        locale={locale}
      />
    </div>
  );
}
