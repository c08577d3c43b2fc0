import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { messageKinds } from "~/notifications/kinds";
import { copyTestDatabase, type TestDatabase } from "../support/database";
import { startServer, type RunningServer } from "../support/e2e";
import { form, isAnswer, logIn, send, type Answer } from "../support/http";
import { discoverRoutes, type RouteFile } from "../support/routes";
import { principals, seedWorld, type Principal, type World } from "../support/world";

/**
 * Issue #9's authorization matrix: every route file × anonymous, member, mentee, mentor
 * (approved), organizer and admin, for GET and, where the route has an action, POST, against
 * the built server. The expected outcome of each comes from ONE table keyed by route file
 * name; a route file the table does not list fails the suite, so a new route must say who may
 * use it. Loaders are also asked through Remix's data endpoint (`?_data=`), which must refuse
 * exactly what the page refuses. Every answer is searched for other people's email addresses
 * and for private text (a hidden venue address, a mentee's about-me and contact handle).
 *
 * Outcomes: allow (2xx), login (anonymous sent to /login?redirectTo=<this path>), forbidden
 * (403), notFound (404), rejected (the person may use the route but this input is refused:
 * any 4xx except 401/403, since 400, 404 and 422 are all defensible for a bad id), a redirect
 * elsewhere, or skip (a request that would legitimately change the world the later rows need).
 */
type Outcome = "allow" | "login" | "forbidden" | "notFound" | "rejected" | "skip" | { to: string };
type ByPrincipal = Record<Principal, Outcome>;
type Probe = {
  path: (w: World) => string;
  expect: ByPrincipal;
  /** Form fields for a POST probe. */
  body?: (w: World) => [string, string][];
  /** Log in again for this request, because it ends the session (log-out). */
  freshSession?: boolean;
};
type Entry = {
  get: Probe[];
  /** Required exactly when the route file exports an action. */
  post?: Probe[];
  /** The GET outcome for everyone when the server runs with TSUNAGU_MODE=production. */
  production?: Outcome;
  /** Principals who may see private text here (besides the table below), and why. */
  mayShow?: Partial<Record<Secret, Principal[]>>;
};

type Secret =
  | "otherEmails"
  | "hiddenAddress"
  | "menteeAbout"
  | "menteeHandle"
  | "keepApartNote"
  | "reportText"
  | "helpMessage"
  | "helpHandle"
  | "womanMessage";
const textSecrets = [
  "hiddenAddress",
  "menteeAbout",
  "menteeHandle",
  "keepApartNote",
  "reportText",
  "helpMessage",
  "helpHandle",
  "womanMessage",
] as const;

const all = (o: Outcome): ByPrincipal =>
  Object.fromEntries(principals.map((p) => [p, o])) as ByPrincipal;
const signedIn = (o: Outcome, overrides: Partial<ByPrincipal> = {}): ByPrincipal => ({
  ...all(o),
  anonymous: "login",
  ...overrides,
});
const organizers = (o: Outcome): ByPrincipal => signedIn("forbidden", { organizer: o, admin: o });
const admins = (o: Outcome): ByPrincipal => signedIn("forbidden", { admin: o });
const guestsOnly = (o: Outcome, signedInOutcome: Outcome): ByPrincipal => ({
  ...all(signedInOutcome),
  anonymous: o,
});

const nowhere = "nonexistent-id-0000";
const get = (p: (w: World) => string, expect: ByPrincipal): Probe => ({ path: p, expect });

/** Who may see what, wherever it is not said otherwise. */
const mayKnow: Record<Secret, Principal[]> = {
  // An address hidden until you RSVP: the member is going, organizers run the event.
  hiddenAddress: ["member", "organizer", "admin"],
  // A mentee's about-me and contact handle: the mentee, her active mentor, organizers.
  menteeAbout: ["mentee", "mentor", "organizer", "admin"],
  menteeHandle: ["mentee", "mentor", "organizer", "admin"],
  // A help request: the member who asked, organizers who may see it, admins.
  helpMessage: ["member", "organizer", "admin"],
  helpHandle: ["member", "organizer", "admin"],
  // Hers asking for a woman: the seeded organizer does not answer those; admins see every one.
  womanMessage: ["member", "admin"],
  // Nobody sees another person's email address: no seeded profile shares it.
  otherEmails: [],
  // What the mentee wrote asking to be kept away from her mentor: she and organizers, never him.
  keepApartNote: ["mentee", "organizer", "admin"],
  // A report of concern: the member who sent it and organizers; never the mentee it names.
  reportText: ["member", "organizer", "admin"],
};
const demoMailbox = {
  // The dev mailbox (demo and development only) shows every kept email to whoever opens it.
  otherEmails: [...principals],
  hiddenAddress: [...principals],
  menteeAbout: [...principals],
  menteeHandle: [...principals],
  keepApartNote: [...principals],
  reportText: [...principals],
  helpMessage: [...principals],
  helpHandle: [...principals],
  womanMessage: [...principals],
};

