import type { ActionFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { getSessionUser } from "~/accounts/sessions.server";
import { languageSchema } from "~/accounts/schemas";
import { db } from "~/db.server";
import { localeCookieHeader } from "~/i18n/i18next.server";
import { parseForm } from "~/utils/forms.server";
import { safeRedirect } from "~/utils/safe-redirect";

/** The language switcher posts here; it works without JavaScript and without an account. */
export async function action({ request }: ActionFunctionArgs) {
  const { formData, submission } = await parseForm(request, languageSchema);
  const back = safeRedirect(formData.get("redirectTo"));
  // The switcher only offers valid languages; anything else leaves the language as it was.
  if (submission.status !== "success") return redirect(back);
  const current = await getSessionUser(request);
  if (current) {
    await db().user.update({
      where: { id: current.user.id },
      data: { locale: submission.value.lng },
    });
  }
  return redirect(back, {
    headers: { "Set-Cookie": await localeCookieHeader(submission.value.lng) },
  });
}

export function loader() {
  return redirect("/");
}
