import type { ActionFunctionArgs } from "@remix-run/node";
import { womanAnswerSchema } from "~/accounts/schemas";
import { requireUser } from "~/accounts/sessions.server";
import { useSettingsData, type SettingsHandle } from "~/components/settings/data";
import { WomanAnswerSection } from "~/components/settings/WomanAnswerSection";
import { db } from "~/db.server";
import { saveWomanAnswer } from "~/events/women-only.server";
import { parseControlForm } from "~/utils/forms.server";
import { savedRedirect } from "~/utils/settings.server";

export const handle: SettingsHandle = { settingsSection: "women-only" };

/** The optional question for gatherings for women; its radio buttons cannot send anything else. */
export async function action({ request }: ActionFunctionArgs) {
  const { user } = await requireUser(request);
  const { answer } = await parseControlForm(request, womanAnswerSchema);
  await saveWomanAnswer(db(), user.id, answer);
  return savedRedirect("women-only");
}

export default function WomenOnlySettings() {
  return <WomanAnswerSection data={useSettingsData()} />;
}
