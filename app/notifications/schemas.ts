import { z } from "zod";
import { messageKinds, reminderLeads } from "./kinds";

/** Kinds with their own on/off box in settings; reminders have the lead-time choice instead. */
export const switchableKinds = messageKinds.filter((kind) => kind !== "event_reminder");

export const emailChoicesSchema = z.object({
  intent: z.literal("emails"),
  wanted: z
    .array(z.enum(messageKinds, { errorMap: () => ({ message: "errors.invalidChoice" }) }))
    .default([]),
  reminderLead: z.enum(reminderLeads, { errorMap: () => ({ message: "errors.invalidChoice" }) }),
});
