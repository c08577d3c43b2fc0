import { type Db, writeTransaction } from "~/db.server";
import type { HelpRequest, Prisma } from "~/generated/prisma/client";
import { enqueueMessages } from "~/notifications/outbox.server";
import { notKeptAwayFrom, notProtectedFrom } from "~/safety/keep-apart.server";
import {
  compareForQueue,
  decodeList,
  encodeList,
  helpUrgencies,
  openStatuses,
  organizerMaySee,
  RETENTION_MS,
  takeWindowMs,
  type HelpContact,
  type HelpOutcome,
  type HelpUrgency,
  type HelpViewer,
} from "./help-rules";
import type { HelpTopic } from "./topics";

type Tx = Prisma.TransactionClient;

/**
 * `notFound` when the request does not exist or is not the person's to see: routes answer that
 * with a 404 whatever was asked, so nobody learns whether such a request exists.
 */
export type HelpOutcomeResult = { ok: true } | { ok: false; error: string; notFound?: true };
const refused = (error: string): HelpOutcomeResult => ({ ok: false, error });
const unseen: HelpOutcomeResult = { ok: false, error: "errors.invalidChoice", notFound: true };

export type NewHelpRequest = {
  topic: HelpTopic;
  urgency: HelpUrgency;
  languages: string[];
  wantsWoman: boolean;
  contact: HelpContact;
  handle: string;
  message: string;
  locale: string;
};

export async function createHelpRequest(
  db: Db,
  memberId: string,
  input: NewHelpRequest,
  now = new Date(),
): Promise<string> {
  return writeTransaction(db, async (tx) => {
    const request = await tx.helpRequest.create({
      data: {
        memberId,
        topic: input.topic,
        urgency: input.urgency,
        languages: encodeList(input.languages),
        wantsWoman: input.wantsWoman,
        contact: input.contact,
        handle: input.contact === "handle" ? input.handle : "",
        locale: input.locale,
        createdAt: now,
      },
    });
    if (input.message) {
      await tx.helpMessage.create({
        data: {
          requestId: request.id,
          authorId: memberId,
          fromTeam: false,
          body: input.message,
          createdAt: now,
        },
      });
    }
    return request.id;
  });
}

export async function helpViewer(db: Db, userId: string): Promise<HelpViewer> {
  const user = await db.user.findUniqueOrThrow({
    where: { id: userId },
    select: { id: true, role: true, answersWomenRequests: true },
  });
  return user;
}

export async function setAnswersWomenRequests(db: Db, userId: string, value: boolean) {
  await db.user.update({ where: { id: userId }, data: { answersWomenRequests: value } });
}

const requestSummary = {
  id: true,
  topic: true,
  urgency: true,
  status: true,
  createdAt: true,
  closedAt: true,
} as const;

/** The member's own requests, newest first, for /help. */
export async function myHelpRequests(db: Db, memberId: string) {
  return db.helpRequest.findMany({
    where: { memberId },
    select: requestSummary,
    orderBy: { createdAt: "desc" },
  });
}

type ThreadMessage = {
  id: string;
  fromTeam: boolean;
  /** The organizer's display name when they chose to give it; otherwise the team signs */
  signedName: string | null;
  body: string;
  resourceIds: string[];
  createdAt: Date;
};

function threadOf(
  messages: {
    id: string;
    fromTeam: boolean;
    signedByName: boolean;
    body: string;
    resourceIds: string;
    createdAt: Date;
    author: { displayName: string } | null;
  }[],
): ThreadMessage[] {
  return messages.map((m) => ({
    id: m.id,
    fromTeam: m.fromTeam,
    signedName: m.fromTeam && m.signedByName && m.author ? m.author.displayName : null,
    body: m.body,
    resourceIds: decodeList(m.resourceIds),
    createdAt: m.createdAt,
  }));
}

