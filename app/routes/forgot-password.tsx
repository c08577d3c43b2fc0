import { getFormProps } from "@conform-to/react";
import type { ActionFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, Link, useActionData, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { requestPasswordReset } from "~/accounts/password-reset.server";
import { forgotPasswordSchema } from "~/accounts/schemas";
import { EmailField, FormErrors, Notice, useZodForm } from "~/components/forms";
import { db } from "~/db.server";
import { formatTime } from "~/i18n/format";
import { getLocale } from "~/i18n/i18next.server";
import type { RouteHandle } from "~/utils/handle";
import { parseForm } from "~/utils/forms.server";
import { clientIpOf } from "~/utils/request.server";

export const handle: RouteHandle = { titleKey: "forgot.metaTitle" };

export async function action({ request, context }: ActionFunctionArgs) {
  const submission = (await parseForm(request, forgotPasswordSchema)).submission;
  if (submission.status !== "success") {
    return json({ result: submission.reply(), sent: false, time: null }, { status: 400 });
  }
  const locale = await getLocale(request);
  // The email goes out in the language the person chose, else the one they are reading now.
  const outcome = await requestPasswordReset(db(), {
    email: submission.value.email,
    ip: clientIpOf(context),
    locale,
  });
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
  // The same answer whether or not the email has an account, so nobody can probe for members.
  return json({ result: submission.reply({ resetForm: true }), sent: true, time: null });
}

export default function ForgotPassword() {
  const { t } = useTranslation();
  const actionData = useActionData<typeof action>();
  const busy = useNavigation().state === "submitting";
  const [form, fields] = useZodForm("forgot", forgotPasswordSchema, actionData?.result);
  return (
    <div className="stack narrow">
      <h1>{t("forgot.title")}</h1>
      {actionData?.sent ? (
        <Notice>
          <p>{t("forgot.sent")}</p>
        </Notice>
      ) : null}
      <p>{t("forgot.intro")}</p>
      <Form method="post" className="card stack" {...getFormProps(form)}>
        <FormErrors
          id={form.errorId}
          errors={form.errors}
          params={actionData?.time ? { time: actionData.time } : undefined}
        />
        <EmailField meta={fields.email} label={t("fields.email")} />
        <button type="submit" className="button" disabled={busy}>
          {t("forgot.submit")}
        </button>
      </Form>
      <p>
        <Link to="/login">{t("forgot.backToLogIn")}</Link>
      </p>
    </div>
  );
}
