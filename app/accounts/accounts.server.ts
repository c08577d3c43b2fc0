import { generateIdFromEntropySize } from "lucia";
import { forgetHelpRequestsOf, helpRequestsExport } from "~/care/help-requests.server";
import { type Db, writeTransaction } from "~/db.server";
import type { Locale } from "~/i18n/config";
import { reportAsSent } from "~/safety/reports.server";
import { decoyPasswordHash, hashPassword, verifyPassword } from "./password.server";
import { createCounter } from "./throttle.server";

export type PublicUser = {
  id: string;
  email: string;
  displayName: string;
  role: string;
  locale: string | null;
};

const publicFields = {
  id: true,
  email: true,
  displayName: true,
  role: true,
  locale: true,
} as const;

export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

/**
 * An account whose address counts as confirmed, for the demo seed, scripts and tests. People
 * signing up go through requestSignup (signup.server.ts), which confirms the address first.
 */
export async function createAccount(
  db: Db,
  input: { email: string; password: string; displayName: string; locale: Locale | null },
): Promise<{ ok: true; user: PublicUser } | { ok: false; error: "errors.emailTaken" }> {
  const email = normalizeEmail(input.email);
  const passwordHash = await hashPassword(input.password);
  try {
    const user = await db.user.create({
      data: {
        id: generateIdFromEntropySize(10),
        email,
        displayName: input.displayName.trim(),
        passwordHash,
        locale: input.locale,
        emailVerifiedAt: new Date(),
      },
      select: publicFields,
    });
    return { ok: true, user };
  } catch (error) {
    if (isUniqueViolation(error)) return { ok: false, error: "errors.emailTaken" };
    throw error;
  }
}

/**
 * Returns the user only when the password is right; takes as long for unknown emails.
 * `confirmed` is false while the address from sign-up is waiting for its link.
 */
export async function authenticate(
  db: Db,
  email: string,
  password: string,
): Promise<(PublicUser & { confirmed: boolean }) | null> {
  const user = await db.user.findUnique({
    where: { email: normalizeEmail(email) },
    select: { ...publicFields, passwordHash: true, emailVerifiedAt: true },
  });
  if (!user) {
    await verifyPassword(await decoyPasswordHash(), password);
    return null;
  }
  if (!(await verifyPassword(user.passwordHash, password))) return null;
  const { passwordHash: _omit, emailVerifiedAt, ...publicUser } = user;
  return { ...publicUser, confirmed: emailVerifiedAt !== null };
}

/** Like log-in: a stolen session must not become a way to guess the password behind it. */
export const PASSWORD_CHECK_FAILURES = 8;
const PASSWORD_CHECK_WINDOW_SECONDS = 15 * 60;

export type SettingsOutcome =
  { ok: true } | { ok: false; field: string; error: string; retryAt?: Date };

/**
 * The current-password check before changing the email or password or deleting the account.
 * After too many wrong passwords it refuses, even the right one, until the window has passed.
 */
async function checkPassword(db: Db, userId: string, password: string): Promise<SettingsOutcome> {
  const failures = createCounter(db, "password-check", "account", {
    points: PASSWORD_CHECK_FAILURES,
    windowSeconds: PASSWORD_CHECK_WINDOW_SECONDS,
  });
  const throttled = await failures.check(userId);
  if (throttled.blocked) {
    return { ok: false, field: "", error: "errors.tooManyAttempts", retryAt: throttled.retryAt };
  }
  const user = await db.user.findUnique({ where: { id: userId }, select: { passwordHash: true } });
  if (user === null || !(await verifyPassword(user.passwordHash, password))) {
    await failures.hit(userId);
    return { ok: false, field: "currentPassword", error: "errors.wrongPassword" };
  }
  await failures.clear(userId);
  return { ok: true };
}

export async function updateProfile(
  db: Db,
  userId: string,
  input: { displayName: string; locale: Locale },
): Promise<void> {
  await db.user.update({
    where: { id: userId },
    data: { displayName: input.displayName.trim(), locale: input.locale },
  });
}

export async function changeEmail(
  db: Db,
  userId: string,
  input: { email: string; currentPassword: string },
): Promise<SettingsOutcome> {
  const checked = await checkPassword(db, userId, input.currentPassword);
  if (!checked.ok) return checked;
  try {
    await db.user.update({ where: { id: userId }, data: { email: normalizeEmail(input.email) } });
    return { ok: true };
  } catch (error) {
    if (isUniqueViolation(error)) return { ok: false, field: "email", error: "errors.emailTaken" };
    throw error;
  }
}

