import { z } from "zod";
import { spokenLanguages } from "~/events/languages";
import {
  fitAnswers,
  genderPreferences,
  goals,
  languageLevels,
  mentorGenders,
  modes,
  slots,
} from "./codes";

// Messages are translation keys, as in accounts/schemas.ts and events/schemas.ts.
const choose = (message: string) => ({ errorMap: () => ({ message }) });

/** Rows of the form's language table; a row without a language is left out. */
export const LANGUAGE_ROWS = 4;
const languageRows = z
  .array(
    z.object({
      code: z.enum(spokenLanguages, choose("errors.invalidLanguage")).optional(),
      level: z.enum(languageLevels, choose("errors.invalidLanguage")).default("conversational"),
    }),
  )
  .default([])
  .transform((rows) =>
    rows.flatMap((row) => (row.code ? [{ code: row.code, level: row.level }] : [])),
  )
  .superRefine((rows, ctx) => {
    if (rows.length === 0)
      ctx.addIssue({ code: "custom", message: "errors.mentoringLanguageRequired" });
    else if (new Set(rows.map((r) => r.code)).size !== rows.length)
      ctx.addIssue({ code: "custom", message: "errors.mentoringLanguageTwice" });
  });

const atLeastOne = <T extends [string, ...string[]]>(values: T, message: string) =>
  z
    .array(z.enum(values, choose(message)))
    .default([])
    .refine((list) => list.length > 0, message);

const checkbox = z
  .literal("on")
  .optional()
  .transform((value) => value === "on");

const common = {
  languages: languageRows,
  topics: atLeastOne([...goals] as [string, ...string[]], "errors.mentoringTopicRequired"),
  availability: atLeastOne([...slots] as [string, ...string[]], "errors.mentoringSlotRequired"),
  mode: z.enum(modes, choose("errors.mentoringChoose")),
  area: z.string().trim().max(80, "errors.tooLong").default(""),
  shareEmail: checkbox,
  contactHandle: z.string().trim().max(120, "errors.tooLong").default(""),
};

export const menteeProfileSchema = z.object({
  intent: z.literal("mentee"),
  ...common,
  mentorGender: z.enum(genderPreferences, choose("errors.mentoringChoose")).default("any"),
  about: z.string().trim().max(1000, "errors.tooLong").default(""),
});

export const mentorProfileSchema = z.object({
  intent: z.literal("mentor"),
  ...common,
  affiliation: z
    .string({ required_error: "errors.required" })
    .trim()
    .min(1, "errors.required")
    .max(120, "errors.tooLong"),
  gender: z.enum(mentorGenders, choose("errors.mentoringChoose")).default("unsaid"),
  capacity: z.coerce
    .number({ invalid_type_error: "errors.numberInvalid" })
    .int("errors.numberInvalid")
    .min(1, "errors.mentoringCapacity")
    .max(5, "errors.mentoringCapacity")
    .default(1),
});

export type MenteeProfileInput = z.infer<typeof menteeProfileSchema>;
export type MentorProfileInput = z.infer<typeof mentorProfileSchema>;
export type ProfileInput = MenteeProfileInput | MentorProfileInput;

/** The small forms on /mentoring; each names the match it is about. */
const matchId = z.string().min(1);
export const memberActionSchema = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("accept"), matchId }),
  z.object({ intent: z.literal("decline"), matchId }),
  z.object({
    intent: z.literal("checkin"),
    matchId,
    met: z.enum(["yes", "no"], choose("errors.mentoringChoose")),
    note: z.string().trim().max(500, "errors.tooLong").default(""),
  }),
  z.object({
    intent: z.literal("fit"),
    matchId,
    fit: z.enum(fitAnswers, choose("errors.mentoringChoose")),
  }),
  z.object({
    intent: z.literal("rematch"),
    matchId,
    note: z.string().trim().max(500, "errors.tooLong").default(""),
  }),
  z.object({
    intent: z.literal("end"),
    matchId,
    feedback: z.string().trim().max(1000, "errors.tooLong").default(""),
  }),
]);
export type MemberAction = z.infer<typeof memberActionSchema>;
