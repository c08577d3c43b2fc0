import type { ActionFunctionArgs } from "@remix-run/node";
import { useActionData } from "@remix-run/react";
import { requireUser } from "~/accounts/sessions.server";
import { useSettingsData, type SettingsHandle } from "~/components/settings/data";
import { EmailChoices } from "~/components/settings/EmailChoices";
import { db } from "~/db.server";
import { saveEmailChoices } from "~/notifications/preferences.server";
import { emailChoicesSchema } from "~/notifications/schemas";
import { parseForm } from "~/utils/forms.server";
import { invalidReply, savedRedirect } from "~/utils/settings.server";

export const handle: SettingsHandle = { settingsSection: "notifications" };

/** Which kinds of email to get, and when the reminder comes. */
export async function action({ request }: ActionFunctionArgs) {
  const { user } = await requireUser(request);
  const { submission } = await parseForm(request, emailChoicesSchema);
  if (submission.status !== "success") return invalidReply(submission);
  await saveEmailChoices(db(), user, submission.value);
  return savedRedirect("notifications");
}

export default function NotificationSettings() {
  return <EmailChoices data={useSettingsData()} reply={useActionData<typeof action>()} />;
}
