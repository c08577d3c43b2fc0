import * as calendarLink from "~/routes/settings.calendar-link";
import * as calendarTitles from "~/routes/settings.calendar-titles";
import * as deleteForm from "~/routes/settings.delete";
import * as email from "~/routes/settings.email";
import * as notifications from "~/routes/settings.notifications";
import * as password from "~/routes/settings.password";
import * as profile from "~/routes/settings.profile";
import * as womenOnly from "~/routes/settings.women-only";
import { settingsForms, type SettingsForm } from "~/utils/settings-sections";
import { context as defaultContext, formRequest, respond } from "./requests";

/** Each settings form's child route action (routes/settings.<form>.tsx). */
export const settingsActions: Record<SettingsForm, (args: never) => Promise<Response>> = {
  profile: profile.action,
  email: email.action,
  password: password.action,
  "women-only": womenOnly.action,
  notifications: notifications.action,
  "calendar-titles": calendarTitles.action,
  "calendar-link": calendarLink.action,
  delete: deleteForm.action,
};

/** Posts one settings form to its own route, as the page does, and returns the Response. */
export function postSettings(
  form: SettingsForm,
  fields: Record<string, string>,
  cookie: string,
  context: { clientIp: string } = defaultContext,
) {
  const action = settingsActions[form] as (args: {
    request: Request;
    params: Record<string, string>;
    context: { clientIp: string };
  }) => Promise<Response>;
  return respond(() =>
    action({ request: formRequest(`/settings/${form}`, fields, cookie), params: {}, context }),
  );
}

/** Where a saved form redirects: back to the page, naming the form, at its section. */
export const savedLocation = (form: Exclude<SettingsForm, "delete">) =>
  `/settings?saved=${form}#${settingsForms[form].anchor}`;
