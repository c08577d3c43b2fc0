import type { ActionFunctionArgs } from "@remix-run/node";
import { useActionData } from "@remix-run/react";
import { updateProfile } from "~/accounts/accounts.server";
import { profileSchema } from "~/accounts/schemas";
import { requireUser } from "~/accounts/sessions.server";
import { ProfileSection } from "~/components/settings/ProfileSection";
import { useSettingsData, type SettingsHandle } from "~/components/settings/data";
import { db } from "~/db.server";
import { localeCookieHeader } from "~/i18n/i18next.server";
import { parseForm } from "~/utils/forms.server";
import { invalidReply, savedRedirect } from "~/utils/settings.server";

export const handle: SettingsHandle = { settingsSection: "profile" };

export async function action({ request }: ActionFunctionArgs) {
  const { user } = await requireUser(request);
  const { submission } = await parseForm(request, profileSchema);
  if (submission.status !== "success") return invalidReply(submission);
  await updateProfile(db(), user.id, submission.value);
  // The saved language applies at once, also over a language picked earlier on this device.
  return savedRedirect("profile", {
    headers: { "Set-Cookie": await localeCookieHeader(submission.value.locale) },
  });
}

export default function ProfileSettings() {
  return <ProfileSection data={useSettingsData()} reply={useActionData<typeof action>()} />;
}
