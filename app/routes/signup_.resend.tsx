import { getFormProps } from "@conform-to/react";
import type { ActionFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, Link, useActionData, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { resendConfirmationSchema } from "~/accounts/schemas";
import { resendConfirmation } from "~/accounts/signup.server";
import { EmailField, FormErrors, Notice, useZodForm } from "~/components/forms";
import { db } from "~/db.server";
import { formatTime } from "~/i18n/format";
import { getLocale } from "~/i18n/i18next.server";
import type { RouteHandle } from "~/utils/handle";
import { clientIpOf } from "~/utils/request.server";
import { parseForm } from "~/utils/forms.server";

export const handle: RouteHandle = { titleKey: "signupConfirm.resendMetaTitle" };

/** A new sign-up link; the answer is the same whether or not the address is waiting for one. */
export async function action({ request, context }: ActionFunctionArgs) {
  const submission = (await parseForm(request, resendConfirmationSchema)).submission;
  if (submission.status !== "success") {
    return json({ result: submission.reply(), sent: false, time: null }, { status: 400 });
  }
  const locale = await getLocale(request);
  const outcome = await resendConfirmation(db(), {
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
  return json({ result: submission.reply({ resetForm: true }), sent: true, time: null });
}

export default function ResendConfirmation() {
  const { t } = useTranslation();
  const actionData = useActionData<typeof action>();
  const busy = useNavigation().state === "submitting";
  const [form, fields] = useZodForm("resend", resendConfirmationSchema, actionData?.result);
  return (
    <div className="stack narrow">
      <h1>{t("signupConfirm.resendTitle")}</h1>
      {actionData?.sent ? (
        <Notice>
          <p>{t("signupConfirm.resendSent")}</p>
        </Notice>
      ) : null}
      <p>{t("signupConfirm.resendPageIntro")}</p>
      <Form method="post" className="card stack" {...getFormProps(form)}>
        <FormErrors
          id={form.errorId}
          errors={form.errors}
          params={actionData?.time ? { time: actionData.time } : undefined}
        />
        <EmailField meta={fields.email} label={t("fields.email")} />
        <button type="submit" className="button" disabled={busy}>
          {t("signupConfirm.resendSubmit")}
        </button>
      </Form>
      <p>
        <Link to="/login">{t("forgot.backToLogIn")}</Link>
      </p>
    </div>
  );
}
