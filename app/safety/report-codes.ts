import { z } from "zod";

/** What a report is about, what closing one may record, and where it was raised from (pure). */
export const reportAbouts = ["person", "event", "happened"] as const;
export type ReportAbout = (typeof reportAbouts)[number];

export const reportStates = ["received", "taken", "closed"] as const;
export type ReportState = (typeof reportStates)[number];

export const reportOutcomes = ["acted", "talked", "no_action", "duplicate"] as const;
export type ReportOutcome = (typeof reportOutcomes)[number];

export const contextKinds = ["event", "mentoring", "help"] as const;
export type ContextKind = (typeof contextKinds)[number];
export type ReportContext = { kind: ContextKind; id: string | null };

/** Untouched this long, a report is emailed to every organizer and admin (once). */
export const ESCALATE_AFTER_MS = 2 * 24 * 60 * 60 * 1000;

const idPart = /^[A-Za-z0-9_-]{1,64}$/;

/**
 * `?about=event:<id>`, `mentoring:<id>`, `help:<id>` or just the kind, as other pages link to
 * /report. Anything else means "from nowhere in particular", never an error: a member who
 * wants to tell us something must always reach the form.
 */
export function parseContext(value: string | null | undefined): ReportContext | null {
  if (!value) return null;
  const [kind, id, ...rest] = value.split(":");
  if (rest.length || !(contextKinds as readonly string[]).includes(kind ?? "")) return null;
  if (id === undefined || id === "") return { kind: kind as ContextKind, id: null };
  return idPart.test(id) ? { kind: kind as ContextKind, id } : null;
}

export function formatContext(context: ReportContext | null): string {
  if (!context) return "";
  return context.id ? `${context.kind}:${context.id}` : context.kind;
}

const required = { required_error: "errors.required" };

export const reportSchema = z.object({
  intent: z.literal("report"),
  about: z.enum(reportAbouts, { errorMap: () => ({ message: "report.aboutRequired" }) }),
  context: z.string().max(80).optional(),
  personName: z.string().trim().max(200, "errors.tooLong").default(""),
  body: z.string(required).trim().min(1, "errors.required").max(4000, "errors.descriptionTooLong"),
});
export type ReportInput = z.infer<typeof reportSchema>;

export const reportQueueSchema = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("take"), reportId: z.string().min(1).max(64) }),
  z.object({
    intent: z.literal("close"),
    reportId: z.string().min(1).max(64),
    outcome: z.enum(reportOutcomes, { errorMap: () => ({ message: "errors.invalidChoice" }) }),
  }),
]);

/** Whether the sender round should email organizers about this report now. */
export function isDueForEscalation(
  report: { state: string; createdAt: Date; escalatedAt: Date | null },
  now: Date,
): boolean {
  return (
    report.state === "received" &&
    report.escalatedAt === null &&
    now.getTime() - report.createdAt.getTime() >= ESCALATE_AFTER_MS
  );
}