const table: Record<string, Entry> = {
  "_index.tsx": { get: [get(() => "/", all("allow"))] },
  "admin.mail.tsx": {
    get: [get(() => "/admin/mail", admins("allow"))],
    post: [{ path: () => "/admin/mail", body: () => [["id", nowhere]], expect: admins("allow") }],
  },
  "admin.audit.tsx": {
    get: [
      get(() => "/admin/audit", admins("allow")),
      get(() => "/admin/audit?page=2", admins("allow")),
      get(() => "/admin/audit?page=not-a-number", admins("allow")),
    ],
  },
  "admin.people.tsx": {
    get: [
      get(() => "/admin/people", admins("allow")),
      get(() => "/admin/people?q=example", admins("allow")),
    ],
    post: [
      {
        path: () => "/admin/people",
        body: () => [
          ["userId", nowhere],
          ["role", "organizer"],
        ],
        expect: admins("rejected"),
      },
      {
        path: () => "/admin/people",
        body: () => [
          ["intent", "suspend"],
          ["userId", nowhere],
          ["reason", "spam"],
        ],
        expect: admins("rejected"),
      },
      {
        path: () => "/admin/people",
        body: () => [
          ["intent", "unsuspend"],
          ["userId", nowhere],
        ],
        expect: admins("rejected"),
      },
      {
        path: () => "/admin/people",
        body: (w) => [
          ["intent", "suspend"],
          ["userId", w.people.member.id],
          ["reason", "not-a-reason"],
        ],
        expect: admins("rejected"),
      },
    ],
    // Admins look people up by name or email to give them a role.
    mayShow: { otherEmails: ["admin"] },
  },
  "bench.bare.tsx": { get: [get(() => "/bench/bare", all("notFound"))] },
  "calendar.$token.tsx": {
    get: [
      // The secret in the address is the authorization: calendar apps cannot log in.
      get((w) => `/calendar/${w.calendarToken}.ics`, all("allow")),
      get(() => `/calendar/${nowhere}.ics`, all("notFound")),
      get((w) => `/calendar/${w.calendarToken}`, all("notFound")),
    ],
    mayShow: { hiddenAddress: [...principals] },
  },
  "calendar.public[.]ics.tsx": {
    get: [
      get(() => "/calendar/public.ics", all("allow")),
      get(() => "/calendar/public.ics?kind=yoga&lng=fa", all("allow")),
      get(() => "/calendar/public.ics?kind=nonsense", all("rejected")),
    ],
  },
  "dev.mailbox.$id.$index.tsx": {
    get: [
      get((w) => `/dev/mailbox/${w.devMailId}/0`, all("allow")),
      get((w) => `/dev/mailbox/${w.devMailId}/7`, all("notFound")),
      get(() => `/dev/mailbox/${nowhere}/0`, all("notFound")),
    ],
    production: "notFound",
    mayShow: demoMailbox,
  },
  "dev.mailbox.$id.html.tsx": {
    get: [
      get((w) => `/dev/mailbox/${w.devMailId}/html`, all("allow")),
      get(() => `/dev/mailbox/${nowhere}/html`, all("notFound")),
    ],
    production: "notFound",
    mayShow: demoMailbox,
  },
  "dev.mailbox.tsx": {
    get: [get(() => "/dev/mailbox", all("allow"))],
    production: "notFound",
    mayShow: demoMailbox,
  },
  "events._index.tsx": {
    get: [
      get(() => "/events", all("allow")),
      get(() => "/events?kind=yoga&language=fa&page=2", all("allow")),
    ],
  },
  "events.$id.calendar[.]ics.tsx": {
    get: [
      get((w) => `/events/${w.eventId}/calendar.ics`, all("allow")),
      get(() => `/events/${nowhere}/calendar.ics`, all("notFound")),
    ],
  },
  "events.$id.tsx": {
    get: [
      get((w) => `/events/${w.eventId}`, all("allow")),
      get(() => `/events/${nowhere}`, all("notFound")),
    ],
    post: [
      {
        // Nobody has answered for the series event, so cancelling changes nothing.
        path: (w) => `/events/${w.seriesEventId}`,
        body: () => [["intent", "cancel"]],
        expect: signedIn("allow"),
      },
    ],
  },
  "forgot-password.tsx": {
    get: [get(() => "/forgot-password", all("allow"))],
    post: [
      {
        path: () => "/forgot-password",
        body: () => [["email", "nobody-here@example.com"]],
        expect: all("allow"),
      },
    ],
  },
  "healthz.tsx": { get: [get(() => "/healthz", all("allow"))] },
  "help._index.tsx": {
    get: [get(() => "/help", signedIn("allow"))],
    post: [{ path: () => "/help", body: () => [], expect: signedIn("rejected") }],
  },
  "help.$id.tsx": {
    get: [
      get((w) => `/help/${w.helpRequestId}`, signedIn("notFound", { member: "allow" })),
      get((w) => `/help/${w.womanRequestId}`, signedIn("notFound", { member: "allow" })),
      get(() => `/help/${nowhere}`, signedIn("notFound")),
    ],
    post: [
      {
        // Adding to her own request is harmless; for everyone else it does not exist.
        path: (w) => `/help/${w.womanRequestId}`,
        body: () => [
          ["intent", "add"],
          ["body", "one more thing"],
        ],
        expect: signedIn("notFound", { member: "allow" }),
      },
      {
        path: (w) => `/help/${w.helpRequestId}`,
        body: () => [["intent", "withdraw"]],
        expect: signedIn("notFound", { member: "skip" }),
      },
    ],
  },
  "language.tsx": {
    get: [get(() => "/language", all({ to: "/" }))],
    post: [
      {
        path: () => "/language",
        body: () => [
          ["lng", "en"],
          ["redirectTo", "/events"],
        ],
        expect: all({ to: "/events" }),
      },
    ],
  },
  "locales.$lng.tsx": {
    get: [get(() => "/locales/fa", all("allow")), get(() => "/locales/xx", all("notFound"))],
  },
  "login.tsx": {
    get: [
      get(() => "/login", guestsOnly("allow", { to: "/" })),
      get(() => "/login?redirectTo=%2Fmy%2Fevents", guestsOnly("allow", { to: "/my/events" })),
    ],
    post: [
      {
        path: () => "/login",
        body: () => [
          ["email", "nobody-here@example.com"],
          ["password", "not the password"],
        ],
        // The action refuses the log-in; then the page's loader sends people already signed in home.
        expect: guestsOnly("rejected", { to: "/" }),
      },
    ],
  },
  "logout.tsx": {
    get: [get(() => "/logout", all({ to: "/" }))],
    post: [{ path: () => "/logout", body: () => [], expect: all({ to: "/" }), freshSession: true }],
  },
  "mentoring._index.tsx": {
    get: [get(() => "/mentoring", signedIn("allow"))],
    post: [
      {
        // Check-ins are the mentor's; nobody else may log one on this match.
        path: () => "/mentoring",
        body: (w) => [
          ["intent", "checkin"],
          ["matchId", w.matchId],
          ["met", "yes"],
          ["note", ""],
        ],
        expect: signedIn("rejected", { mentor: "allow" }),
      },
      {
        // Ending someone else's match must be refused; the pair's own "end" is left alone.
        path: () => "/mentoring",
        body: (w) => [
          ["intent", "end"],
          ["matchId", w.matchId],
        ],
        expect: signedIn("rejected", { mentee: "skip", mentor: "skip" }),
      },
    ],
  },
  "mentoring.profile.tsx": {
    get: [
      get(() => "/mentoring/profile?role=mentee", signedIn("allow")),
      // Without ?role only people with a profile have something to edit.
      get(
        () => "/mentoring/profile",
        signedIn({ to: "/mentoring" }, { mentee: "allow", mentor: "allow" }),
      ),
    ],
    post: [
      {
        path: () => "/mentoring/profile?role=mentee",
        body: () => [["intent", "mentee"]],
        expect: signedIn("rejected"),
      },
    ],
  },
  "my.events.tsx": { get: [get(() => "/my/events", signedIn("allow"))] },
  "organize._index.tsx": {
    get: [get(() => "/organize", organizers("allow"))],
    post: [
      {
        // A hello to someone who is not on the quiet list is refused, for organizers too.
        path: () => "/organize",
        body: (w) => [
          ["intent", "hello"],
          ["userId", w.people.member.id],
        ],
        expect: organizers("rejected"),
      },
      {
        path: () => "/organize",
        body: () => [["intent", "nothing-like-this"]],
        expect: organizers("rejected"),
      },
    ],
  },
  "organize.events.$id.attendees.tsx": {
    get: [
      get((w) => `/organize/events/${w.eventId}/attendees`, organizers("allow")),
      // The role is checked before the id, so members cannot probe which ids exist.
      get(() => `/organize/events/${nowhere}/attendees`, organizers("notFound")),
    ],
  },
  "organize.events.$id.attendees[.csv].tsx": {
    get: [
      get((w) => `/organize/events/${w.eventId}/attendees.csv`, organizers("allow")),
      get(() => `/organize/events/${nowhere}/attendees.csv`, organizers("notFound")),
    ],
  },
  "organize.events.$id.check-in.tsx": {
    get: [
      get((w) => `/organize/events/${w.eventId}/check-in`, organizers("allow")),
      get(() => `/organize/events/${nowhere}/check-in`, organizers("notFound")),
    ],
    post: [
      {
        path: (w) => `/organize/events/${w.eventId}/check-in`,
        body: (w) => [
          ["intent", "toggle"],
          ["rsvpId", w.rsvpId],
          ["attended", "no"],
        ],
        expect: organizers("allow"),
      },
    ],
  },
  "organize.events.$id.edit.tsx": {
    get: [
      get((w) => `/organize/events/${w.eventId}/edit`, organizers("allow")),
      get(() => `/organize/events/${nowhere}/edit`, organizers("notFound")),
    ],
    post: [
      {
        path: (w) => `/organize/events/${w.eventId}/edit`,
        body: () => [
          ["intent", "translation"],
          ["locale", "fa"],
          ["title", "کافه پناهندگان"],
          ["description", ""],
        ],
        expect: organizers("allow"),
      },
    ],
  },
  "organize.resources._index.tsx": {
    get: [get(() => "/organize/resources", organizers("allow"))],
  },
  "organize.resources.new.tsx": {
    get: [get(() => "/organize/resources/new", organizers("allow"))],
    post: [
      { path: () => "/organize/resources/new", body: () => [], expect: organizers("rejected") },
    ],
  },
  "organize.resources.$id.tsx": {
    get: [
      get((w) => `/organize/resources/${w.resourceId}`, organizers("allow")),
      get(() => `/organize/resources/${nowhere}`, organizers("notFound")),
    ],
    post: [
      {
        path: (w) => `/organize/resources/${w.resourceId}`,
        body: () => [["intent", "save"]],
        expect: organizers("rejected"),
      },
      {
        path: () => `/organize/resources/${nowhere}`,
        body: () => [["intent", "checked"]],
        expect: organizers("notFound"),
      },
    ],
  },
  "organize.resources.import.tsx": {
    get: [get(() => "/organize/resources/import", organizers("allow"))],
    post: [
      { path: () => "/organize/resources/import", body: () => [], expect: organizers("rejected") },
    ],
  },
  "organize.resources.export[.json].tsx": {
    get: [get(() => "/organize/resources/export.json", organizers("allow"))],
  },
  "organize.events.new.tsx": {
    get: [get(() => "/organize/events/new", organizers("allow"))],
    post: [{ path: () => "/organize/events/new", body: () => [], expect: organizers("rejected") }],
  },
  "organize.help._index.tsx": {
    get: [
      get(() => "/organize/help", organizers("allow")),
      get(() => "/organize/help?topic=sleep&language=fa&closed=1", organizers("allow")),
    ],
    post: [
      {
        // Leaves "I answer requests that ask for a woman" off, as seeded.
        path: () => "/organize/help",
        body: () => [["intent", "setting"]],
        expect: organizers("allow"),
      },
    ],
  },
  "organize.help.$id.tsx": {
    get: [
      get((w) => `/organize/help/${w.helpRequestId}`, organizers("allow")),
      get(
        (w) => `/organize/help/${w.womanRequestId}`,
        signedIn("forbidden", { organizer: "notFound", admin: "allow" }),
      ),
      get(() => `/organize/help/${nowhere}`, organizers("notFound")),
      get((w) => `/organize/help/${w.helpRequestId}?all=1`, organizers("allow")),
    ],
    post: [
      {
        path: (w) => `/organize/help/${w.womanRequestId}`,
        body: () => [["intent", "take"]],
        expect: signedIn("forbidden", { organizer: "notFound", admin: "allow" }),
      },
      {
        path: (w) => `/organize/help/${w.helpRequestId}`,
        body: () => [["intent", "nothing-like-this"]],
        expect: organizers("rejected"),
      },
    ],
  },
  "organize.mentoring._index.tsx": {
    get: [get(() => "/organize/mentoring", organizers("allow"))],
    post: [
      {
        path: () => "/organize/mentoring",
        body: () => [["intent", "nothing-like-this"]],
        expect: organizers("rejected"),
      },
    ],
  },
  "organize.mentoring.draft.tsx": {
    get: [get(() => "/organize/mentoring/draft", organizers("allow"))],
    post: [
      {
        path: () => "/organize/mentoring/draft",
        body: () => [["intent", "nothing-like-this"]],
        expect: organizers("rejected"),
      },
    ],
  },
  "organize.mentoring.pool.tsx": {
    get: [get(() => "/organize/mentoring/pool", organizers("allow"))],
    post: [
      {
        path: () => "/organize/mentoring/pool",
        body: () => [
          ["intent", "block"],
          ["menteeId", nowhere],
          ["mentorId", nowhere],
        ],
        expect: organizers("rejected"),
      },
    ],
  },
  "organize.safety.tsx": {
    get: [
      get(() => "/organize/safety", organizers("allow")),
      get(() => "/organize/safety?q=member&q2=mentor", organizers("allow")),
    ],
    post: [
      {
        path: () => "/organize/safety",
        body: () => [
          ["intent", "end"],
          ["ruleId", nowhere],
        ],
        expect: organizers("notFound"),
      },
      {
        path: () => "/organize/safety",
        body: () => [
          ["intent", "status"],
          ["requestId", nowhere],
          ["status", "closed"],
        ],
        expect: organizers("notFound"),
      },
      {
        path: () => "/organize/safety",
        body: (w) => [
          ["intent", "record"],
          ["protectedId", w.people.mentee.id],
          ["otherId", nowhere],
        ],
        expect: organizers("rejected"),
      },
    ],
    // Organizers find accounts by name or email to record a rule; requests show who sent them.
    mayShow: { otherEmails: ["organizer", "admin"] },
  },
  "organize.events.$id.exceptions.tsx": {
    get: [
      get((w) => `/organize/events/${w.eventId}/exceptions`, organizers("allow")),
      get(() => `/organize/events/${nowhere}/exceptions`, organizers("notFound")),
    ],
    post: [
      {
        path: (w) => `/organize/events/${w.eventId}/exceptions`,
        body: () => [
          ["intent", "add"],
          ["email", "nobody-here@example.com"],
        ],
        expect: organizers("rejected"),
      },
      {
        path: (w) => `/organize/events/${w.eventId}/exceptions`,
        body: (w) => [
          ["intent", "remove"],
          ["userId", w.people.member.id],
        ],
        expect: organizers("allow"),
      },
    ],
  },
  "organize.reports.tsx": {
    get: [get(() => "/organize/reports", organizers("allow"))],
    post: [
      {
        path: () => "/organize/reports",
        body: () => [
          ["intent", "take"],
          ["reportId", nowhere],
        ],
        expect: organizers("notFound"),
      },
      {
        path: () => "/organize/reports",
        body: () => [["intent", "nothing-like-this"]],
        expect: organizers("rejected"),
      },
    ],
  },
  "organize.series.$id.tsx": {
    get: [
      get((w) => `/organize/series/${w.seriesId}`, organizers("allow")),
      get(() => `/organize/series/${nowhere}`, organizers("notFound")),
    ],
  },
  "report.tsx": {
    get: [
      get(() => "/report", signedIn("allow")),
      // Encoded as a browser sends them, so the log-in redirect can name this same address.
      get((w) => `/report?about=event%3A${w.eventId}`, signedIn("allow")),
      get(() => "/report?about=%3Cscript%3E", signedIn("allow")),
    ],
    post: [
      { path: () => "/report", body: () => [["intent", "report"]], expect: signedIn("rejected") },
    ],
  },
  "readyz.tsx": { get: [get(() => "/readyz", all("allow"))] },
  "reset-password.tsx": {
    get: [
      get((w) => `/reset-password?token=${w.resetToken}`, all("allow")),
      get(() => "/reset-password?token=not-a-token", all("allow")),
    ],
    post: [
      {
        path: () => "/reset-password",
        body: () => [
          ["token", "not-a-token"],
          ["password", "a brand new passphrase"],
        ],
        expect: all("rejected"),
      },
    ],
  },
  "settings_.privacy.tsx": {
    get: [get(() => "/settings/privacy", signedIn("allow"))],
    post: [
      {
        path: () => "/settings/privacy",
        body: () => [
          ["intent", "request"],
          ["details", "Someone I would rather not meet"],
        ],
        expect: signedIn("allow"),
      },
      {
        // Nobody may name a person who is not on their own list.
        path: () => "/settings/privacy",
        body: (w) => [
          ["intent", "request"],
          ["namedUserId", w.people.admin.id],
        ],
        expect: signedIn("rejected"),
      },
      {
        // The check-in choice is only the protected member's.
        path: () => "/settings/privacy",
        body: () => [
          ["intent", "check-in"],
          ["hide", "no"],
        ],
        expect: signedIn("forbidden", { mentee: "allow" }),
      },
    ],
  },
  "settings.data.tsx": { get: [get(() => "/settings/data", signedIn("allow"))] },
  "tips.tsx": { get: [get(() => "/tips", all("allow"))] },
  // The page is the layout; each form posts to its own child route, whose GET is the page.
  "settings.tsx": {
    get: [
      get(() => "/settings", signedIn("allow")),
      get(() => "/settings?saved=notifications", signedIn("allow")),
    ],
  },
  "settings.notifications.tsx": {
    get: [get(() => "/settings/notifications", signedIn("allow"))],
    post: [
      {
        // Keeps every email on and the default reminder, so nothing else changes.
        path: () => "/settings/notifications",
        body: () => [
          ["reminderLead", "1d"],
          ...messageKinds.map((kind): [string, string] => ["wanted", kind]),
        ],
        expect: signedIn({ to: "/settings?saved=notifications" }),
      },
      {
        path: () => "/settings/notifications",
        body: () => [["reminderLead", "never"]],
        expect: signedIn("rejected"),
      },
    ],
  },
  // Refused inputs only where saving would change what later rows or suites see.
  "settings.profile.tsx": {
    get: [get(() => "/settings/profile", signedIn("allow"))],
    post: [
      {
        path: () => "/settings/profile",
        body: () => [
          ["displayName", "Someone"],
          ["locale", "xx"],
        ],
        expect: signedIn("rejected"),
      },
    ],
  },
  "settings.email.tsx": {
    get: [get(() => "/settings/email", signedIn("allow"))],
    post: [
      {
        path: () => "/settings/email",
        // An address of nobody's: the refused form shows what was typed.
        body: () => [
          ["email", "moving@example.org"],
          ["currentPassword", ""],
        ],
        expect: signedIn("rejected"),
      },
    ],
  },
  "settings.password.tsx": {
    get: [get(() => "/settings/password", signedIn("allow"))],
    post: [
      {
        path: () => "/settings/password",
        body: () => [
          ["currentPassword", "not checked: the new one is too short"],
          ["newPassword", "short"],
        ],
        expect: signedIn("rejected"),
      },
    ],
  },
  "settings.women-only.tsx": {
    get: [get(() => "/settings/women-only", signedIn("allow"))],
    post: [
      {
        path: () => "/settings/women-only",
        body: () => [["answer", "maybe"]],
        expect: signedIn("rejected"),
      },
    ],
  },
  "settings.calendar-titles.tsx": {
    get: [get(() => "/settings/calendar-titles", signedIn("allow"))],
    post: [
      {
        // No box ticked: the discreet titles everyone starts with.
        path: () => "/settings/calendar-titles",
        body: () => [],
        expect: signedIn({ to: "/settings?saved=calendar-titles" }),
      },
    ],
  },
  "settings.calendar-link.tsx": {
    get: [get(() => "/settings/calendar-link", signedIn("allow"))],
    post: [
      {
        // The member's feed address is the one calendar.$token's rows use.
        path: () => "/settings/calendar-link",
        body: () => [],
        expect: signedIn({ to: "/settings?saved=calendar-link" }, { member: "skip" }),
      },
    ],
  },
  "settings.delete.tsx": {
    get: [get(() => "/settings/delete", signedIn("allow"))],
    post: [
      {
        path: () => "/settings/delete",
        body: () => [["currentPassword", "not checked: the box is not ticked"]],
        expect: signedIn("rejected"),
      },
    ],
  },
  "resources._index.tsx": {
    get: [
      get(() => "/resources", all("allow")),
      get(() => "/resources?topic=health&language=fa", all("allow")),
      // Unknown filters are ignored, not an error page.
      get(() => "/resources?topic=nonsense&language=xx", all("allow")),
    ],
  },
  "resources.print.tsx": {
    get: [
      get(() => "/resources/print", all("allow")),
      get(() => "/resources/print?topic=health", all("allow")),
    ],
  },
  "signup.tsx": {
    get: [get(() => "/signup", guestsOnly("allow", { to: "/" }))],
    post: [
      {
        path: () => "/signup",
        body: () => [
          ["displayName", "Someone"],
          ["email", "not-an-email"],
          ["password", "a long passphrase"],
        ],
        expect: guestsOnly("rejected", { to: "/" }),
      },
    ],
  },
  "signup_.confirm.tsx": {
    // The emailed link stands in for a login; a made-up token is refused for everyone.
    get: [get(() => `/signup/confirm?token=${nowhere}`, all("allow"))],
    post: [
      { path: () => "/signup/confirm", body: () => [["token", nowhere]], expect: all("rejected") },
    ],
  },
  "signup_.resend.tsx": {
    get: [get(() => "/signup/resend", all("allow"))],
    post: [
      {
        path: () => "/signup/resend",
        body: () => [["email", "nobody-here@example.com"]],
        expect: all("allow"),
      },
    ],
  },
  "unsubscribe.$token.$kind.tsx": {
    get: [
      // The secret in the link stands in for a login, so it works on any device.
      get((w) => `/unsubscribe/${w.mailToken}/event_changed`, all("allow")),
      get(() => `/unsubscribe/${nowhere}/event_changed`, all("notFound")),
      get((w) => `/unsubscribe/${w.mailToken}/no_such_kind`, all("notFound")),
    ],
    post: [
      {
        path: (w) => `/unsubscribe/${w.mailToken}/event_changed`,
        body: () => [["intent", "resubscribe"]],
        expect: all("allow"),
      },
      {
        path: () => `/unsubscribe/${nowhere}/event_changed`,
        body: () => [],
        expect: all("notFound"),
      },
    ],
  },
};

