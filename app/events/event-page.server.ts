// The server code the event page's loader and action use, through one module only that route
// imports, for the reason given in app/root.server.ts: it keeps about 0.8 KB of empty shared
// files out of the page people open most.
export { getSessionUser, requireUser } from "~/accounts/sessions.server";
export { singleEventEntry } from "~/calendar/feeds.server";
export { googleCalendarLink } from "~/calendar/ics.server";
export { db } from "~/db.server";
export { env } from "~/env.server";
export { eventForViewer } from "~/events/queries.server";
export { recurrenceText } from "~/events/recurrence-text";
export { answerGoing, cancelAnswer } from "~/events/rsvp.server";
export { isCancelForm, parseRsvpForm } from "~/events/rsvp-form.server";
export { womenOnlyRefusalFor } from "~/events/women-only.server";
export { getFixedT, getLocale } from "~/i18n/i18next.server";
export { readForm } from "~/utils/forms.server";
export { badRequest, notFound } from "~/utils/http.server";
