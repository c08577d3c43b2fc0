import { type Db, writeTransaction } from "~/db.server";
import type { Prisma } from "~/generated/prisma/client";

import { enqueueMessages } from "~/notifications/outbox.server";
import { recordAudit } from "./audit.server";
import { notKeptAwayFrom, notProtectedFrom } from "./keep-apart.server";
import {
  ESCALATE_AFTER_MS,
  formatContext,
  isDueForEscalation,
  parseContext,
  type ReportAbout,
  type ReportOutcome,
} from "./report-codes";

/**
 * Reports of concern (issue #12): a member's own words, for organizers and admins only. The
 * person a report names is never told and never sees it (not in their pages, emails or data
 * export); the audit log records codes, never the words.
 */

export async function createReport(
  db: Db,
  reporterId: string,
  input: { about: ReportAbout; context?: string; personName: string; body: string },
  now = new Date(),
): Promise<{ id: string }> {
  const context = parseContext(input.context);
  return writeTransaction(db, async (tx) => {
    const report = await tx.report.create({
      data: {
        reporterId,
        about: input.about,
        contextKind: context?.kind ?? null,
        contextId: context?.id ?? null,
        personName: input.personName,
        body: input.body,
        createdAt: now,
      },
      select: { id: true },
    });
    await recordAudit(tx, {
      action: "report.received",
      actorId: reporterId,
      targetId: report.id,
      detail: input.about,
    });
    return report;
  });
}

/**
 * What the member who sent a report sees of it, on /report and in her data export: where it
 * stands, never who took it (that is for organizers only).
 */
export const reportAsSent = {
  id: true,
  about: true,
  personName: true,
  body: true,
  state: true,
  outcome: true,
  createdAt: true,
  closedAt: true,
} satisfies Prisma.ReportSelect;

/** The member's own reports, newest first. */
export async function myReports(db: Db, reporterId: string) {
  return db.report.findMany({
    where: { reporterId },
    orderBy: { createdAt: "desc" },
    select: reportAsSent,
  });
}

/**
 * Never shown to the person a keep-apart rule keeps away from the member who wrote it, even an
 * organizer or admin (docs/decisions/0013): what she tells us must not reach them.
 */
function notKeptFrom(viewerId: string): Prisma.ReportWhereInput {
  return { reporter: notProtectedFrom(viewerId) };
}

/** Open reports, oldest first (the longest waiting on top), then the last closed ones. */
export async function reportQueue(db: Db, viewerId: string, now = new Date()) {
  const select = {
    id: true,
    about: true,
    contextKind: true,
    contextId: true,
    personName: true,
    body: true,
    state: true,
    outcome: true,
    takenAt: true,
    closedAt: true,
    escalatedAt: true,
    createdAt: true,
    reporter: { select: { displayName: true } },
    takenBy: { select: { displayName: true } },
  } satisfies Prisma.ReportSelect;
  const [open, closed] = await Promise.all([
    db.report.findMany({
      where: { state: { in: ["received", "taken"] }, ...notKeptFrom(viewerId) },
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      select,
    }),
    db.report.findMany({
      where: { state: "closed", ...notKeptFrom(viewerId) },
      orderBy: { closedAt: "desc" },
      take: 20,
      select,
    }),
  ]);
  const shape = (r: (typeof open)[number]) => ({
    ...r,
    context: formatContext(
      r.contextKind ? { kind: r.contextKind as never, id: r.contextId } : null,
    ),
    overdue: r.state === "received" && now.getTime() - r.createdAt.getTime() >= ESCALATE_AFTER_MS,
  });
  return { open: open.map(shape), closed: closed.map(shape) };
}

/** For the organizers' dashboard: reports nobody has taken yet. */
export async function reportsWaiting(db: Db, viewerId: string): Promise<number> {
  return db.report.count({ where: { state: "received", ...notKeptFrom(viewerId) } });
}

/** "I'll look at this": only a report nobody has taken; a second click changes nothing. */
export async function takeReport(
  db: Db,
  reportId: string,
  organizerId: string,
  now = new Date(),
): Promise<"taken" | "already" | "notFound"> {
  return writeTransaction(db, async (tx) => {
    const { count } = await tx.report.updateMany({
      where: { id: reportId, state: "received", ...notKeptFrom(organizerId) },
      data: { state: "taken", takenById: organizerId, takenAt: now },
    });
    if (count === 0) {
      const exists = await tx.report.count({
        where: { id: reportId, ...notKeptFrom(organizerId) },
      });
      return exists ? "already" : "notFound";
    }
    await recordAudit(tx, { action: "report.taken", actorId: organizerId, targetId: reportId });
    return "taken";
  });
}

/** Closes a report with an outcome code; one nobody took counts as taken by whoever closes it. */
export async function closeReport(
  db: Db,
  reportId: string,
  organizerId: string,
  outcome: ReportOutcome,
  now = new Date(),
): Promise<"closed" | "already" | "notFound"> {
  return writeTransaction(db, async (tx) => {
    const report = await tx.report.findFirst({
      where: { id: reportId, ...notKeptFrom(organizerId) },
      select: { state: true, takenById: true },
    });
    if (!report) return "notFound";
    const { count } = await tx.report.updateMany({
      where: { id: reportId, state: { in: ["received", "taken"] } },
      data: {
        state: "closed",
        outcome,
        closedAt: now,
        ...(report.takenById ? {} : { takenById: organizerId, takenAt: now }),
      },
    });
    if (count === 0) return "already";
    await recordAudit(tx, {
      action: "report.closed",
      actorId: organizerId,
      targetId: reportId,
      detail: outcome,
    });
    return "closed";
  });
}

export function escalationKey(reportId: string, userId: string): string {
  return `report-escalated:${reportId}:${userId}`;
}

/**
 * Emails every organizer and admin about each report left untouched for two days, once. Run
 * by every sender round, in every process: the conditional update on escalatedAt lets exactly
 * one process claim a report, and each email's unique key keeps it single even so. The email
 * itself says only that something is waiting (app/notifications/report-templates.server.ts).
 */
export async function escalateReports(db: Db, now = new Date()): Promise<number> {
  const due = await db.report.findMany({
    where: {
      state: "received",
      escalatedAt: null,
      createdAt: { lte: new Date(now.getTime() - ESCALATE_AFTER_MS) },
    },
    select: { id: true, state: true, createdAt: true, escalatedAt: true, reporterId: true },
  });
  let escalated = 0;
  for (const { id, reporterId } of due.filter((report) => isDueForEscalation(report, now))) {
    const claimed = await writeTransaction(db, async (tx) => {
      const { count } = await tx.report.updateMany({
        where: { id, state: "received", escalatedAt: null },
        data: { escalatedAt: now },
      });
      if (count === 0) return false;
      const staff = await tx.user.findMany({
        where: {
          role: { in: ["organizer", "admin"] },
          suspendedAt: null,
          ...notKeptAwayFrom(reporterId),
        },
        select: { id: true },
      });
      await enqueueMessages(
        tx,
        staff.map((person) => ({
          kind: "waiting_reminder",
          userId: person.id,
          payload: { reportId: id },
          dedupeKey: escalationKey(id, person.id),
        })),
      );
      await recordAudit(tx, { action: "report.escalated", actorId: null, targetId: id });
      return true;
    });
    if (claimed) escalated += 1;
  }
  return escalated;
}