const routes = discoverRoutes();
let server: RunningServer;
let world: World;

beforeAll(async () => {
  server = await startServer();
  world = await seedWorld(server);
}, 180_000);

afterAll(async () => {
  await server?.stop();
});

function cookieOf(who: Principal): string | undefined {
  return who === "anonymous" ? undefined : world.people[who].cookie;
}

/** What went wrong, or null when the answer is the expected outcome. */
function mismatch(
  outcome: Outcome,
  answer: Answer,
  requested: string,
  data: boolean,
): string | null {
  const { status } = answer;
  // A data request (`?_data=`) answers a redirect with 204 and X-Remix-Redirect.
  const location = data ? answer.headers.get("x-remix-redirect") : answer.location;
  const redirected = data ? status === 204 && location !== null : status >= 300 && status < 400;
  const target = location ? new URL(location, server.url) : null;
  const seen = `${status}${location ? ` → ${location}` : ""}`;
  if (outcome === "allow") return status >= 200 && status < 300 && !redirected ? null : seen;
  if (outcome === "forbidden") return status === 403 ? null : seen;
  if (outcome === "notFound") return status === 404 ? null : seen;
  if (outcome === "rejected")
    return status >= 400 && status < 500 && status !== 401 && status !== 403 ? null : seen;
  if (outcome === "login") {
    const back = requested.replace(/[?&]_data=[^&]*$/, "");
    return redirected &&
      target?.origin === server.url &&
      target.pathname === "/login" &&
      target.searchParams.get("redirectTo") === back
      ? null
      : seen;
  }
  if (outcome === "skip") return null;
  return redirected &&
    target &&
    target.origin === server.url &&
    target.pathname + target.search === outcome.to
    ? null
    : seen;
}

