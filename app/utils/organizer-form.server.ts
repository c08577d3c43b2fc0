import { json, type LoaderFunctionArgs } from "@remix-run/node";
import { requireRole } from "~/accounts/sessions.server";
import { getLocale } from "~/utils/locale.server";

/** The loader of an organizer's blank "new …" form: the role check, and the reader's language. */
export async function organizerFormLoader({ request }: LoaderFunctionArgs) {
  await requireRole(request, "organizer");
  return json({ locale: await getLocale(request) });
}
