import type { ActionFunctionArgs } from "@remix-run/node";
import { useActionData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { resendConfirmation } from "~/accounts/signup.server";
import { EmailLinkPage } from "~/components/EmailLinkPage";
import { db } from "~/db.server";
import { emailLinkAction } from "~/utils/email-link.server";
import type { RouteHandle } from "~/utils/handle";

export const handle: RouteHandle = { titleKey: "signupConfirm.resendMetaTitle" };

/** A new sign-up link; the answer is the same whether or not the address is waiting for one. */
export async function action({ request, context }: ActionFunctionArgs) {
  return emailLinkAction(request, context, (input) => resendConfirmation(db(), input));
}

export default function ResendConfirmation() {
  const { t } = useTranslation();
  return (
    <EmailLinkPage
      formId="resend"
      answer={useActionData<typeof action>()}
      text={{
        title: t("signupConfirm.resendTitle"),
        intro: t("signupConfirm.resendPageIntro"),
        sent: t("signupConfirm.resendSent"),
        submit: t("signupConfirm.resendSubmit"),
      }}
    />
  );
}
