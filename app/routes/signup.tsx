import { getFormProps } from "@conform-to/react";
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { signupSchema } from "~/accounts/schemas";
import { getSessionUser } from "~/accounts/sessions.server";
import { requestSignup } from "~/accounts/signup.server";
import {
  DisplayNameField,
  EmailField,
  FormErrors,
  PasswordField,
  useZodForm,
} from "~/components/forms";
import { CheckYourEmail } from "~/components/signup";
import { db } from "~/db.server";
import { formatTime } from "~/i18n/format";
import { getLocale } from "~/utils/locale.server";
import type { RouteHandle } from "~/utils/handle";
import { parseForm } from "~/utils/forms.server";
import { clientIpOf } from "~/utils/request.server";

export const handle: RouteHandle = { titleKey: "signup.metaTitle" };

export async function loader({ request }: LoaderFunctionArgs) {
  if (await getSessionUser(request)) throw redirect("/");
  return null;
}

export async function action({ request, context }: ActionFunctionArgs) {
  const { submission } = await parseForm(request, signupSchema);
  if (submission.status !== "success") {
    return json(
      { result: submission.reply({ hideFields: ["password"] }), sentTo: null, time: null },
      { status: 400 },
    );
  }
  const locale = await getLocale(request);
  const outcome = await requestSignup(db(), {
    ...submission.value,
    locale,
    ip: clientIpOf(context),
  });
  if (!outcome.ok) {
    return json(
      {
        result: submission.reply({
          formErrors: ["throttle.tooManyRequests"],
          hideFields: ["password"],
        }),
        sentTo: null,
        time: formatTime(outcome.retryAt, locale),
      },
      { status: 429 },
    );
  }
  // The same answer for a new address and a registered one: only the mailbox tells them apart.
  return json({
    result: submission.reply({ resetForm: true }),
    sentTo: submission.value.email,
    time: null,
  });
}

export default function SignUp() {
  const { t } = useTranslation();
  const actionData = useActionData<typeof action>();
  const busy = useNavigation().state === "submitting";
  const [form, fields] = useZodForm("signup", signupSchema, actionData?.result);
  if (actionData?.sentTo) return <CheckYourEmail email={actionData.sentTo} />;
  return (
    <div className="stack narrow">
      <h1>{t("signup.title")}</h1>
      <p>{t("signup.intro")}</p>
      <Form method="post" className="card stack" {...getFormProps(form)}>
        <FormErrors
          id={form.errorId}
          errors={form.errors}
          params={actionData?.time ? { time: actionData.time } : undefined}
        />
        <DisplayNameField meta={fields.displayName} />
        <EmailField meta={fields.email} label={t("fields.email")} hint={t("fields.emailHint")} />
        <PasswordField
          meta={fields.password}
          label={t("fields.password")}
          hint={t("fields.passwordHint")}
          autoComplete="new-password"
        />
        <button type="submit" className="button" disabled={busy}>
          {t("signup.submit")}
        </button>
      </Form>
      <p>
        {t("signup.haveAccount")} <Link to="/login">{t("signup.logInLink")}</Link>
      </p>
    </div>
  );
}
