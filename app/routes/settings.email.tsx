import type { ActionFunctionArgs } from "@remix-run/node";
import { useActionData } from "@remix-run/react";
import { changeEmail } from "~/accounts/accounts.server";
import { changeEmailSchema } from "~/accounts/schemas";
import { requireUser } from "~/accounts/sessions.server";
import { EmailSection } from "~/components/settings/EmailSection";
import { useSettingsData, type SettingsHandle } from "~/components/settings/data";
import { db } from "~/db.server";
import { parseForm } from "~/utils/forms.server";
import { invalidReply, refusedReply, savedRedirect } from "~/utils/settings.server";

export const handle: SettingsHandle = { settingsSection: "email" };

export async function action({ request }: ActionFunctionArgs) {
  const { user } = await requireUser(request);
  const { submission } = await parseForm(request, changeEmailSchema);
  if (submission.status !== "success") return invalidReply(submission);
  const outcome = await changeEmail(db(), user.id, submission.value);
  if (!outcome.ok) return refusedReply(request, submission, outcome);
  return savedRedirect("email");
}

export default function EmailSettings() {
  return <EmailSection data={useSettingsData()} reply={useActionData<typeof action>()} />;
}
