import { z } from "zod";
import { spokenLanguages } from "~/events/languages";
import { supportedLocales } from "~/i18n/config";
import { isValidRange } from "./opening-hours";
import { helpTopics, resourceAudiences } from "./topics";

// Messages are translation keys; the directory's own live in resourcesOrg.errors.
const required = { required_error: "errors.required" };
const optionalUrl = z
  .string()
  .trim()
  .max(500, "errors.tooLong")
  .url("errors.urlInvalid")
  .refine((url) => /^https?:\/\//.test(url), "errors.urlInvalid")
  .optional();
const checkbox = z
  .literal("on")
  .optional()
  .transform((value) => value === "on");
const text = (max: number) => z.string().trim().max(max, "errors.tooLong").default("");

/** One row of the hours table; a row left completely empty is simply not an opening. */
const hoursRow = z.object({
  weekday: z.coerce.number().int().min(1).max(7).optional(),
  opens: z.string().trim().optional(),
  closes: z.string().trim().optional(),
});

export const resourceStatuses = ["open", "temporarily_closed"] as const;
export type ResourceStatus = (typeof resourceStatuses)[number];

export const resourceFormSchema = z.object({
  name: z.string(required).trim().min(1, "errors.required").max(120, "errors.titleTooLong"),
  description: text(2000),
  locale: z.enum(supportedLocales, { errorMap: () => ({ message: "errors.invalidLanguage" }) }),
  topics: z
    .array(z.enum(helpTopics, { errorMap: () => ({ message: "errors.invalidChoice" }) }), {
      required_error: "resourcesOrg.errors.topicRequired",
    })
    .min(1, "resourcesOrg.errors.topicRequired"),
  languages: z
    .array(z.enum(spokenLanguages, { errorMap: () => ({ message: "errors.invalidLanguage" }) }))
    .default([]),
  interpretation: checkbox,
  audience: z.enum(resourceAudiences, { errorMap: () => ({ message: "errors.invalidChoice" }) }),
  free: checkbox,
  costNote: text(300),
  whatToBring: text(500),
  phone: z
    .string()
    .trim()
    .max(30, "errors.tooLong")
    .regex(/^\+?[0-9][0-9 ()-]*$/, "resourcesOrg.errors.phoneInvalid")
    .optional()
    .transform((v) => v ?? ""),
  email: z
    .string()
    .trim()
    .max(254, "errors.emailInvalid")
    .email("errors.emailInvalid")
    .optional()
    .transform((v) => v ?? ""),
  website: optionalUrl.transform((v) => v ?? ""),
  address: text(300),
  mapUrl: optionalUrl.transform((v) => v ?? ""),
  status: z.enum(resourceStatuses, { errorMap: () => ({ message: "errors.invalidChoice" }) }),
  hours: z
    .array(hoursRow)
    .max(21, "errors.tooLong")
    .default([])
    .superRefine((rows, ctx) => {
      rows.forEach((r, i) => {
        const filled = [r.weekday, r.opens, r.closes].filter((v) => v !== undefined).length;
        if (filled === 0) return;
        if (r.weekday === undefined)
          ctx.addIssue({
            code: "custom",
            path: [i, "weekday"],
            message: "resourcesOrg.errors.hoursIncomplete",
          });
        if (!r.opens || !/^([01]\d|2[0-3]):[0-5]\d$/.test(r.opens))
          ctx.addIssue({ code: "custom", path: [i, "opens"], message: "errors.timeInvalid" });
        if (!r.closes || !/^([01]\d|2[0-3]):[0-5]\d$/.test(r.closes))
          ctx.addIssue({ code: "custom", path: [i, "closes"], message: "errors.timeInvalid" });
        else if (r.opens && !isValidRange(r.opens, r.closes))
          ctx.addIssue({ code: "custom", path: [i, "closes"], message: "errors.endBeforeStart" });
      });
    })
    .transform((rows) =>
      rows.flatMap((r) =>
        r.weekday && r.opens && r.closes
          ? [{ weekday: r.weekday, opens: r.opens, closes: r.closes }]
          : [],
      ),
    ),
});
export type ResourceInput = z.output<typeof resourceFormSchema>;

export const resourceTranslationSchema = z.object({
  intent: z.literal("translation"),
  locale: z.enum(supportedLocales, { errorMap: () => ({ message: "errors.invalidLanguage" }) }),
  name: z.string(required).trim().min(1, "errors.required").max(120, "errors.titleTooLong"),
  description: text(2000),
  costNote: text(300),
  whatToBring: text(500),
});
export type ResourceTranslationInput = z.output<typeof resourceTranslationSchema>;

/** /resources?topic=…&language=…: anything unknown is ignored, not an error page. */
export const resourceFilterSchema = z.object({
  topic: z.enum(helpTopics).optional().catch(undefined),
  language: z.enum(spokenLanguages).optional().catch(undefined),
});
