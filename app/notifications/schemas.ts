import { z } from "zod";
import {
  beforeAccountKinds,
  messageKinds,
  organizerKinds,
  reminderLeads,
  type MessageKind,
} from "./kinds";

/**
 * Kinds with their own on/off box in settings (reminders have the lead-time choice instead);
 * organizers' kinds only for organizers.
 */
export function switchableKinds(isOrganizer: boolean): MessageKind[] {
  return messageKinds.filter(
    (kind) =>
      kind !== "event_reminder" &&
      !beforeAccountKinds.includes(kind) &&
      (isOrganizer || !organizerKinds.includes(kind)),
  );
}

export const emailChoicesSchema = z.object({
  wanted: z
    .array(z.enum(messageKinds, { errorMap: () => ({ message: "errors.invalidChoice" }) }))
    .default([]),
  reminderLead: z.enum(reminderLeads, { errorMap: () => ({ message: "errors.invalidChoice" }) }),
});
