import { Outlet, useLocation, useMatches } from "@remix-run/react";
import { settingsForms, type SettingsSectionName } from "~/utils/settings-sections";
import { CalendarSection } from "./CalendarSection";
import type { SectionProps, SettingsData, SettingsHandle } from "./data";
import { DeleteSection } from "./DeleteSection";
import { EmailChoices } from "./EmailChoices";
import { EmailSection } from "./EmailSection";
import { DataSection, PrivacyRequestSection } from "./InfoSections";
import { PasswordSection } from "./PasswordSection";
import { ProfileSection } from "./ProfileSection";
import { WomanAnswerSection } from "./WomanAnswerSection";

/** The page's sections, in their order on the page. */
const sections: {
  name: SettingsSectionName | "privacy-request" | "data";
  Section: React.ComponentType<SectionProps>;
}[] = [
  { name: "profile", Section: ProfileSection },
  { name: "email", Section: EmailSection },
  { name: "password", Section: PasswordSection },
  { name: "privacy-request", Section: PrivacyRequestSection },
  { name: "women-only", Section: WomanAnswerSection },
  { name: "data", Section: DataSection },
  { name: "notifications", Section: EmailChoices },
  { name: "calendar", Section: CalendarSection },
  { name: "delete", Section: DeleteSection },
];

/** The section a matched child route (`/settings/<form>`) draws itself, with its form's answer. */
function useChildSection(): SettingsSectionName | null {
  const handle = useMatches().at(-1)?.handle as Partial<SettingsHandle> | undefined;
  return handle?.settingsSection ?? null;
}

/**
 * Every section of the settings page. Where a child route matches, its section is the child's
 * `<Outlet />`, so a form refused at `/settings/<form>` shows its errors and what was typed in
 * place. A section whose form was just saved is drawn afresh, its fields emptied or showing the
 * saved values, as after a full page load.
 */
export function SettingsSections({ data }: { data: SettingsData }) {
  const child = useChildSection();
  const location = useLocation();
  const savedSection = data.saved ? settingsForms[data.saved].section : null;
  return sections.map(({ name, Section }) =>
    name === child ? (
      <Outlet key={name} />
    ) : (
      <Section key={name === savedSection ? `${name}:${location.key}` : name} data={data} />
    ),
  );
}