function leaks(entry: Entry, who: Principal, body: string): string[] {
  const found: string[] = [];
  const allowed = (secret: Secret) =>
    mayKnow[secret].includes(who) || (entry.mayShow?.[secret] ?? []).includes(who);
  const others = Object.values(world.people).filter(
    (p) => who === "anonymous" || p.email !== world.people[who].email,
  );
  if (!allowed("otherEmails")) {
    for (const person of others) if (body.includes(person.email)) found.push(person.email);
  }
  for (const secret of textSecrets) {
    if (!allowed(secret) && body.includes(world.secrets[secret])) found.push(secret);
  }
  return found;
}

const describeOutcome = (o: Outcome) => (typeof o === "string" ? o : `redirect ${o.to}`);

async function runProbe(
  route: RouteFile,
  entry: Entry,
  probe: Probe,
  method: "GET" | "POST",
  options: { data?: boolean } = {},
): Promise<string[]> {
  const problems: string[] = [];
  for (const who of principals) {
    const outcome = probe.expect[who];
    if (outcome === "skip") continue;
    let cookie = cookieOf(who);
    if (probe.freshSession && who !== "anonymous") {
      cookie = await logIn(server.url, world.people[who].email, world.people[who].password);
    }
    let requested = probe.path(world);
    if (options.data) {
      requested += `${requested.includes("?") ? "&" : "?"}_data=${encodeURIComponent(route.id)}`;
    }
    const logBefore = server.log().length;
    const answer = await send(server.url, {
      method,
      path: requested,
      headers: {
        ...(cookie ? { Cookie: cookie } : {}),
        ...(method === "POST"
          ? { Origin: server.url, "Content-Type": "application/x-www-form-urlencoded" }
          : {}),
      },
      body: method === "POST" ? form(probe.body?.(world) ?? []) : undefined,
    });
    const label = `${method} ${requested} as ${who}`;
    if (!isAnswer(answer)) {
      problems.push(`${label}: ${answer.status} (${answer.error})`);
      continue;
    }
    const wrong = mismatch(outcome, answer, requested, options.data ?? false);
    if (wrong) {
      const log =
        answer.status >= 500 ? `\n${server.log().slice(logBefore).trim().slice(0, 1500)}` : "";
      problems.push(`${label}: expected ${describeOutcome(outcome)}, got ${wrong}${log}`);
    }
    const leaked = leaks(entry, who, answer.body);
    if (leaked.length) problems.push(`${label}: shows ${leaked.join(", ")}`);
    if (probe.freshSession && cookie) {
      const after = await send(server.url, {
        method: "GET",
        path: "/settings",
        headers: { Cookie: cookie },
      });
      if (!isAnswer(after) || after.status !== 302)
        problems.push(`${label}: the session still works after logging out`);
    }
  }
  return problems;
}

