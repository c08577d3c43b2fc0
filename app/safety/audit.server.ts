import type { Prisma } from "~/generated/prisma/client";

/**
 * The actions admins review on /admin/audit. Role changes are kept in RoleChange (older, and
 * read with them); everything else safety-related goes through recordAudit, inside the
 * transaction that makes the change, so the record and the change stand or fall together.
 */
export const auditActions = [
  "keep_apart.requested",
  "keep_apart.recorded",
  "keep_apart.ended",
  "keep_apart.status",
  "report.received",
  "report.taken",
  "report.closed",
  "report.escalated",
  "account.suspended",
  "account.unsuspended",
] as const;
export type AuditAction = (typeof auditActions)[number];

export type AuditRecord = {
  action: AuditAction;
  /** null when the system acted (an escalation) */
  actorId: string | null;
  subjectId?: string | null;
  targetId?: string | null;
  /** A code or outcome, never a member's own words: the audit is read more widely than reports */
  detail?: string;
};

type AuditWriter = { auditEntry: Pick<Prisma.TransactionClient["auditEntry"], "create"> };

export async function recordAudit(tx: AuditWriter, record: AuditRecord): Promise<void> {
  await tx.auditEntry.create({
    data: {
      action: record.action,
      actorId: record.actorId,
      subjectId: record.subjectId ?? null,
      targetId: record.targetId ?? null,
      detail: record.detail ?? "",
    },
  });
}
