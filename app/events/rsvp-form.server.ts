import { parseWithZod } from "@conform-to/zod";
import { cancelRsvpSchema, rsvpSchema } from "./schemas";

// The event page's action parses through this server module: a schema imported by the route
// module itself stays in the page's JavaScript (esbuild keeps shared chunks it cannot prove
// unused), and with it zod and conform.

export function parseRsvpForm(formData: FormData) {
  return parseWithZod(formData, { schema: rsvpSchema });
}

export function isCancelForm(formData: FormData): boolean {
  return parseWithZod(formData, { schema: cancelRsvpSchema }).status === "success";
}
