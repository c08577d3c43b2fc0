import type { ActionFunctionArgs } from "@remix-run/node";
import { useActionData } from "@remix-run/react";
import { changePassword } from "~/accounts/accounts.server";
import { changePasswordSchema } from "~/accounts/schemas";
import { requireUser } from "~/accounts/sessions.server";
import { PasswordSection } from "~/components/settings/PasswordSection";
import { useSettingsData, type SettingsHandle } from "~/components/settings/data";
import { db } from "~/db.server";
import { parseForm } from "~/utils/forms.server";
import { invalidReply, refusedReply, savedRedirect } from "~/utils/settings.server";

export const handle: SettingsHandle = { settingsSection: "password" };

export async function action({ request }: ActionFunctionArgs) {
  const { user, session } = await requireUser(request);
  const { submission } = await parseForm(request, changePasswordSchema);
  if (submission.status !== "success") return invalidReply(submission);
  // This device stays signed in; every other session ends.
  const outcome = await changePassword(db(), user.id, {
    ...submission.value,
    keepSessionId: session.id,
  });
  if (!outcome.ok) return refusedReply(request, submission, outcome);
  return savedRedirect("password");
}

export default function PasswordSettings() {
  return <PasswordSection data={useSettingsData()} reply={useActionData<typeof action>()} />;
}
