import { z } from "zod";

/** The "show full titles in my calendar" box: present and "yes" when ticked. */
export const calendarTitlesSchema = z.object({
  intent: z.literal("calendarTitles"),
  fullTitles: z.literal("yes").optional(),
});