describe("the authorization table", () => {
  it("lists every route file in app/routes, and nothing else", () => {
    const files = routes.map((r) => r.file);
    const unlisted = files.filter((f) => !(f in table));
    const stale = Object.keys(table).filter((f) => !files.includes(f));
    expect(unlisted, "route files without a row: add them to the table").toEqual([]);
    expect(stale, "rows for route files that no longer exist").toEqual([]);
  });

  it("has POST rows exactly for the routes that export an action", () => {
    const wrong = routes
      .filter((r) => r.file in table && r.hasAction !== (table[r.file]!.post !== undefined))
      .map(
        (r) =>
          `${r.file}: action ${r.hasAction ? "exported but no POST rows" : "missing but POST rows given"}`,
      );
    expect(wrong).toEqual([]);
  });
});

describe("the private text the leak checks look for", () => {
  // Without these, a leak check could pass because the text is never on any page at all.
  it("is shown to the people who may see it", async () => {
    const page = async (who: Principal, path: string) => {
      const answer = await send(server.url, {
        method: "GET",
        path,
        headers: { Cookie: cookieOf(who)! },
      });
      return isAnswer(answer) ? answer.body : "";
    };
    expect(await page("member", `/events/${world.eventId}`)).toContain(world.secrets.hiddenAddress);
    expect(await page("organizer", `/organize/events/${world.eventId}/edit`)).toContain(
      world.secrets.hiddenAddress,
    );
    const mentor = await page("mentor", "/mentoring");
    expect(mentor).toContain(world.secrets.menteeAbout);
    expect(mentor).toContain(world.secrets.menteeHandle);
    expect(await page("member", "/settings/data")).toContain(world.people.member.email);
    expect(await page("mentee", "/settings/privacy")).toContain(world.secrets.keepApartNote);
    expect(await page("mentee", "/settings/data")).toContain(world.secrets.keepApartNote);
    expect(await page("organizer", "/organize/safety")).toContain(world.secrets.keepApartNote);
    const ownRequest = await page("member", `/help/${world.helpRequestId}`);
    expect(ownRequest).toContain(world.secrets.helpMessage);
    expect(ownRequest).toContain(world.secrets.helpHandle);
    expect(await page("member", `/help/${world.womanRequestId}`)).toContain(
      world.secrets.womanMessage,
    );
    const forOrganizer = await page("organizer", `/organize/help/${world.helpRequestId}`);
    expect(forOrganizer).toContain(world.secrets.helpMessage);
    expect(forOrganizer).toContain(world.secrets.helpHandle);
    expect(await page("admin", `/organize/help/${world.womanRequestId}`)).toContain(
      world.secrets.womanMessage,
    );
  });
});

