import { z } from "zod";
import { supportedLocales } from "~/i18n/config";
import { eventKinds } from "./kinds";
import { spokenLanguages } from "./languages";
import { MAX_COMPANIONS, MAX_RSVP_NOTE_LENGTH } from "./rsvp-rules";

// Messages are translation keys, as in accounts/schemas.ts.
const required = { required_error: "errors.required" };
/** Whether YYYY-MM-DD names a day that exists (not 30 February, not month 13). */
export function isCalendarDate(value: string): boolean {
  const [year, month, day] = value.split("-").map(Number) as [number, number, number];
  const date = new Date(Date.UTC(year, month - 1, day));
  return (
    year >= 1900 &&
    date.getUTCFullYear() === year &&
    date.getUTCMonth() === month - 1 &&
    date.getUTCDate() === day
  );
}

const localDate = z
  .string(required)
  .regex(/^\d{4}-\d{2}-\d{2}$/, "errors.dateInvalid")
  .refine(isCalendarDate, "errors.dateInvalid");
const localTime = z.string(required).regex(/^([01]\d|2[0-3]):[0-5]\d$/, "errors.timeInvalid");
const optionalUrl = z
  .string()
  .trim()
  .url("errors.urlInvalid")
  .refine((url) => /^https?:\/\//.test(url), "errors.urlInvalid")
  .optional();
const spokenLanguage = z.enum(spokenLanguages, {
  errorMap: () => ({ message: "errors.invalidLanguage" }),
});
const checkbox = z
  .literal("on")
  .optional()
  .transform((value) => value === "on");

/** The event form: one-off or the first of a series; shared by create and edit. */
export const eventFormSchema = z.object({
  kind: z.enum(eventKinds, { errorMap: () => ({ message: "errors.required" }) }),
  title: z.string(required).trim().min(1, "errors.required").max(120, "errors.titleTooLong"),
  description: z.string().trim().max(4000, "errors.descriptionTooLong").default(""),
  locale: z.enum(supportedLocales, { errorMap: () => ({ message: "errors.invalidLanguage" }) }),
  languages: z.array(spokenLanguage).default([]),
  date: localDate,
  startTime: localTime,
  endTime: localTime,
  timeZone: z.string().default("Asia/Tokyo"),
  venueName: z.string().trim().max(120, "errors.tooLong").default(""),
  venueAddress: z.string().trim().max(300, "errors.tooLong").default(""),
  mapUrl: optionalUrl,
  onlineUrl: optionalUrl,
  hideAddress: checkbox,
  stepFreeAccess: checkbox,
  childcare: checkbox,
  food: checkbox,
  /** A gathering for women (app/events/rsvp-rules.ts womenOnlyRefusal) */
  womenOnly: checkbox,
  accessibilityNotes: z.string().trim().max(500, "errors.tooLong").default(""),
  capacity: z.coerce
    .number({ invalid_type_error: "errors.numberInvalid" })
    .int("errors.numberInvalid")
    .min(1, "errors.capacityTooSmall")
    .max(10000, "errors.numberInvalid")
    .optional(),
  rsvpDeadlineHours: z.coerce
    .number({ invalid_type_error: "errors.numberInvalid" })
    .int("errors.numberInvalid")
    .min(0, "errors.numberInvalid")
    .max(24 * 30, "errors.numberInvalid")
    .optional(),
});

export const createEventSchema = eventFormSchema.extend({
  repeat: z.enum(["none", "weekly", "monthly-nth", "monthly-last"]).default("none"),
  untilDate: localDate.optional(),
});

export const editEventSchema = eventFormSchema.extend({
  scope: z.enum(["one", "following"]).default("one"),
});

export type EventFormInput = z.infer<typeof eventFormSchema>;
export type CreateEventInput = z.infer<typeof createEventSchema>;

export const translationSchema = z.object({
  intent: z.literal("translation"),
  locale: z.enum(supportedLocales, { errorMap: () => ({ message: "errors.invalidLanguage" }) }),
  title: z.string(required).trim().min(1, "errors.required").max(120, "errors.titleTooLong"),
  description: z.string().trim().max(4000, "errors.descriptionTooLong").default(""),
});

const companions = z.coerce
  .number({ invalid_type_error: "errors.numberInvalid" })
  .int("errors.numberInvalid")
  .min(0, "errors.numberInvalid")
  .max(MAX_COMPANIONS, "errors.tooManyCompanions")
  .default(0);

export const rsvpSchema = z.object({
  intent: z.literal("going"),
  children: companions,
  guests: companions,
  interpretation: spokenLanguage.optional(),
  note: z.string().trim().max(MAX_RSVP_NOTE_LENGTH, "errors.tooLong").default(""),
});

export const cancelRsvpSchema = z.object({ intent: z.literal("cancel") });

export const eventFilterSchema = z.object({
  kind: z.enum(eventKinds).optional().catch(undefined),
  language: z.enum(spokenLanguages).optional().catch(undefined),
  // Far beyond any real list; a larger number would overflow the database's OFFSET.
  page: z.coerce.number().int().min(1).max(10_000).catch(1).default(1),
});
