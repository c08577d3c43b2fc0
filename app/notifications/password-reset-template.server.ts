import type { TFunction } from "i18next";
import type { Locale } from "~/i18n/config";
import { renderEmail } from "~/mail/layout.server";
import type { Mail } from "~/mail/mail.server";

export function passwordResetMail(
  locale: Locale,
  t: TFunction,
  to: { email: string; displayName: string },
  resetUrl: string,
  unsubscribe?: { label: string; url: string },
): Mail {
  const { html, text } = renderEmail(locale, t, {
    greetingName: to.displayName,
    paragraphs: [t("mail.resetBody")],
    action: { label: t("mail.resetButton"), url: resetUrl },
    afterword: t("mail.resetIgnore"),
    unsubscribe,
  });
  return { to: to.email, subject: t("mail.resetSubject"), html, text };
}