describe.each(routes.filter((r) => r.file in table))("$file", (route) => {
  const entry = table[route.file]!;
  const isPage = /export\s+default\s+function/.test(route.source);

  it("GET answers each person as the table says", async () => {
    const problems: string[] = [];
    for (const probe of entry.get) problems.push(...(await runProbe(route, entry, probe, "GET")));
    expect(problems).toEqual([]);
  });

  if (isPage && route.hasLoader) {
    it("the data endpoint (?_data=) refuses exactly what the page refuses", async () => {
      const problems: string[] = [];
      for (const probe of entry.get) {
        problems.push(...(await runProbe(route, entry, probe, "GET", { data: true })));
      }
      expect(problems).toEqual([]);
    });
  }

  if (entry.post) {
    it("POST answers each person as the table says", async () => {
      const problems: string[] = [];
      for (const probe of entry.post!)
        problems.push(...(await runProbe(route, entry, probe, "POST")));
      expect(problems).toEqual([]);
    });
  } else {
    it("POST is refused with 405, since the route has no action", async () => {
      const problems: string[] = [];
      for (const who of ["anonymous", "member", "admin"] as const) {
        const path = entry.get[0]!.path(world);
        const answer = await send(server.url, {
          method: "POST",
          path,
          headers: {
            Origin: server.url,
            "Content-Type": "application/x-www-form-urlencoded",
            ...(cookieOf(who) ? { Cookie: cookieOf(who)! } : {}),
          },
          body: "x=1",
        });
        if (!isAnswer(answer) || answer.status !== 405)
          problems.push(
            `POST ${path} as ${who}: ${isAnswer(answer) ? answer.status : answer.error}`,
          );
      }
      expect(problems).toEqual([]);
    });
  }
});

