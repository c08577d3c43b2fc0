import type { LoaderFunctionArgs } from "@remix-run/node";
import { hasRole } from "~/accounts/roles";
import { getSessionUser } from "~/accounts/sessions.server";
import { singleEventFileEntry } from "~/calendar/feeds.server";
import { buildCalendar, icsResponse } from "~/calendar/ics.server";
import { db } from "~/db.server";
import { env } from "~/env.server";
import { getLocale } from "~/utils/locale.server";
import { notFound } from "~/utils/http.server";

/** One event as an .ics file, with the place only if this person may know it. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const [current, locale] = await Promise.all([getSessionUser(request), getLocale(request)]);
  const viewer = current
    ? { id: current.user.id, isOrganizer: hasRole(current.user.role, "organizer") }
    : null;
  const entry = await singleEventFileEntry(db(), params.id ?? "", viewer, locale, env().appUrl);
  if (!entry) throw notFound();
  return icsResponse(buildCalendar(entry.title, [entry]), {
    filename: "event.ics",
    personal: viewer !== null,
  });
}
