import { Form, Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";

/**
 * "Send me a new link", for an address waiting to be confirmed. Posts to /signup/resend,
 * which answers the same for any address.
 */
export function ResendLinkForm({ email }: { email: string }) {
  const { t } = useTranslation();
  return (
    <Form method="post" action="/signup/resend" className="card stack" id="resend-link">
      <p>{t("signupConfirm.resendIntro")}</p>
      <input type="hidden" name="email" value={email} />
      <button type="submit" className="button button--secondary">
        {t("signupConfirm.resendSubmit")}
      </button>
    </Form>
  );
}

/** What everyone sees after signing up, whether or not the address already had an account. */
export function CheckYourEmail({ email }: { email: string }) {
  const { t } = useTranslation();
  return (
    <div className="stack narrow">
      <h1>{t("signupConfirm.checkTitle")}</h1>
      <div className="notice notice--success" role="status">
        {/* First-strong isolates keep a Latin address intact inside Persian or Arabic text. */}
        <p>{t("signupConfirm.checkBody", { email: `\u2068${email}\u2069` })}</p>
      </div>
      <p>{t("signupConfirm.checkSpam")}</p>
      <p className="actions">
        <Link to="/signup/resend">{t("signupConfirm.resendLink")}</Link>
        <Link to="/signup">{t("signupConfirm.wrongAddress")}</Link>
      </p>
    </div>
  );
}
