import { getFormProps } from "@conform-to/react";
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { isResetTokenValid, resetPasswordWithToken } from "~/accounts/password-reset.server";
import { resetPasswordSchema } from "~/accounts/schemas";
import { startSession } from "~/accounts/sessions.server";
import { isSuspended } from "~/safety/suspension.server";
import { PasswordField, useZodForm } from "~/components/forms";
import { db } from "~/db.server";
import type { RouteHandle } from "~/utils/handle";
import { parseForm } from "~/utils/forms.server";

export const handle: RouteHandle = { titleKey: "reset.metaTitle" };

export async function loader({ request }: LoaderFunctionArgs) {
  const token = new URL(request.url).searchParams.get("token") ?? "";
  return json({ token, valid: token !== "" && (await isResetTokenValid(db(), token)) });
}

export async function action({ request }: ActionFunctionArgs) {
  const submission = (await parseForm(request, resetPasswordSchema)).submission;
  if (submission.status !== "success") {
    return json(
      { result: submission.reply({ hideFields: ["password"] }), expired: false },
      { status: 400 },
    );
  }
  const reset = await resetPasswordWithToken(
    db(),
    submission.value.token,
    submission.value.password,
  );
  if (!reset.ok) {
    return json(
      { result: submission.reply({ hideFields: ["password"] }), expired: true },
      { status: 400 },
    );
  }
  // The new password is saved, but a suspended account still cannot sign in: say so in the
  // same neutral words as the log-in page, instead of landing on a page that forgets her.
  if (await isSuspended(db(), reset.userId)) return redirect("/login?unavailable=1");
  return redirect("/settings?reset=1", {
    headers: { "Set-Cookie": await startSession(reset.userId) },
  });
}

export default function ResetPassword() {
  const { t } = useTranslation();
  const { token, valid } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const busy = useNavigation().state === "submitting";
  const [form, fields] = useZodForm("reset", resetPasswordSchema, actionData?.result);
  if (!valid || actionData?.expired) {
    return (
      <div className="stack narrow">
        <h1>{t("reset.title")}</h1>
        <div className="notice notice--error" role="alert">
          <p>{t("reset.invalid")}</p>
        </div>
        <p>
          <Link to="/forgot-password" className="button">
            {t("reset.askAgain")}
          </Link>
        </p>
      </div>
    );
  }
  return (
    <div className="stack narrow">
      <h1>{t("reset.title")}</h1>
      <Form method="post" className="card stack" {...getFormProps(form)}>
        <input type="hidden" name="token" value={token} />
        <PasswordField
          meta={fields.password}
          label={t("fields.newPassword")}
          hint={t("fields.passwordHint")}
          autoComplete="new-password"
        />
        <button type="submit" className="button" disabled={busy}>
          {t("reset.submit")}
        </button>
      </Form>
    </div>
  );
}
