import { z } from "zod";
import { spokenLanguages } from "~/events/languages";
import { helpContacts, helpOutcomes, helpUrgencies } from "./help-rules";
import { helpTopics } from "./topics";

// Messages are translation keys, as in the other schemas.
const choose = (message: string) => ({ errorMap: () => ({ message }) });
const checkbox = z
  .literal("on")
  .optional()
  .transform((value) => value === "on");
const text = (max: number) => z.string().trim().max(max, "errors.tooLong").default("");

export const MESSAGE_MAX = 2000;

export const newHelpRequestSchema = z
  .object({
    topic: z.enum(helpTopics, choose("help.errors.chooseTopic")),
    urgency: z.enum(helpUrgencies, choose("help.errors.chooseUrgency")),
    languages: z
      .array(z.enum(spokenLanguages, choose("errors.invalidLanguage")))
      .default([])
      .refine((list) => list.length > 0, "help.errors.chooseLanguage"),
    wantsWoman: checkbox,
    contact: z.enum(helpContacts, choose("help.errors.chooseContact")),
    handle: text(120),
    message: text(MESSAGE_MAX),
  })
  .superRefine((value, ctx) => {
    if (value.contact === "handle" && !value.handle) {
      ctx.addIssue({ code: "custom", path: ["handle"], message: "help.errors.handleRequired" });
    }
  });

const id = z.string().min(1).max(100);

export const memberActionSchema = z.discriminatedUnion("intent", [
  z.object({
    intent: z.literal("add"),
    body: z
      .string({ required_error: "errors.required" })
      .trim()
      .min(1, "errors.required")
      .max(MESSAGE_MAX, "errors.tooLong"),
  }),
  z.object({ intent: z.literal("withdraw") }),
  z.object({ intent: z.literal("close") }),
]);

export const organizerActionSchema = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("take") }),
  z.object({
    intent: z.literal("reply"),
    body: z
      .string({ required_error: "errors.required" })
      .trim()
      .min(1, "errors.required")
      .max(MESSAGE_MAX, "errors.tooLong"),
    signAs: z.enum(["team", "name"], choose("errors.invalidChoice")).default("team"),
    resourceIds: z.array(id).max(20, "errors.invalidChoice").default([]),
  }),
  z.object({
    intent: z.literal("close"),
    outcome: z.enum(helpOutcomes, choose("helpOrg.errors.chooseOutcome")),
  }),
]);

export const queueSettingSchema = z.object({
  intent: z.literal("setting"),
  answersWomen: checkbox,
});

export const queueFilterSchema = z.object({
  topic: z.enum(helpTopics).optional().catch(undefined),
  language: z.enum(spokenLanguages).optional().catch(undefined),
  closed: z
    .literal("1")
    .optional()
    .catch(undefined)
    .transform((v) => v === "1"),
});
