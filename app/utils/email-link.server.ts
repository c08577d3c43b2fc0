import { json } from "@remix-run/node";
import { emailOnlySchema } from "~/accounts/schemas";
import { formatTime } from "~/i18n/format";
import { getLocale } from "~/utils/locale.server";
import type { Locale } from "~/i18n/config";
import { parseForm } from "./forms.server";
import { clientIpOf } from "./request.server";

type SendLink = (input: {
  email: string;
  ip: string;
  locale: Locale;
}) => Promise<{ ok: true } | { ok: false; retryAt: Date }>;

/**
 * The action of a page that emails a link to an address (a new password, a new sign-up link).
 * The answer is the same whether or not the address is known, so nobody can probe for members;
 * only a client address that asked too often is told when to come back.
 */
export async function emailLinkAction(request: Request, context: unknown, send: SendLink) {
  const { submission } = await parseForm(request, emailOnlySchema);
  if (submission.status !== "success") {
    return json({ result: submission.reply(), sent: false, time: null }, { status: 400 });
  }
  // The email goes out in the language the person chose, else the one they are reading now.
  const locale = await getLocale(request);
  const outcome = await send({ email: submission.value.email, ip: clientIpOf(context), locale });
  if (!outcome.ok) {
    return json(
      {
        result: submission.reply({ formErrors: ["throttle.tooManyRequests"] }),
        sent: false,
        time: formatTime(outcome.retryAt, locale),
      },
      { status: 429 },
    );
  }
  return json({ result: submission.reply({ resetForm: true }), sent: true, time: null });
}
