import { getSessionUser } from "~/accounts/sessions.server";
import { localeDetector } from "~/i18n/i18next.server";

/** The request's language, with a signed-in member's saved preference in its place. */
export const getLocale = localeDetector(
  async (request) => (await getSessionUser(request))?.user.locale ?? null,
);
