import { resourceFilterSchema } from "~/care/directory-schemas";
import { publicDirectory } from "~/care/directory-view.server";
import { db } from "~/db.server";
import { getLocale } from "~/utils/locale.server";

/** What /resources and its printable sheet both show: the filtered directory in the reader's language. */
export async function loadPublicDirectory(request: Request, now: Date) {
  const filters = resourceFilterSchema.parse(Object.fromEntries(new URL(request.url).searchParams));
  const locale = await getLocale(request);
  const entries = await publicDirectory(db(), filters, locale, now);
  return { entries, filters, locale };
}
