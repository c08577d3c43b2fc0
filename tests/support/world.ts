import { createDb } from "~/db.server";
import type { Role } from "~/accounts/roles";
import { daysAhead } from "./fixtures";
import { form, formHeaders, isAnswer, loaderData, logIn, send, sessionCookieIn } from "./http";

/**
 * A small community on a running server, built the way people build it: sign-up, log-in,
 * an organizer's event and weekly series, an RSVP, mentoring profiles, approval, matching,
 * both sides accepting, the emails that follow. Only roles are set in the database, as
 * `npm run user:admin` would. Everything the suites need (ids, secret tokens, private
 * text to look for in other people's pages) comes back in one object.
 */
export const signedInPrincipals = ["member", "mentee", "mentor", "organizer", "admin"] as const;
export type SignedIn = (typeof signedInPrincipals)[number];
export type Principal = "anonymous" | SignedIn;
export const principals: readonly Principal[] = ["anonymous", ...signedInPrincipals];

export type Person = {
  email: string;
  password: string;
  displayName: string;
  id: string;
  /** A session made by logging in through /login. */
  cookie: string;
};

export type World = {
  people: Record<SignedIn | "pendingMentor" | "resetter", Person>;
  eventId: string;
  seriesEventId: string;
  seriesId: string;
  rsvpId: string;
  matchId: string;
  /** A directory entry, made by the organizer through /organize/resources/new. */
  resourceId: string;
  /** The member's personal calendar secret (without .ics). */
  calendarToken: string;
  /** The member's unsubscribe secret. */
  mailToken: string;
  devMailId: string;
  resetToken: string;
  /** The member's help request (food, this week), and hers asking for a woman to answer. */
  helpRequestId: string;
  womanRequestId: string;
  /** Text only some people may ever see. */
  secrets: {
    hiddenAddress: string;
    menteeAbout: string;
    menteeHandle: string;
    /** What the mentee wrote when she asked to be kept away from her mentor */
    keepApartNote: string;
    /** The words of a report the member sent about the mentee (issue #12). */
    reportText: string;
    helpMessage: string;
    helpHandle: string;
    womanMessage: string;
  };
  /** The keep-apart rule protecting the mentee from the mentor (recorded by the organizer). */
  keepApartRuleId: string;
};

const password = "a long passphrase for tests";

export async function post(url: string, path: string, fields: [string, string][], cookie?: string) {
  const answer = await send(url, {
    method: "POST",
    path,
    headers: formHeaders(url, cookie),
    body: form(fields),
  });
  if (!isAnswer(answer) || answer.status >= 400) {
    throw new Error(`Seeding: POST ${path} failed: ${JSON.stringify(answer).slice(0, 800)}`);
  }
  return answer;
}

export async function setRoles(databaseUrl: string, roles: Record<string, Role>) {
  const db = createDb(databaseUrl);
  try {
    for (const [email, role] of Object.entries(roles)) {
      await db.user.update({ where: { email }, data: { role } });
    }
  } finally {
    await db.$disconnect();
  }
}