/** Changes the password and ends every other session, so a stolen session dies with it. */
export async function changePassword(
  db: Db,
  userId: string,
  input: { currentPassword: string; newPassword: string; keepSessionId: string },
): Promise<SettingsOutcome> {
  const checked = await checkPassword(db, userId, input.currentPassword);
  if (!checked.ok) return checked;
  const passwordHash = await hashPassword(input.newPassword);
  await db.$transaction([
    db.user.update({ where: { id: userId }, data: { passwordHash } }),
    db.session.deleteMany({ where: { userId, id: { not: input.keepSessionId } } }),
    db.passwordResetToken.deleteMany({ where: { userId } }),
  ]);
  return { ok: true };
}

/**
 * Sets a new password (after a reset) and ends every session. The reset link came by email,
 * so an address still waiting for its sign-up link counts as confirmed from now on.
 */
export async function replacePassword(db: Db, userId: string, newPassword: string): Promise<void> {
  const passwordHash = await hashPassword(newPassword);
  await db.$transaction([
    db.user.update({ where: { id: userId }, data: { passwordHash } }),
    db.user.updateMany({
      where: { id: userId, emailVerifiedAt: null },
      data: { emailVerifiedAt: new Date() },
    }),
    db.signupConfirmation.deleteMany({ where: { userId } }),
    db.session.deleteMany({ where: { userId } }),
    db.passwordResetToken.deleteMany({ where: { userId } }),
  ]);
}

/**
 * Everything stored about a person, as they would want to read it. Secrets that protect the
 * account (password hash, session and reset-token ids) are described, not disclosed.
 */
