import type { LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { hasRole } from "~/accounts/roles";
import { requireUser } from "~/accounts/sessions.server";
import { calendarTitleSetting, calendarTokenFor } from "~/calendar/feeds.server";
import { calendarFeedUrl } from "~/calendar/urls.server";
import { Notice } from "~/components/notices";
import type { SettingsData } from "~/components/settings/data";
import { SettingsSections } from "~/components/settings/Sections";
import { db } from "~/db.server";
import { womanAnswer } from "~/events/women-only.server";
import { mailPreferences } from "~/notifications/preferences.server";
import { switchableKinds } from "~/notifications/schemas";
import type { RouteHandle } from "~/utils/handle";
import { getLocale } from "~/utils/locale.server";
import { savedFormOf } from "~/utils/settings-sections";

export const handle: RouteHandle = { titleKey: "settings.metaTitle" };

/**
 * The settings page. Each of its forms posts to its own child route (settings.<form>.tsx),
 * which redirects back here with `?saved=<form>`, or draws its section with the errors.
 */
export async function loader({ request }: LoaderFunctionArgs) {
  const { user } = await requireUser(request);
  const url = new URL(request.url);
  const data: SettingsData = {
    email: user.email,
    displayName: user.displayName,
    locale: user.locale ?? (await getLocale(request)),
    justReset: url.searchParams.has("reset"),
    saved: savedFormOf(url),
    calendarUrl: calendarFeedUrl(await calendarTokenFor(db(), user.id)),
    calendarFullTitles: await calendarTitleSetting(db(), user.id),
    mail: await mailPreferences(db(), user.id),
    emailKinds: switchableKinds(hasRole(user.role, "organizer")),
    womanAnswer: await womanAnswer(db(), user.id),
  };
  return json(data);
}

export default function Settings() {
  const { t } = useTranslation();
  const data = useLoaderData<typeof loader>();
  return (
    <div className="stack narrow">
      <h1>{t("settings.title")}</h1>
      {data.justReset ? (
        <Notice>
          <p>{t("reset.done")}</p>
        </Notice>
      ) : null}
      <SettingsSections data={data} />
    </div>
  );
}
