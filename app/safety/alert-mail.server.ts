import { renderEmail } from "~/mail/layout.server";
import type { Rendered, TemplateInput } from "~/notifications/template-input";

/**
 * The organizers' keep-apart alert. It may be read on a lock screen or a shared phone, so it
 * names nobody and no event: "there is something for you on Tsunagu", and the dashboard, behind
 * the log-in, says what.
 */
export async function renderKeepApartAlert(input: TemplateInput): Promise<Rendered> {
  const { t, locale, recipient, appUrl } = input;
  const { html, text } = renderEmail(locale, t, {
    greetingName: recipient.displayName,
    paragraphs: [t("safetyMail.body")],
    action: { label: t("safetyMail.open"), url: new URL("/organize", appUrl).toString() },
    unsubscribe: { label: t("safetyMail.unsubscribe"), url: input.unsubscribeUrl },
  });
  return { mail: { to: recipient.email, subject: t("safetyMail.subject"), html, text } };
}
