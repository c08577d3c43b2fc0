import { getFormProps, type SubmissionResult } from "@conform-to/react";
import { Form, Link, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { emailOnlySchema } from "~/accounts/schemas";
import { EmailField, FormErrors, Notice, useZodForm } from "~/components/forms";

/** A page that asks for an email address and sends a link to it (see emailLinkAction). */
export function EmailLinkPage({
  formId,
  answer,
  text,
}: {
  formId: string;
  answer: { result: SubmissionResult<string[]>; sent: boolean; time: string | null } | undefined;
  text: { title: string; intro: string; sent: string; submit: string };
}) {
  const { t } = useTranslation();
  const busy = useNavigation().state === "submitting";
  const [form, fields] = useZodForm(formId, emailOnlySchema, answer?.result);
  return (
    <div className="stack narrow">
      <h1>{text.title}</h1>
      {answer?.sent ? (
        <Notice>
          <p>{text.sent}</p>
        </Notice>
      ) : null}
      <p>{text.intro}</p>
      <Form method="post" className="card stack" {...getFormProps(form)}>
        <FormErrors
          id={form.errorId}
          errors={form.errors}
          params={answer?.time ? { time: answer.time } : undefined}
        />
        <EmailField meta={fields.email} label={t("fields.email")} />
        <button type="submit" className="button" disabled={busy}>
          {text.submit}
        </button>
      </Form>
      <p>
        <Link to="/login">{t("forgot.backToLogIn")}</Link>
      </p>
    </div>
  );
}
