import { getFormProps } from "@conform-to/react";
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useNavigation, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { logIn } from "~/accounts/login.server";
import { loginSchema } from "~/accounts/schemas";
import { getSessionUser, startSession } from "~/accounts/sessions.server";
import { EmailField, FormErrors, Notice, PasswordField, useZodForm } from "~/components/forms";
import { ResendLinkForm } from "~/components/signup";
import { db } from "~/db.server";
import { formatTime } from "~/i18n/format";
import { getLocale } from "~/utils/locale.server";
import type { RouteHandle } from "~/utils/handle";
import { parseForm } from "~/utils/forms.server";
import { clientIpOf } from "~/utils/request.server";
import { safeRedirect } from "~/utils/safe-redirect";

export const handle: RouteHandle = { titleKey: "login.metaTitle" };

export async function loader({ request }: LoaderFunctionArgs) {
  if (await getSessionUser(request)) {
    throw redirect(safeRedirect(new URL(request.url).searchParams.get("redirectTo")));
  }
  return null;
}

export async function action({ request, context }: ActionFunctionArgs) {
  const { submission } = await parseForm(request, loginSchema);
  if (submission.status !== "success") {
    return json(
      { result: submission.reply({ hideFields: ["password"] }), time: null, unconfirmed: null },
      { status: 400 },
    );
  }
  const { email, password, redirectTo } = submission.value;
  const outcome = await logIn(db(), { email, password, ip: clientIpOf(context) });
  if (outcome.ok) {
    return redirect(safeRedirect(redirectTo), {
      headers: { "Set-Cookie": await startSession(outcome.userId) },
    });
  }
  const refusal = {
    throttled: { error: "errors.tooManyAttempts", status: 429 },
    invalid: { error: "errors.invalidCredentials", status: 400 },
    unconfirmed: { error: "signupConfirm.confirmFirst", status: 403 },
    unavailable: { error: "suspend.loginRefused", status: 403 },
  }[outcome.reason];
  return json(
    {
      result: submission.reply({ formErrors: [refusal.error], hideFields: ["password"] }),
      time:
        outcome.reason === "throttled"
          ? formatTime(outcome.retryAt, await getLocale(request))
          : null,
      // Only someone who gave the right password is offered a new link.
      unconfirmed: outcome.reason === "unconfirmed" ? email : null,
    },
    { status: refusal.status },
  );
}

export default function LogIn() {
  const { t } = useTranslation();
  const actionData = useActionData<typeof action>();
  const [searchParams] = useSearchParams();
  const busy = useNavigation().state === "submitting";
  const [form, fields] = useZodForm("login", loginSchema, actionData?.result);
  const justConfirmed = searchParams.has("confirmed");
  const unavailable = searchParams.has("unavailable");
  return (
    <div className="stack narrow">
      <h1>{t("login.title")}</h1>
      {justConfirmed ? (
        <Notice>
          <p>{t("signupConfirm.confirmedLogIn")}</p>
        </Notice>
      ) : null}
      {unavailable && !actionData ? (
        <div className="notice notice--error" role="alert">
          <p>{t("suspend.loginRefused")}</p>
        </div>
      ) : null}
      <Form method="post" className="card stack" {...getFormProps(form)}>
        <FormErrors
          id={form.errorId}
          errors={form.errors}
          params={actionData?.time ? { time: actionData.time } : undefined}
        />
        <input type="hidden" name="redirectTo" value={searchParams.get("redirectTo") ?? "/"} />
        <EmailField meta={fields.email} label={t("fields.email")} />
        <PasswordField
          meta={fields.password}
          label={t("fields.password")}
          autoComplete="current-password"
        />
        <button type="submit" className="button" disabled={busy}>
          {t("login.submit")}
        </button>
        <p>
          <Link to="/forgot-password">{t("login.forgot")}</Link>
        </p>
      </Form>
      {actionData?.unconfirmed ? <ResendLinkForm email={actionData.unconfirmed} /> : null}
      <p>
        {t("login.noAccount")} <Link to="/signup">{t("login.signUpLink")}</Link>
      </p>
    </div>
  );
}
