import { renderEmail } from "~/mail/layout.server";
import type { Rendered, TemplateInput } from "~/notifications/template-input";
import { hashConfirmationToken } from "./signup.server";

/**
 * The two sign-up emails. Subjects say nothing about the site's purpose or whether an account
 * exists: "Please confirm your email address", "A sign-up with your email address".
 */
export async function renderSignupMessage(input: TemplateInput): Promise<Rendered> {
  const { t, locale, recipient, appUrl } = input;
  const unsubscribe = { label: t(`mail.unsubscribe.${input.kind}`), url: input.unsubscribeUrl };

  if (input.kind === "signup_confirm") {
    const token = input.payload.token ?? "";
    // A newer sign-up or resent link replaced this one, or the address is confirmed already.
    const stillValid = await input.db.signupConfirmation.count({
      where: { tokenHash: hashConfirmationToken(token), expiresAt: { gt: new Date() } },
    });
    if (stillValid === 0) return { skip: "A newer link replaced this one, or it was used." };
    const url = new URL("/signup/confirm", appUrl);
    url.searchParams.set("token", token);
    const { html, text } = renderEmail(locale, t, {
      greetingName: recipient.displayName,
      paragraphs: [t("signupMail.confirmBody")],
      action: { label: t("signupMail.confirmButton"), url: url.toString() },
      afterword: t("signupMail.confirmIgnore"),
      unsubscribe,
    });
    return { mail: { to: recipient.email, subject: t("signupMail.confirmSubject"), html, text } };
  }

  const { html, text } = renderEmail(locale, t, {
    greetingName: recipient.displayName,
    paragraphs: [t("signupMail.existingBody"), t("signupMail.existingHint")],
    action: { label: t("signupMail.existingLogIn"), url: new URL("/login", appUrl).toString() },
    moreLinks: [
      {
        label: t("signupMail.existingReset"),
        url: new URL("/forgot-password", appUrl).toString(),
      },
    ],
    afterword: t("signupMail.existingIgnore"),
    unsubscribe,
  });
  return { mail: { to: recipient.email, subject: t("signupMail.existingSubject"), html, text } };
}
