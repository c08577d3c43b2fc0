import type { SubmissionResult } from "@conform-to/react";

/**
 * The settings page's forms, each posted to its own child route (`/settings/<form>`), which on
 * success redirects to `/settings?saved=<form>#<anchor>`. Pure, so the layout's loader (which
 * trusts only these names) and the section components share one list.
 */
export const settingsForms = {
  profile: { section: "profile", anchor: "profile-title" },
  email: { section: "email", anchor: "email-title" },
  password: { section: "password", anchor: "password-title" },
  "women-only": { section: "women-only", anchor: "women-question" },
  notifications: { section: "notifications", anchor: "emails" },
  "calendar-titles": { section: "calendar", anchor: "calendar-titles" },
  "calendar-link": { section: "calendar", anchor: "calendar-title" },
  delete: { section: "delete", anchor: "delete-title" },
} as const;

export type SettingsForm = keyof typeof settingsForms;
export type SettingsSectionName = (typeof settingsForms)[SettingsForm]["section"];

/** Where a form of the page posts. */
export const settingsFormAction = (form: SettingsForm) => `/settings/${form}`;

/** The `saved` query value, when it names a form of the page; anything else is ignored. */
export function savedFormOf(url: URL): SettingsForm | null {
  const saved = url.searchParams.get("saved");
  return saved !== null && Object.hasOwn(settingsForms, saved) && saved !== "delete"
    ? (saved as SettingsForm)
    : null;
}

/** What a settings form's action answers when it does not redirect: its section shows it. */
export type SettingsReply = { result: SubmissionResult<string[]>; time: string | null };
