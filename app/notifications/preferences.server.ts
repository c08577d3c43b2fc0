import { randomBytes } from "node:crypto";
import { hasRole } from "~/accounts/roles";
import type { Db } from "~/db.server";
import {
  decodeOptOuts,
  encodeOptOuts,
  isReminderLead,
  type MessageKind,
  type ReminderLead,
} from "./kinds";
import { switchableKinds } from "./schemas";

/** The secret in a person's unsubscribe links; made on first use and kept, so old emails keep working. */
export async function mailTokenFor(db: Db, userId: string): Promise<string> {
  const user = await db.user.findUniqueOrThrow({
    where: { id: userId },
    select: { mailToken: true },
  });
  if (user.mailToken) return user.mailToken;
  const token = randomBytes(24).toString("base64url");
  // Two senders may race to make the token; the first one written wins and both use it.
  await db.user.updateMany({ where: { id: userId, mailToken: null }, data: { mailToken: token } });
  const saved = await db.user.findUniqueOrThrow({
    where: { id: userId },
    select: { mailToken: true },
  });
  return saved.mailToken!;
}

export function unsubscribeUrl(appUrl: string, token: string, kind: MessageKind): string {
  return new URL(`/unsubscribe/${encodeURIComponent(token)}/${kind}`, appUrl).toString();
}

export type MailPreferences = { optedOut: MessageKind[]; reminderLead: ReminderLead };

function preferencesOf(user: { mailOptOuts: string; reminderLead: string }): MailPreferences {
  return {
    optedOut: decodeOptOuts(user.mailOptOuts),
    reminderLead: isReminderLead(user.reminderLead) ? user.reminderLead : "1d",
  };
}

export async function mailPreferences(db: Db, userId: string): Promise<MailPreferences> {
  const user = await db.user.findUniqueOrThrow({
    where: { id: userId },
    select: { mailOptOuts: true, reminderLead: true },
  });
  return preferencesOf(user);
}

export async function saveMailPreferences(
  db: Db,
  userId: string,
  preferences: MailPreferences,
): Promise<void> {
  await db.user.update({
    where: { id: userId },
    data: {
      mailOptOuts: encodeOptOuts(preferences.optedOut),
      reminderLead: preferences.reminderLead,
    },
  });
}

/**
 * The settings form's email boxes: a box left unticked is an opt-out. Boxes this person is not
 * shown (organizers' kinds, for a member) keep their earlier setting.
 */
export async function saveEmailChoices(
  db: Db,
  user: { id: string; role: string },
  choices: { wanted: readonly MessageKind[]; reminderLead: ReminderLead },
): Promise<void> {
  const wanted = new Set(choices.wanted);
  const previous = await mailPreferences(db, user.id);
  const shown = switchableKinds(hasRole(user.role, "organizer"));
  await saveMailPreferences(db, user.id, {
    optedOut: [
      ...shown.filter((kind) => !wanted.has(kind)),
      ...previous.optedOut.filter((kind) => !shown.includes(kind)),
    ],
    reminderLead: choices.reminderLead,
  });
}

/** Who an unsubscribe link belongs to, without logging in; null for an unknown or replaced token. */
export async function findByMailToken(db: Db, token: string) {
  if (!token) return null;
  const user = await db.user.findUnique({
    where: { mailToken: token },
    select: { id: true, mailOptOuts: true, reminderLead: true },
  });
  return user ? { id: user.id, ...preferencesOf(user) } : null;
}

/**
 * Turns one kind of email off (or back on). Reminders are switched off through the reminder
 * choice, and come back at the default of one day before.
 */
export async function setSubscribed(
  db: Db,
  token: string,
  kind: MessageKind,
  subscribed: boolean,
): Promise<boolean> {
  const person = await findByMailToken(db, token);
  if (!person) return false;
  if (kind === "event_reminder") {
    await saveMailPreferences(db, person.id, {
      optedOut: person.optedOut.filter((k) => k !== kind),
      reminderLead: subscribed
        ? person.reminderLead === "off"
          ? "1d"
          : person.reminderLead
        : "off",
    });
    return true;
  }
  const optedOut = new Set(person.optedOut);
  if (subscribed) optedOut.delete(kind);
  else optedOut.add(kind);
  await saveMailPreferences(db, person.id, {
    optedOut: [...optedOut],
    reminderLead: person.reminderLead,
  });
  return true;
}
