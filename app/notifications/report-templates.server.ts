import { renderEmail } from "~/mail/layout.server";
import type { Rendered, TemplateInput } from "./template-input";

/**
 * A report waiting two days: the subject and body say only that something on Tsunagu is
 * waiting (anyone may see a phone's notifications), never what, about whom or from whom.
 */
export async function renderReportMessage(input: TemplateInput): Promise<Rendered> {
  const { locale, t, recipient, appUrl } = input;
  const { html, text } = renderEmail(locale, t, {
    greetingName: recipient.displayName,
    paragraphs: [t("reportMail.body")],
    // To the dashboard, which says that messages are waiting: even the link's address in the
    // email must not name what it is about.
    action: { label: t("reportMail.action"), url: new URL("/organize", appUrl).toString() },
    unsubscribe: { label: t("reportMail.unsubscribe"), url: input.unsubscribeUrl },
  });
  return { mail: { to: recipient.email, subject: t("reportMail.subject"), html, text } };
}