const threadSelect = {
  orderBy: { createdAt: "asc" },
  select: {
    id: true,
    fromTeam: true,
    signedByName: true,
    body: true,
    resourceIds: true,
    createdAt: true,
    author: { select: { displayName: true } },
  },
} as const;

/** What both she and the organizers who may see it are shown of a request. */
function commonView(request: HelpRequest & { messages: Parameters<typeof threadOf>[0] }) {
  return {
    id: request.id,
    topic: request.topic,
    urgency: request.urgency,
    languages: decodeList(request.languages),
    wantsWoman: request.wantsWoman,
    contact: request.contact,
    handle: request.handle,
    status: request.status,
    createdAt: request.createdAt,
    closedAt: request.closedAt,
    textsErased: request.textsErasedAt !== null,
    messages: threadOf(request.messages),
  };
}

/** Her request as she may see it: the team's replies and that it was seen, never by whom. */
export async function memberRequestView(db: Db, memberId: string, requestId: string) {
  const request = await db.helpRequest.findFirst({
    where: { id: requestId, memberId },
    include: { messages: threadSelect },
  });
  if (!request) return null;
  return { ...commonView(request), seenByTeam: request.seenAt !== null };
}

export async function addMemberMessage(
  db: Db,
  memberId: string,
  requestId: string,
  body: string,
  now = new Date(),
): Promise<HelpOutcomeResult> {
  return writeTransaction(db, async (tx) => {
    const request = await tx.helpRequest.findFirst({
      where: { id: requestId, memberId },
      select: { status: true },
    });
    if (!request) return unseen;
    if (!openStatuses.includes(request.status as never)) return refused("help.errors.notOpen");
    await tx.helpMessage.create({
      data: { requestId, authorId: memberId, fromTeam: false, body, createdAt: now },
    });
    return { ok: true };
  });
}

/** She withdraws it (any time) or closes it once it has been answered. */
export async function endByMember(
  db: Db,
  memberId: string,
  requestId: string,
  how: "withdraw" | "close",
  now = new Date(),
): Promise<HelpOutcomeResult> {
  const mine = await db.helpRequest.count({ where: { id: requestId, memberId } });
  if (mine === 0) return unseen;
  const changed = await db.helpRequest.updateMany({
    where: { id: requestId, memberId, status: { in: [...openStatuses] } },
    data:
      how === "withdraw"
        ? { status: "withdrawn", closedAt: now }
        : { status: "closed", closedAt: now, outcome: "member_closed" satisfies HelpOutcome },
  });
  return changed.count === 1 ? { ok: true } : refused("help.errors.notOpen");
}

/**
 * Never to the person a keep-apart rule keeps away from her (docs/decisions/0013), even when
 * that person is an organizer or an admin: nothing she asks may reach them.
 */
function notKeptFrom(viewerId: string): Prisma.HelpRequestWhereInput {
  return {
    OR: [{ memberId: null }, { member: notProtectedFrom(viewerId) }],
  };
}

/** Requests an organizer may see, as Prisma conditions (so the queue never loads others). */
function visibleTo(viewer: HelpViewer): Prisma.HelpRequestWhereInput {
  if (viewer.role !== "admin" && viewer.role !== "organizer") return { id: "" };
  if (viewer.role === "organizer" && !viewer.answersWomenRequests) {
    return { AND: [{ wantsWoman: false }, notKeptFrom(viewer.id)] };
  }
  return notKeptFrom(viewer.id);
}

export type QueueFilter = { topic?: string; language?: string; closed?: boolean };