export async function exportUserData(db: Db, userId: string) {
  const user = await db.user.findUniqueOrThrow({
    where: { id: userId },
    include: {
      sessions: { select: { expiresAt: true } },
      passwordResetTokens: { select: { createdAt: true, expiresAt: true } },
      rsvps: {
        select: {
          status: true,
          children: true,
          guests: true,
          interpretation: true,
          noteToOrganizers: true,
          createdAt: true,
          event: { select: { title: true, startsAt: true } },
        },
        orderBy: { createdAt: "asc" },
      },
      outboxMessages: {
        select: { kind: true, status: true, createdAt: true, sentAt: true },
        orderBy: { createdAt: "asc" },
      },
      roleChanges: {
        select: { fromRole: true, toRole: true, createdAt: true },
        orderBy: { createdAt: "asc" },
      },
      quietHellos: { select: { sentAt: true }, orderBy: { sentAt: "asc" } },
      mentoringProfile: true,
      // Only what this person sent: never a report that names them (they must not learn of it).
      reports: { select: reportAsSent, orderBy: { createdAt: "asc" } },
      womenOnlyExceptions: {
        select: { createdAt: true, event: { select: { title: true, startsAt: true } } },
      },
      menteeMatches: { where: { status: { not: "draft" } } },
      mentorMatches: { where: { status: { not: "draft" } } },
      // The member's own requests only. Rules and requests that name this person are about
      // them but not theirs to read: exporting them would tell the other person (0013).
      keepApartRequests: {
        select: {
          details: true,
          status: true,
          createdAt: true,
          namedUser: { select: { displayName: true } },
        },
        orderBy: { createdAt: "asc" },
      },
    },
  });
  const profile = user.mentoringProfile;
  // Only this person's side of each match: never the other person's details.
  const matches = [
    ...user.menteeMatches.map((m) => ({ m, as: "mentee", fit: m.menteeFit })),
    ...user.mentorMatches.map((m) => ({ m, as: "mentor", fit: m.mentorFit })),
  ].map(({ m, as, fit }) => ({
    as,
    status: m.status,
    proposedAt: m.proposedAt?.toISOString() ?? null,
    activatedAt: m.activatedAt?.toISOString() ?? null,
    endedAt: m.endedAt?.toISOString() ?? null,
    myFitAnswer: fit,
  }));
  return {
    exportedAt: new Date().toISOString(),
    account: {
      id: user.id,
      email: user.email,
      displayName: user.displayName,
      language: user.locale,
      role: user.role,
      roleHistory: user.roleChanges.map((c) => ({
        from: c.fromRole,
        to: c.toRole,
        changedAt: c.createdAt.toISOString(),
      })),
      emailConfirmedAt: user.emailVerifiedAt?.toISOString() ?? null,
      createdAt: user.createdAt.toISOString(),
      updatedAt: user.updatedAt.toISOString(),
      password: "stored only as an argon2id hash, which is not included",
    },
    activeSessions: user.sessions.map((s) => ({ expiresAt: s.expiresAt.toISOString() })),
    pendingPasswordResets: user.passwordResetTokens.map((t) => ({
      requestedAt: t.createdAt.toISOString(),
      expiresAt: t.expiresAt.toISOString(),
    })),
    rsvps: user.rsvps.map((r) => ({
      event: r.event.title,
      eventStartsAt: r.event.startsAt.toISOString(),
      status: r.status,
      children: r.children,
      guests: r.guests,
      interpretation: r.interpretation,
      noteToOrganizers: r.noteToOrganizers,
      answeredAt: r.createdAt.toISOString(),
    })),
    emailChoices: {
      turnedOff: user.mailOptOuts.split(",").filter(Boolean),
      reminder: user.reminderLead,
    },
    calendar: { showFullTitles: user.calendarFullTitles },
    privacyRequests: user.keepApartRequests.map((r) => ({
      person: r.namedUser?.displayName ?? null,
      details: r.details,
      status: r.status,
      sentAt: r.createdAt.toISOString(),
    })),
    checkInWithoutName: user.hideOnCheckIn,
    // "We have not seen you for a while" hellos from the team (not which organizer sent them).
    quietHellos: user.quietHellos.map((h) => ({ sentAt: h.sentAt.toISOString() })),
    gatheringsForWomen: {
      describesSelfAsWoman: user.describesAsWoman,
      allowedToEvents: user.womenOnlyExceptions.map((x) => ({
        event: x.event.title,
        eventStartsAt: x.event.startsAt.toISOString(),
        allowedAt: x.createdAt.toISOString(),
      })),
    },
    reportsSent: user.reports.map((r) => ({
      about: r.about,
      personName: r.personName,
      message: r.body,
      state: r.state,
      outcome: r.outcome,
      sentAt: r.createdAt.toISOString(),
      closedAt: r.closedAt?.toISOString() ?? null,
    })),
    emails: user.outboxMessages.map((m) => ({
      kind: m.kind,
      status: m.status,
      createdAt: m.createdAt.toISOString(),
      sentAt: m.sentAt?.toISOString() ?? null,
    })),
    mentoring: profile
      ? {
          role: profile.role,
          languages: profile.languages,
          topics: profile.topics,
          availability: profile.availability,
          mode: profile.mode,
          area: profile.area,
          mentorGender: profile.role === "mentee" ? profile.mentorGender : undefined,
          gender: profile.role === "mentor" ? profile.gender : undefined,
          affiliation: profile.affiliation,
          capacity: profile.role === "mentor" ? profile.capacity : undefined,
          about: profile.about,
          shareEmail: profile.shareEmail,
          contactHandle: profile.contactHandle,
          approvedAt: profile.approvedAt?.toISOString() ?? null,
          matches,
        }
      : null,
    helpRequests: await helpRequestsExport(db, userId),
    ...(user.role !== "member"
      ? { answersRequestsAskingForAWoman: user.answersWomenRequests }
      : {}),
  };
}

/** Erases the person: the user row, and through cascades their sessions and reset tokens. */
export async function deleteAccount(
  db: Db,
  userId: string,
  currentPassword: string,
): Promise<SettingsOutcome> {
  const checked = await checkPassword(db, userId, currentPassword);
  if (!checked.ok) return checked;
  // As with roles (roles.server.ts): a group must never be left without an admin.
  const refused = await writeTransaction(db, async (tx) => {
    const me = await tx.user.findUnique({ where: { id: userId }, select: { role: true } });
    if (me?.role === "admin") {
      const otherAdmins = await tx.user.count({ where: { role: "admin", id: { not: userId } } });
      if (otherAdmins === 0) return true;
    }
    // Her help requests lose their texts and stay as anonymous numbers (docs/decisions/0011).
    await forgetHelpRequestsOf(tx, userId);
    await tx.user.delete({ where: { id: userId } });
    return false;
  });
  if (refused) return { ok: false, field: "confirm", error: "errors.lastAdminDelete" };
  return { ok: true };
}

function isUniqueViolation(error: unknown): boolean {
  return typeof error === "object" && error !== null && "code" in error && error.code === "P2002";
}
