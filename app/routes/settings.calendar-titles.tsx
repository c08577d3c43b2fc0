import type { ActionFunctionArgs } from "@remix-run/node";
import { requireUser } from "~/accounts/sessions.server";
import { saveCalendarTitleSetting } from "~/calendar/feeds.server";
import { calendarTitlesSchema } from "~/calendar/schemas";
import { CalendarSection } from "~/components/settings/CalendarSection";
import { useSettingsData, type SettingsHandle } from "~/components/settings/data";
import { db } from "~/db.server";
import { parseControlForm } from "~/utils/forms.server";
import { savedRedirect } from "~/utils/settings.server";

export const handle: SettingsHandle = { settingsSection: "calendar" };

/** "Show full titles in my calendar": a box that is ticked ("yes") or absent. */
export async function action({ request }: ActionFunctionArgs) {
  const { user } = await requireUser(request);
  const { fullTitles } = await parseControlForm(request, calendarTitlesSchema);
  await saveCalendarTitleSetting(db(), user.id, fullTitles === "yes");
  return savedRedirect("calendar-titles");
}

export default function CalendarTitleSettings() {
  return <CalendarSection data={useSettingsData()} />;
}
