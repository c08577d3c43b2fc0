import type { Params } from "@remix-run/react";
import { requireRole } from "~/accounts/sessions.server";
import { db } from "~/db.server";
import { getLocale } from "~/utils/locale.server";
import { notFound } from "~/utils/http.server";

/** What every organizer page about one event starts with: the role check, the language, the event or a 404. */
export async function loadOrganizerEvent(request: Request, params: Params) {
  const [current, locale] = await Promise.all([
    requireRole(request, "organizer"),
    getLocale(request),
  ]);
  const event = await db().event.findUnique({
    where: { id: params.id ?? "" },
    include: { translations: true },
  });
  if (!event) throw notFound();
  return { user: current.user, locale, event };
}
