import type { Db } from "~/db.server";

export const AUDIT_PAGE_SIZE = 30;

type Who =
  | { kind: "person"; name: string }
  | { kind: "system" }
  | { kind: "deleted" }
  | { kind: "commandLine" };

export type AuditLine = {
  id: string;
  at: Date;
  action: string;
  by: Who;
  /** The account it concerns, by name; null when none, or when it has been deleted */
  about: string | null;
  /** A reason code, a request state, or "from→to" for a role change; never a member's words */
  detail: string;
};

/**
 * /admin/audit: AuditEntry (keep-apart, reports, suspensions) and RoleChange read together,
 * newest first. Both are read up to the end of the page and merged; admins page through a
 * few hundred lines at most, so the merge costs little and needs no shared table.
 */
export async function auditPage(db: Db, page: number) {
  const upTo = page * AUDIT_PAGE_SIZE;
  const [entries, roles, entryCount, roleCount] = await Promise.all([
    db.auditEntry.findMany({
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      take: upTo,
      select: {
        id: true,
        action: true,
        actorId: true,
        detail: true,
        createdAt: true,
        actor: { select: { displayName: true } },
        subject: { select: { displayName: true } },
      },
    }),
    db.roleChange.findMany({
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      take: upTo,
      select: {
        id: true,
        fromRole: true,
        toRole: true,
        byCommandLine: true,
        createdAt: true,
        user: { select: { displayName: true } },
        changedBy: { select: { displayName: true } },
      },
    }),
    db.auditEntry.count(),
    db.roleChange.count(),
  ]);
  const lines: AuditLine[] = [
    ...entries.map((e) => ({
      id: e.id,
      at: e.createdAt,
      action: e.action,
      by: e.actor
        ? ({ kind: "person", name: e.actor.displayName } as const)
        : e.actorId === null && e.action === "report.escalated"
          ? ({ kind: "system" } as const)
          : ({ kind: "deleted" } as const),
      about: e.subject?.displayName ?? null,
      detail: e.detail,
    })),
    ...roles.map((r) => ({
      id: r.id,
      at: r.createdAt,
      action: "role.changed",
      by: r.byCommandLine
        ? ({ kind: "commandLine" } as const)
        : r.changedBy
          ? ({ kind: "person", name: r.changedBy.displayName } as const)
          : ({ kind: "deleted" } as const),
      about: r.user.displayName,
      detail: `${r.fromRole}→${r.toRole}`,
    })),
  ].sort((a, b) => b.at.getTime() - a.at.getTime() || (a.id < b.id ? 1 : -1));
  const total = entryCount + roleCount;
  return {
    lines: lines.slice((page - 1) * AUDIT_PAGE_SIZE, upTo),
    page,
    pageCount: Math.max(1, Math.ceil(total / AUDIT_PAGE_SIZE)),
  };
}