describe("in production mode", () => {
  let production: RunningServer;
  let copy: TestDatabase | undefined;

  beforeAll(async () => {
    // A copy of the seeded database, so ids and sessions are real there too.
    copy = await copyTestDatabase(server.databaseUrl, "e2eproduction");
    production = await startServer({
      databaseUrl: copy.url,
      env: {
        TSUNAGU_MODE: "production",
        RESEND_API_KEY: "re_test_not_a_real_key",
        // Nothing listens here; no email is due anyway.
        RESEND_BASE_URL: "http://127.0.0.1:9",
        TSUNAGU_SENDER: "off",
      },
    });
  }, 120_000);

  afterAll(async () => {
    await production?.stop();
    await copy?.remove();
  });

  const modal = routes.filter((r) => table[r.file]?.production !== undefined);

  it.each(modal)("$file answers everyone as the table says", async (route) => {
    const entry = table[route.file]!;
    const problems: string[] = [];
    for (const probe of entry.get) {
      for (const who of principals) {
        const requested = probe.path(world);
        const cookie = cookieOf(who);
        const answer = await send(production.url, {
          method: "GET",
          path: requested,
          headers: cookie ? { Cookie: cookie } : {},
        });
        if (!isAnswer(answer)) {
          problems.push(`GET ${requested} as ${who}: ${answer.error}`);
          continue;
        }
        const expected = entry.production!;
        const ok = expected === "notFound" ? answer.status === 404 : answer.status < 300;
        if (!ok)
          problems.push(
            `GET ${requested} as ${who}: expected ${describeOutcome(expected)}, got ${answer.status}`,
          );
        if (leaks({ get: [] }, who, answer.body).length)
          problems.push(`GET ${requested} as ${who}: shows private text`);
      }
    }
    expect(problems).toEqual([]);
  });
});