/** The organizers' queue: urgent kinds first, then by how soon, then the one waiting longest. */
export async function helpQueue(db: Db, viewer: HelpViewer, filter: QueueFilter = {}) {
  const rows = await db.helpRequest.findMany({
    where: {
      ...visibleTo(viewer),
      status: filter.closed ? { in: ["closed", "withdrawn"] } : { in: [...openStatuses] },
      ...(filter.topic ? { topic: filter.topic } : {}),
      ...(filter.language ? { languages: { contains: `,${filter.language},` } } : {}),
    },
    select: {
      ...requestSummary,
      languages: true,
      wantsWoman: true,
      takenBy: { select: { displayName: true } },
      _count: { select: { messages: true } },
    },
    take: 200,
    orderBy: { createdAt: filter.closed ? "desc" : "asc" },
  });
  const list = rows.map((r) => ({
    id: r.id,
    topic: r.topic,
    urgency: r.urgency,
    status: r.status,
    createdAt: r.createdAt,
    closedAt: r.closedAt,
    languages: decodeList(r.languages),
    wantsWoman: r.wantsWoman,
    takenBy: r.takenBy?.displayName ?? null,
    messages: r._count.messages,
  }));
  return filter.closed ? list : list.sort(compareForQueue);
}

/**
 * A request as an organizer sees it. Opening it is recorded (who, when) every time; the member
 * learns only that the team has seen it. Null when it does not exist or is not theirs to see.
 */
export async function openRequestAsOrganizer(
  db: Db,
  viewer: HelpViewer,
  requestId: string,
  now = new Date(),
) {
  const request = await db.helpRequest.findFirst({
    where: { id: requestId, ...notKeptFrom(viewer.id) },
    include: {
      messages: threadSelect,
      takenBy: { select: { id: true, displayName: true } },
      member: { select: { displayName: true, email: true } },
    },
  });
  if (!request || !organizerMaySee(viewer, request)) return null;
  // Admins review who opened it; organizers and the member never see that.
  const reads =
    viewer.role === "admin"
      ? await db.helpRead.findMany({
          where: { requestId },
          orderBy: { readAt: "asc" },
          select: { readAt: true, reader: { select: { displayName: true } } },
        })
      : null;
  await db.$transaction([
    db.helpRead.create({ data: { requestId, readerId: viewer.id, readAt: now } }),
    db.helpRequest.updateMany({ where: { id: requestId, seenAt: null }, data: { seenAt: now } }),
  ]);
  return {
    ...commonView(request),
    // Shown only when she chose email, and only to those who may see the request.
    email: request.contact === "email" ? (request.member?.email ?? null) : null,
    memberName: request.member?.displayName ?? null,
    locale: request.locale,
    outcome: request.outcome,
    takenBy: request.takenBy,
    escalatedAt: request.escalatedAt,
    escalatedAdminsAt: request.escalatedAdminsAt,
    reads: reads?.map((r) => ({ name: r.reader?.displayName ?? null, at: r.readAt })) ?? null,
  };
}

async function visibleOpenRequest(tx: Tx, viewer: HelpViewer, requestId: string) {
  const request = await tx.helpRequest.findFirst({
    where: { id: requestId, ...notKeptFrom(viewer.id) },
    select: {
      id: true,
      status: true,
      wantsWoman: true,
      memberId: true,
      contact: true,
      takenById: true,
    },
  });
  if (!request || !organizerMaySee(viewer, request)) return { refusal: unseen };
  if (!openStatuses.includes(request.status as never)) {
    return { refusal: refused("help.errors.notOpen") };
  }
  return { request };
}

/** Takes a request (or takes it over): the others then see who has it. */
export async function takeRequest(
  db: Db,
  viewer: HelpViewer,
  requestId: string,
  now = new Date(),
): Promise<HelpOutcomeResult> {
  return changeOpenRequest(db, viewer, requestId, (request) => ({
    takenById: viewer.id,
    takenAt: now,
    ...(request.status === "received" ? { status: "taken" } : {}),
  }));
}

/** One change to a request this organizer may see and that is still open; refused otherwise. */
function changeOpenRequest(
  db: Db,
  viewer: HelpViewer,
  requestId: string,
  change: (request: { status: string }) => Prisma.HelpRequestUncheckedUpdateInput,
): Promise<HelpOutcomeResult> {
  return writeTransaction(db, async (tx) => {
    const found = await visibleOpenRequest(tx, viewer, requestId);
    if (!found.request) return found.refusal;
    await tx.helpRequest.update({ where: { id: requestId }, data: change(found.request) });
    return { ok: true };
  });
}

