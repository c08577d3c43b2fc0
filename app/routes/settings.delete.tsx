import type { ActionFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { useActionData } from "@remix-run/react";
import { deleteAccount } from "~/accounts/accounts.server";
import { deleteAccountSchema } from "~/accounts/schemas";
import { blankSessionCookie, requireUser } from "~/accounts/sessions.server";
import { DeleteSection } from "~/components/settings/DeleteSection";
import { useSettingsData, type SettingsHandle } from "~/components/settings/data";
import { db } from "~/db.server";
import { parseForm } from "~/utils/forms.server";
import { invalidReply, refusedReply } from "~/utils/settings.server";

export const handle: SettingsHandle = { settingsSection: "delete" };

export async function action({ request }: ActionFunctionArgs) {
  const { user } = await requireUser(request);
  const { submission } = await parseForm(request, deleteAccountSchema);
  if (submission.status !== "success") return invalidReply(submission);
  const outcome = await deleteAccount(db(), user.id, submission.value.currentPassword);
  if (!outcome.ok) return refusedReply(request, submission, outcome);
  return redirect("/?farewell=1", { headers: { "Set-Cookie": blankSessionCookie() } });
}

export default function DeleteSettings() {
  return <DeleteSection data={useSettingsData()} reply={useActionData<typeof action>()} />;
}
