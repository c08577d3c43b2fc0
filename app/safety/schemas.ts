import { z } from "zod";
import { requestStatuses } from "./keep-apart-rules";
import { suspensionReasons } from "./suspension-reasons";

const id = z.string().trim().min(1).max(64);

/** The member's request: a person from their list, or a name and details typed in. */
export const keepApartRequestSchema = z.object({
  intent: z.literal("request"),
  namedUserId: id.optional(),
  details: z.string().trim().max(2000, "errors.tooLong").default(""),
});

export const checkInChoiceSchema = z.object({
  intent: z.literal("check-in"),
  hide: z.enum(["yes", "no"]),
});

export const memberSafetySchema = z.discriminatedUnion("intent", [
  keepApartRequestSchema,
  checkInChoiceSchema,
]);

export const organizerSafetySchema = z.discriminatedUnion("intent", [
  z.object({
    intent: z.literal("record"),
    protectedId: id,
    otherId: id,
    requestId: id.optional(),
  }),
  z.object({ intent: z.literal("end"), ruleId: id }),
  z.object({ intent: z.literal("status"), requestId: id, status: z.enum(requestStatuses) }),
]);

export const accountSearchSchema = z.object({
  q: z.string().trim().max(100).catch(""),
  q2: z.string().trim().max(100).catch(""),
  request: z.string().trim().max(64).catch(""),
});

export const suspensionSchema = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("suspend"), userId: id, reason: z.enum(suspensionReasons) }),
  z.object({ intent: z.literal("unsuspend"), userId: id }),
]);

export const auditPageSchema = z.object({
  page: z.coerce.number().int().min(1).max(500).catch(1),
});
