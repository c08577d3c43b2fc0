import type { ActionFunctionArgs } from "@remix-run/node";
import { useActionData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { requestPasswordReset } from "~/accounts/password-reset.server";
import { EmailLinkPage } from "~/components/EmailLinkPage";
import { db } from "~/db.server";
import { emailLinkAction } from "~/utils/email-link.server";
import type { RouteHandle } from "~/utils/handle";

export const handle: RouteHandle = { titleKey: "forgot.metaTitle" };

export async function action({ request, context }: ActionFunctionArgs) {
  return emailLinkAction(request, context, (input) => requestPasswordReset(db(), input));
}

export default function ForgotPassword() {
  const { t } = useTranslation();
  return (
    <EmailLinkPage
      formId="forgot"
      answer={useActionData<typeof action>()}
      text={{
        title: t("forgot.title"),
        intro: t("forgot.intro"),
        sent: t("forgot.sent"),
        submit: t("forgot.submit"),
      }}
    />
  );
}