export type TeamReply = { body: string; signWithName: boolean; resourceIds: string[] };

/**
 * A reply from the team. Whoever replies to an untaken request has taken it. She is emailed
 * (a neutral note, no content) only if she asked to be reached by email.
 */
export async function replyToRequest(
  db: Db,
  viewer: HelpViewer,
  requestId: string,
  reply: TeamReply,
  now = new Date(),
): Promise<HelpOutcomeResult> {
  return writeTransaction(db, async (tx) => {
    const found = await visibleOpenRequest(tx, viewer, requestId);
    if (!found.request) return found.refusal;
    const request = found.request;
    const known = await tx.resource.findMany({
      where: { id: { in: reply.resourceIds } },
      select: { id: true },
    });
    if (known.length !== new Set(reply.resourceIds).size) return refused("errors.invalidChoice");
    await tx.helpMessage.create({
      data: {
        requestId,
        authorId: viewer.id,
        fromTeam: true,
        signedByName: reply.signWithName,
        body: reply.body,
        resourceIds: encodeList(reply.resourceIds),
        createdAt: now,
      },
    });
    await tx.helpRequest.update({
      where: { id: requestId },
      data: {
        status: "answered",
        answeredAt: now,
        ...(request.takenById ? {} : { takenById: viewer.id, takenAt: now }),
      },
    });
    if (request.contact === "email" && request.memberId) {
      await enqueueMessages(tx, [
        { kind: "help_reply", userId: request.memberId, payload: { requestId } },
      ]);
    }
    return { ok: true };
  });
}

export async function closeRequest(
  db: Db,
  viewer: HelpViewer,
  requestId: string,
  outcome: Exclude<HelpOutcome, "member_closed">,
  now = new Date(),
): Promise<HelpOutcomeResult> {
  return changeOpenRequest(db, viewer, requestId, () => ({
    status: "closed",
    closedAt: now,
    outcome,
  }));
}

export function escalationKey(requestId: string, stage: "organizers" | "admins", userId: string) {
  return `help-waiting:${requestId}:${stage}:${userId}`;
}

async function recipientsFor(
  tx: Tx,
  stage: "organizers" | "admins",
  request: { wantsWoman: boolean; memberId: string | null },
) {
  // Nobody a keep-apart rule keeps away from her is invited to look.
  const notKeptAway: Prisma.UserWhereInput = request.memberId
    ? notKeptAwayFrom(request.memberId)
    : {};
  if (stage === "organizers") {
    const organizers = await tx.user.findMany({
      where: {
        role: "organizer",
        suspendedAt: null,
        ...notKeptAway,
        ...(request.wantsWoman ? { answersWomenRequests: true } : {}),
      },
      select: { id: true },
    });
    if (organizers.length > 0) return organizers.map((o) => o.id);
    // Nobody could answer it yet: the admins hear at once, rather than a window later.
  }
  // A suspended account cannot sign in to answer, so it is not told either.
  const admins = await tx.user.findMany({
    where: { role: "admin", suspendedAt: null, ...notKeptAway },
    select: { id: true },
  });
  return admins.map((a) => a.id);
}

/**
 * Nobody waits unseen: a request nobody has taken within its window is emailed (neutral, no
 * content) to the organizers who may see it, and a window later to the admins. Run by every
 * sender round in every process: the conditional update lets exactly one process win each
 * step, the email rows are written in the same transaction, and each has a unique key.
 */
