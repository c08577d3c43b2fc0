import { useRouteLoaderData } from "@remix-run/react";
import type { MessageKind, ReminderLead } from "~/notifications/kinds";
import type { womanAnswerSchema } from "~/accounts/schemas";
import type { z } from "zod";
import type { RouteHandle } from "~/utils/handle";
import type { SettingsForm, SettingsReply, SettingsSectionName } from "~/utils/settings-sections";

/** Everything the settings page shows: the layout's loader data, read by its child routes too. */
export type SettingsData = {
  email: string;
  displayName: string;
  locale: string;
  justReset: boolean;
  /** The form just saved (`?saved=`), whose section shows its notice. */
  saved: SettingsForm | null;
  calendarUrl: string;
  calendarFullTitles: boolean;
  mail: { optedOut: MessageKind[]; reminderLead: ReminderLead };
  emailKinds: MessageKind[];
  womanAnswer: z.infer<typeof womanAnswerSchema>["answer"];
};

/** A section of the page; `reply` is its form's answer when the post did not redirect. */
export type SectionProps = { data: SettingsData; reply?: SettingsReply };

/** A child route of /settings names the section it draws in place of the layout's copy. */
export type SettingsHandle = RouteHandle & { settingsSection: SettingsSectionName };

export function useSettingsData(): SettingsData {
  const data = useRouteLoaderData<SettingsData>("routes/settings");
  // Child routes render only inside the layout, whose loader always ran.
  if (!data) throw new Error("The settings layout's data is missing.");
  return data;
}
