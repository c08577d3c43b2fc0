import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { confirmSignupSchema } from "~/accounts/schemas";
import { startSession } from "~/accounts/sessions.server";
import { checkConfirmation, confirmSignup } from "~/accounts/signup.server";
import { db } from "~/db.server";
import { formatTime } from "~/i18n/format";
import { getLocale } from "~/utils/locale.server";
import type { RouteHandle } from "~/utils/handle";
import { clientIpOf } from "~/utils/request.server";
import { parseForm } from "~/utils/forms.server";

export const handle: RouteHandle = { titleKey: "signupConfirm.confirmMetaTitle" };

/**
 * The link in the sign-up email. Opening it only shows a button: mail scanners that follow
 * links must not use up the link (or log themselves in) before the person does.
 */
export async function loader({ request, context }: LoaderFunctionArgs) {
  const token = new URL(request.url).searchParams.get("token") ?? "";
  const checked = await checkConfirmation(db(), { token, ip: clientIpOf(context) });
  if ("retryAt" in checked) {
    const time = formatTime(checked.retryAt, await getLocale(request));
    return json({ token, valid: false, time }, { status: 429 });
  }
  return json({ token, valid: checked.valid, time: null });
}

export async function action({ request, context }: ActionFunctionArgs) {
  const submission = (await parseForm(request, confirmSignupSchema)).submission;
  const token = submission.status === "success" ? submission.value.token : "";
  const outcome = await confirmSignup(db(), { token, ip: clientIpOf(context) });
  if ("retryAt" in outcome) {
    const time = formatTime(outcome.retryAt, await getLocale(request));
    return json({ expired: true, time }, { status: 429 });
  }
  if (!outcome.ok) return json({ expired: true, time: null }, { status: 400 });
  if (!outcome.logsIn) return redirect("/login?confirmed=1");
  return redirect("/?welcome=1", {
    headers: { "Set-Cookie": await startSession(outcome.userId) },
  });
}

export default function ConfirmSignup() {
  const { t } = useTranslation();
  const { token, valid, time: loaderTime } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const busy = useNavigation().state === "submitting";
  const time = actionData?.time ?? loaderTime;
  if (!valid || actionData?.expired) {
    return (
      <div className="stack narrow">
        <h1>{t("signupConfirm.confirmTitle")}</h1>
        <div className="notice notice--error" role="alert">
          <p>{time ? t("throttle.tooManyRequests", { time }) : t("signupConfirm.invalid")}</p>
        </div>
        <p>{t("signupConfirm.invalidHint")}</p>
        <p className="actions">
          <Link to="/login" className="button">
            {t("nav.logIn")}
          </Link>
          <Link to="/signup/resend">{t("signupConfirm.resendLink")}</Link>
        </p>
      </div>
    );
  }
  return (
    <div className="stack narrow">
      <h1>{t("signupConfirm.confirmTitle")}</h1>
      <p>{t("signupConfirm.confirmBody")}</p>
      <Form method="post" className="card stack" id="confirm-signup">
        <input type="hidden" name="token" value={token} />
        <button type="submit" className="button" disabled={busy}>
          {t("signupConfirm.confirmSubmit")}
        </button>
      </Form>
    </div>
  );
}
