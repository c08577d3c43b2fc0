import type { ActionFunctionArgs } from "@remix-run/node";
import { requireUser } from "~/accounts/sessions.server";
import { regenerateCalendarToken } from "~/calendar/feeds.server";
import { CalendarSection } from "~/components/settings/CalendarSection";
import { useSettingsData, type SettingsHandle } from "~/components/settings/data";
import { db } from "~/db.server";
import { readForm } from "~/utils/forms.server";
import { savedRedirect } from "~/utils/settings.server";

export const handle: SettingsHandle = { settingsSection: "calendar" };

/** A new address for the personal calendar feed; the old one stops working at once. */
export async function action({ request }: ActionFunctionArgs) {
  const { user } = await requireUser(request);
  // The form has only its button, but a body no form of ours sends is still refused.
  await readForm(request);
  await regenerateCalendarToken(db(), user.id);
  return savedRedirect("calendar-link");
}

export default function CalendarLinkSettings() {
  return <CalendarSection data={useSettingsData()} />;
}
