import { z } from "zod";

/** The "show full titles in my calendar" box: present and "yes" when ticked. */
export const calendarTitlesSchema = z.object({
  fullTitles: z.literal("yes").optional(),
});
