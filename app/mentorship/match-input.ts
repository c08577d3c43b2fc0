import { z } from "zod";

/** The command-line input (`npm run match -- <input.json>`), validated with clear paths. */
const ids = z.array(z.string());
const mode = z.enum(["online", "in_person", "either"]);

export const matchInputSchema = z
  .object({
    mentees: z.array(
      z.object({
        id: z.string().min(1),
        languages: ids,
        goals: ids,
        availability: ids,
        mode,
        mentorGender: z.enum(["any", "female", "male"]),
        excludedMentorIds: ids.default([]),
        area: z.string().nullish(),
      }),
    ),
    mentors: z.array(
      z.object({
        id: z.string().min(1),
        languages: ids,
        skills: ids,
        availability: ids,
        mode,
        gender: z.string().nullish(),
        capacity: z.number().int().min(0),
        area: z.string().nullish(),
      }),
    ),
  })
  .superRefine((input, ctx) => {
    for (const [list, name] of [
      [input.mentees, "mentees"],
      [input.mentors, "mentors"],
    ] as const) {
      const seen = new Set<string>();
      list.forEach((item, index) => {
        if (seen.has(item.id))
          ctx.addIssue({
            code: "custom",
            path: [name, index, "id"],
            message: `duplicate id "${item.id}"`,
          });
        seen.add(item.id);
      });
    }
  });

export type MatchInput = z.infer<typeof matchInputSchema>;

export function describeIssues(error: z.ZodError): string {
  return error.issues
    .map((issue) => `  ${issue.path.join(".") || "(top level)"}: ${issue.message}`)
    .join("\n");
}
