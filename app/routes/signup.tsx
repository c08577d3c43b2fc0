import { getFormProps } from "@conform-to/react";
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { createAccount } from "~/accounts/accounts.server";
import { signupSchema } from "~/accounts/schemas";
import { getSessionUser, startSession } from "~/accounts/sessions.server";
import {
  DisplayNameField,
  EmailField,
  FormErrors,
  PasswordField,
  useZodForm,
} from "~/components/forms";
import { db } from "~/db.server";
import { getLocale } from "~/i18n/i18next.server";
import type { RouteHandle } from "~/utils/handle";
import { parseForm } from "~/utils/forms.server";

export const handle: RouteHandle = { titleKey: "signup.metaTitle" };

export async function loader({ request }: LoaderFunctionArgs) {
  if (await getSessionUser(request)) throw redirect("/");
  return null;
}

export async function action({ request }: ActionFunctionArgs) {
  const { submission } = await parseForm(request, signupSchema);
  if (submission.status !== "success") {
    return json({ result: submission.reply({ hideFields: ["password"] }) }, { status: 400 });
  }
  const created = await createAccount(db(), {
    ...submission.value,
    locale: await getLocale(request),
  });
  if (!created.ok) {
    return json(
      {
        result: submission.reply({
          fieldErrors: { email: [created.error] },
          hideFields: ["password"],
        }),
      },
      { status: 400 },
    );
  }
  return redirect("/", { headers: { "Set-Cookie": await startSession(created.user.id) } });
}

export default function SignUp() {
  const { t } = useTranslation();
  const lastResult = useActionData<typeof action>()?.result;
  const busy = useNavigation().state === "submitting";
  const [form, fields] = useZodForm("signup", signupSchema, lastResult);
  return (
    <div className="stack narrow">
      <h1>{t("signup.title")}</h1>
      <p>{t("signup.intro")}</p>
      <Form method="post" className="card stack" {...getFormProps(form)}>
        <FormErrors id={form.errorId} errors={form.errors} />
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