export async function waitFor<T>(what: string, probe: () => Promise<T | undefined>, ms = 30_000) {
  const deadline = Date.now() + ms;
  for (;;) {
    const found = await probe();
    if (found !== undefined) return found;
    if (Date.now() > deadline) throw new Error(`Seeding: gave up waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

type DevMail = {
  id: string;
  to: string;
  subject: string;
  text: string;
  attachments: { url: string }[];
  unsubscribe: string | null;
};

export async function mailTo(url: string, email: string, match: (mail: DevMail) => boolean) {
  return waitFor(`an email to ${email}`, async () => {
    const { mails } = await loaderData<{ mails: DevMail[] }>(
      url,
      "/dev/mailbox",
      "routes/dev.mailbox",
    );
    return mails.find((m) => m.to === email && match(m));
  });
}

export async function seedWorld(server: { url: string; databaseUrl: string }): Promise<World> {
  const { url } = server;
  const tag = crypto.randomUUID().slice(0, 8);
  const names = ["member", "mentee", "mentor", "organizer", "admin", "pendingMentor", "resetter"];
  const people = {} as World["people"];
  for (const name of names) {
    const person = {
      email: `${name.toLowerCase()}-${tag}@example.com`,
      password,
      displayName: `${name} ${tag}`,
    };
    const signedUp = await post(url, "/signup", [
      ["displayName", person.displayName],
      ["email", person.email],
      ["password", password],
    ]);
    if (signedUp.status !== 200) throw new Error(`Seeding: sign-up answered ${signedUp.status}`);
    // Sign-up is finished by the emailed link: open it and press its button, as a person does.
    const link = await mailTo(url, person.email, (m) => m.text.includes("/signup/confirm?token="));
    const token = link.text.match(/\/signup\/confirm\?token=([\w-]+)/)![1]!;
    const confirmed = await post(url, "/signup/confirm", [["token", token]]);
    if (!sessionCookieIn(confirmed.headers)) throw new Error("Seeding: confirming set no session");
    people[name as keyof World["people"]] = {
      ...person,
      id: "",
      cookie: await logIn(url, person.email, password),
    };
  }
  await setRoles(server.databaseUrl, {
    [people.organizer.email]: "organizer",
    [people.admin.email]: "admin",
  });
  for (const person of Object.values(people)) {
    const data = await loaderData<{ account: { id?: string } }>(
      url,
      "/settings/data",
      "routes/settings.data",
      person.cookie,
    );
    person.id = data.account.id ?? "";
  }

  const secrets = {
    hiddenAddress: `7-1 Kioicho hidden-${tag}`,
    menteeAbout: `about-me-secret-${tag}`,
    menteeHandle: `handle-secret-${tag}`,
    keepApartNote: `keep-apart-secret-${tag}`,
    reportText: `report-secret-${tag}`,
    helpMessage: `help-message-secret-${tag}`,
    helpHandle: `help-contact-${tag}`,
    womanMessage: `woman-message-secret-${tag}`,
  };
  const organizer = people.organizer.cookie;
  const eventFields = (title: string, extra: [string, string][]): [string, string][] => [
    ["kind", "cafe"],
    ["title", title],
    ["description", "Tea and conversation."],
    ["locale", "en"],
    ["languages", "ja"],
    ["languages", "fa"],
    ["date", daysAhead(14)],
    ["startTime", "14:00"],
    ["endTime", "16:00"],
    ["timeZone", "Asia/Tokyo"],
    ["venueName", "Sophia University"],
    ["venueAddress", secrets.hiddenAddress],
    ["hideAddress", "on"],
    ["capacity", "10"],
    ...extra,
  ];
  const idFrom = (location: string | null) => {
    const id = location?.match(/^\/organize\/events\/([^/]+)\/edit/)?.[1];
    if (!id) throw new Error(`Seeding: no event id in ${location}`);
    return id;
  };
  const eventId = idFrom(
    (
      await post(
        url,
        "/organize/events/new",
        eventFields("Seed café", [["repeat", "none"]]),
        organizer,
      )
    ).location,
  );
  const seriesEventId = idFrom(
    (
      await post(
        url,
        "/organize/events/new",
        eventFields("Seed yoga", [
          ["repeat", "weekly"],
          ["untilDate", daysAhead(60)],
        ]),
        organizer,
      )
    ).location,
  );
  const edit = await loaderData<{ event: { seriesId: string | null } }>(
    url,
    `/organize/events/${seriesEventId}/edit`,
    "routes/organize.events.$id.edit",
    organizer,
  );
  if (!edit.event.seriesId) throw new Error("Seeding: the weekly event has no series");

  await post(
    url,
    `/events/${eventId}`,
    [
      ["intent", "going"],
      ["children", "0"],
      ["guests", "0"],
    ],
    people.member.cookie,
  );
  const checkIn = await loaderData<{ people: { rsvpId?: string; id?: string }[] }>(
    url,
    `/organize/events/${eventId}/check-in`,
    "routes/organize.events.$id.check-in",
    organizer,
  );
  const rsvpId = checkIn.people[0]?.rsvpId ?? checkIn.people[0]?.id;
  if (!rsvpId) throw new Error(`Seeding: no RSVP on the check-in page: ${JSON.stringify(checkIn)}`);

  // A report of concern naming the mentee: only the member, organizers and admins may read it.
  await post(
    url,
    `/report?about=event:${eventId}`,
    [
      ["intent", "report"],
      ["about", "person"],
      ["context", `event:${eventId}`],
      ["personName", people.mentee.displayName],
      ["body", secrets.reportText],
    ],
    people.member.cookie,
  );

  const settings = await loaderData<{ calendarUrl: string }>(
    url,
    "/settings",
    "routes/settings",
    people.member.cookie,
  );
  const calendarToken = settings.calendarUrl.match(/\/calendar\/([^/]+)\.ics$/)?.[1];
  if (!calendarToken) throw new Error(`Seeding: no calendar token in ${settings.calendarUrl}`);

  const profile = (role: "mentee" | "mentor", extra: [string, string][]): [string, string][] => [
    ["intent", role],
    ["languages[0].code", "fa"],
    ["languages[0].level", "fluent"],
    ["languages[1].code", "ja"],
    ["languages[1].level", "conversational"],
    ["topics", "japanese_practice"],
    ["topics", "job_search"],
    ["availability", "sat-afternoon"],
    ["mode", "either"],
    ...extra,
  ];
  await post(
    url,
    "/mentoring/profile",
    profile("mentee", [
      ["about", secrets.menteeAbout],
      ["contactHandle", secrets.menteeHandle],
    ]),
    people.mentee.cookie,
  );
  for (const mentor of [people.mentor, people.pendingMentor]) {
    await post(
      url,
      "/mentoring/profile",
      profile("mentor", [
        ["affiliation", "Sophia University"],
        ["capacity", "2"],
      ]),
      mentor.cookie,
    );
  }
  await post(
    url,
    "/organize/mentoring",
    [
      ["intent", "approve"],
      ["userId", people.mentor.id],
    ],
    organizer,
  );
  await post(url, "/organize/mentoring/draft", [["intent", "run"]], organizer);
  await post(url, "/organize/mentoring/draft", [["intent", "publish"]], organizer);
  const mine = await loaderData<{ matches: { id: string }[] }>(
    url,
    "/mentoring",
    "routes/mentoring._index",
    people.mentee.cookie,
  );
  const matchId = mine.matches[0]?.id;
  if (!matchId) throw new Error(`Seeding: matching proposed nothing: ${JSON.stringify(mine)}`);
  for (const side of [people.mentee, people.mentor]) {
    await post(
      url,
      "/mentoring",
      [
        ["intent", "accept"],
        ["matchId", matchId],
      ],
      side.cookie,
    );
  }

  // The mentee asks, privately, to be kept away from her mentor, and an organizer records the
  // rule; the match stays (organizers decide), and the mentor must never learn any of it.
  await post(
    url,
    "/settings/privacy",
    [
      ["intent", "request"],
      ["namedUserId", people.mentor.id],
      ["details", secrets.keepApartNote],
    ],
    people.mentee.cookie,
  );
  await post(
    url,
    "/organize/safety",
    [
      ["intent", "record"],
      ["protectedId", people.mentee.id],
      ["otherId", people.mentor.id],
    ],
    organizer,
  );
  const safety = await loaderData<{ rules: { id: string }[] }>(
    url,
    "/organize/safety",
    "routes/organize.safety",
    organizer,
  );
  const keepApartRuleId = safety.rules[0]?.id;
  if (!keepApartRuleId) throw new Error("Seeding: no keep-apart rule recorded");
  const resource = await post(
    url,
    "/organize/resources/new",
    [
      ["name", `Seed clinic ${tag}`],
      ["description", "A free clinic."],
      ["locale", "en"],
      ["topics", "health"],
      ["languages", "fa"],
      ["audience", "anyone"],
      ["free", "on"],
      ["status", "open"],
      ["hours[0].weekday", "1"],
      ["hours[0].opens", "09:00"],
      ["hours[0].closes", "17:00"],
    ],
    organizer,
  );
  const resourceId = resource.location?.match(/^\/organize\/resources\/([^/?]+)/)?.[1];
  if (!resourceId) throw new Error(`Seeding: no resource id in ${resource.location}`);

  const confirmation = await mailTo(
    url,
    people.member.email,
    (m) => m.attachments.length > 0 && m.unsubscribe !== null,
  );
  const mailToken = confirmation.unsubscribe!.match(/\/unsubscribe\/([^/]+)\//)?.[1];
  if (!mailToken) throw new Error(`Seeding: no unsubscribe token in ${confirmation.unsubscribe}`);
  await post(url, "/forgot-password", [["email", people.resetter.email]]);
  const reset = await mailTo(url, people.resetter.email, (m) =>
    /reset-password\?token=/.test(m.text),
  );
  const resetToken = reset.text.match(/reset-password\?token=([\w-]+)/)?.[1];
  if (!resetToken) throw new Error("Seeding: no reset token in the email");

  // Two quiet requests by the member, through the form: one any organizer may read, one
  // asking for a woman (the seeded organizer has not said they answer those; the admin sees all).
  const helpIdFrom = (location: string | null) => {
    const id = location?.match(/^\/help\/([^?]+)\?sent=1$/)?.[1];
    if (!id) throw new Error(`Seeding: no help request id in ${location}`);
    return id;
  };
  const helpRequestId = helpIdFrom(
    (
      await post(
        url,
        "/help",
        [
          ["topic", "food"],
          ["urgency", "week"],
          ["languages", "fa"],
          ["contact", "handle"],
          ["handle", secrets.helpHandle],
          ["message", secrets.helpMessage],
        ],
        people.member.cookie,
      )
    ).location,
  );
  const womanRequestId = helpIdFrom(
    (
      await post(
        url,
        "/help",
        [
          ["topic", "health"],
          ["urgency", "whenever"],
          ["languages", "fa"],
          ["wantsWoman", "on"],
          ["contact", "here"],
          ["message", secrets.womanMessage],
        ],
        people.member.cookie,
      )
    ).location,
  );

  return {
    people,
    helpRequestId,
    womanRequestId,
    eventId,
    seriesEventId,
    seriesId: edit.event.seriesId,
    rsvpId,
    matchId,
    resourceId,
    calendarToken,
    mailToken: decodeURIComponent(mailToken),
    devMailId: confirmation.id,
    resetToken,
    secrets,
    keepApartRuleId,
  };
}
