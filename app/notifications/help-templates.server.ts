import { renderEmail } from "~/mail/layout.server";
import type { Rendered, TemplateInput } from "./template-input";

/**
 * Help emails say only that there is something to read on Tsunagu: the subject, the preview
 * and the body carry no topic, no words of hers or the team's, nothing someone glancing at her
 * phone (or an organizer's) could learn from. The rest waits behind the login.
 */
export async function renderHelpMessage(input: TemplateInput): Promise<Rendered> {
  const { t, locale, recipient, appUrl, kind } = input;
  const forOrganizers = kind === "help_waiting";
  const { html, text } = renderEmail(locale, t, {
    greetingName: recipient.displayName,
    paragraphs: [t("helpMail.body")],
    action: {
      label: t("helpMail.open"),
      url: new URL(forOrganizers ? "/organize/help" : "/help", appUrl).toString(),
    },
    unsubscribe: { label: t(`mail.unsubscribe.${kind}`), url: input.unsubscribeUrl },
  });
  return { mail: { to: recipient.email, subject: t("helpMail.subject"), html, text } };
}
