/**
 * Every kind of email Tsunagu sends. Each can be turned off on its own, from settings or with
 * the one-click link in the message itself; reminders are turned off by choosing "no reminder".
 */
export const messageKinds = [
  "rsvp_confirmed",
  "rsvp_waitlisted",
  "rsvp_promoted",
  "event_changed",
  "event_cancelled",
  "event_reminder",
  "password_reset",
  "mentoring_proposed",
  "mentoring_introduction",
  "mentoring_not_going_ahead",
  "mentoring_ended",
  "mentoring_checkin",
  "mentoring_rematch",
  "signup_confirm",
  "signup_existing",
  "organizer_notice",
  "quiet_hello",
  "waiting_reminder",
  "help_reply",
  "help_waiting",
] as const;
export type MessageKind = (typeof messageKinds)[number];

/** Messages only organizers get; settings show these choices to organizers only. */
export const organizerKinds: readonly MessageKind[] = [
  "mentoring_rematch",
  "organizer_notice",
  "help_waiting",
  "waiting_reminder",
];

/** Sent before anyone can log in, so settings never show a choice for them. */
export const beforeAccountKinds: readonly MessageKind[] = ["signup_confirm"];

/**
 * Messages whose payload holds a one-time link: never sent once it has expired, and erased
 * from the outbox as soon as it is delivered.
 */
export const linkKinds: readonly MessageKind[] = ["password_reset", "signup_confirm"];

export function isMessageKind(value: unknown): value is MessageKind {
  return typeof value === "string" && (messageKinds as readonly string[]).includes(value);
}

export const reminderLeads = ["off", "1d", "2h"] as const;
export type ReminderLead = (typeof reminderLeads)[number];

export const reminderLeadMs: Record<Exclude<ReminderLead, "off">, number> = {
  "1d": 24 * 60 * 60 * 1000,
  "2h": 2 * 60 * 60 * 1000,
};

export function isReminderLead(value: unknown): value is ReminderLead {
  return typeof value === "string" && (reminderLeads as readonly string[]).includes(value);
}

/** Opt-outs are stored as ",kind,kind," (like event languages) so one column holds them all. */
export function decodeOptOuts(stored: string): MessageKind[] {
  return stored.split(",").filter(isMessageKind);
}

export function encodeOptOuts(kinds: Iterable<MessageKind>): string {
  const chosen = new Set(kinds);
  const unique = messageKinds.filter((kind) => chosen.has(kind));
  return `,${unique.join(",")}${unique.length ? "," : ""}`;
}

export function wantsMessage(
  person: { mailOptOuts: string; reminderLead: string },
  kind: MessageKind,
): boolean {
  if (kind === "event_reminder" && person.reminderLead === "off") return false;
  return !decodeOptOuts(person.mailOptOuts).includes(kind);
}
