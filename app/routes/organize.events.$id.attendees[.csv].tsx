import type { LoaderFunctionArgs } from "@remix-run/node";
import { db } from "~/db.server";
import { attendees, toCsv } from "~/events/organizer.server";
import { getFixedT } from "~/i18n/i18next.server";
import { languageName } from "~/events/languages";
import { loadOrganizerEvent } from "~/utils/organizer-event.server";

/** The attendee list as CSV, headed in the organizer's language; no contact details. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { event, locale } = await loadOrganizerEvent(request, params);
  const t = await getFixedT(locale);
  const { people, walkIns } = await attendees(db(), event.id);
  const rows: (string | number)[][] = [
    [
      t("organize.name"),
      t("organize.status"),
      t("rsvp.children"),
      t("rsvp.guests"),
      t("rsvp.interpretation"),
      t("organize.note"),
      t("organize.attended"),
    ],
    ...people.map((p) => [
      p.name,
      p.status === "going" ? t("organize.statusGoing") : t("organize.statusWaitlisted"),
      p.children,
      p.guests,
      p.interpretation ? languageName(p.interpretation, locale) : "",
      p.note,
      p.attended ? 1 : 0,
    ]),
    ...walkIns.map((w) => [w.name, t("organize.walkIns"), 0, 0, "", "", 1]),
  ];
  const day = event.startsAt.toISOString().slice(0, 10);
  // The byte-order mark makes spreadsheet programs read Persian, Arabic and Japanese names correctly.
  return new Response(`\uFEFF${toCsv(rows)}`, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="attendees-${day}.csv"`,
      "Cache-Control": "no-store",
    },
  });
}