export async function escalateWaitingRequests(db: Db, now = new Date()): Promise<number> {
  let escalated = 0;
  for (const stage of ["organizers", "admins"] as const) {
    for (const urgency of helpUrgencies) {
      const windows = stage === "organizers" ? 1 : 2;
      const before = new Date(now.getTime() - windows * takeWindowMs[urgency]);
      const due = await db.helpRequest.findMany({
        where: {
          status: "received",
          urgency,
          createdAt: { lte: before },
          ...(stage === "organizers" ? { escalatedAt: null } : { escalatedAdminsAt: null }),
        },
        select: { id: true, wantsWoman: true, memberId: true },
      });
      for (const request of due) {
        const won = await writeTransaction(db, async (tx) => {
          const claimed = await tx.helpRequest.updateMany({
            where: {
              id: request.id,
              status: "received",
              ...(stage === "organizers" ? { escalatedAt: null } : { escalatedAdminsAt: null }),
            },
            data: stage === "organizers" ? { escalatedAt: now } : { escalatedAdminsAt: now },
          });
          if (claimed.count === 0) return false;
          const recipients = await recipientsFor(tx, stage, request);
          await enqueueMessages(
            tx,
            recipients.map((userId) => ({
              kind: "help_waiting",
              userId,
              payload: { requestId: request.id },
              dedupeKey: escalationKey(request.id, stage, userId),
            })),
          );
          return true;
        });
        if (won) escalated += 1;
      }
    }
  }
  return escalated;
}

/**
 * Erases the texts (messages, the handle) of requests closed or withdrawn 90 days ago; the
 * topic, urgency, languages and timings stay for the group's numbers. Idempotent.
 */
export async function eraseOldHelpTexts(db: Db, now = new Date()): Promise<number> {
  const before = new Date(now.getTime() - RETENTION_MS);
  const due = await db.helpRequest.findMany({
    where: { closedAt: { lte: before }, textsErasedAt: null },
    select: { id: true },
  });
  for (const { id } of due) await eraseTexts(db, id, now);
  return due.length;
}

async function eraseTexts(db: Db | Tx, requestId: string, now: Date) {
  await db.helpMessage.updateMany({ where: { requestId }, data: { body: "", resourceIds: "," } });
  await db.helpRequest.update({
    where: { id: requestId },
    data: { handle: "", textsErasedAt: now },
  });
}

/**
 * At account deletion (inside its transaction): her texts go, and the requests stay as
 * anonymous numbers (the foreign key then detaches them).
 */
export async function forgetHelpRequestsOf(tx: Tx, memberId: string, now = new Date()) {
  const mine = await tx.helpRequest.findMany({ where: { memberId }, select: { id: true } });
  for (const { id } of mine) await eraseTexts(tx, id, now);
  await tx.helpRequest.updateMany({
    where: { memberId, status: { in: [...openStatuses] } },
    data: { status: "withdrawn", closedAt: now },
  });
}

/** Her requests and threads for "download my data", team replies signed as she sees them. */
export async function helpRequestsExport(db: Db, memberId: string) {
  const rows = await db.helpRequest.findMany({
    where: { memberId },
    include: { messages: threadSelect },
    orderBy: { createdAt: "asc" },
  });
  return rows.map((r) => ({
    topic: r.topic,
    howSoon: r.urgency,
    languages: decodeList(r.languages),
    wouldLikeAWoman: r.wantsWoman,
    reachMe: r.contact,
    handle: r.handle,
    status: r.status,
    seenByTheTeam: r.seenAt !== null,
    askedAt: r.createdAt.toISOString(),
    closedAt: r.closedAt?.toISOString() ?? null,
    textsErasedAt: r.textsErasedAt?.toISOString() ?? null,
    thread: threadOf(r.messages).map((m) => ({
      from: m.fromTeam ? (m.signedName ?? "the Tsunagu team") : "you",
      text: m.body,
      directoryEntries: m.resourceIds.length,
      at: m.createdAt.toISOString(),
    })),
  }));
}

/** Used by the help emails' relevance check: whether the request still waits or exists. */
export async function helpRequestState(db: Db, requestId: string) {
  return db.helpRequest.findUnique({ where: { id: requestId }, select: { status: true } });
}
