// The server code the event page's loader and action use, through one module only that route
// imports, for the reason given in app/root.server.ts: it keeps about 0.8 KB of empty shared
// files out of the page people open most.
export { getSessionUser, requireUser } from "~/accounts/sessions.server";
export { db } from "~/db.server";
export { env } from "~/env.server";
export { eventPage } from "~/events/event-page.server";
export { answerGoing, cancelAnswer } from "~/events/rsvp.server";
export { isCancelForm, parseRsvpForm } from "~/events/rsvp-form.server";
export { readForm } from "~/utils/forms.server";
export { badRequest, notFound } from "~/utils/http.server";
export { getLocale } from "~/utils/locale.server";
