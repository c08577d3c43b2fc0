import { textFor } from "~/events/events.server";
import { formatDay, formatTime } from "~/i18n/format";
import { renderEmail } from "~/mail/layout.server";
import type { Rendered, TemplateInput } from "~/notifications/template-input";

const NEXT_EVENTS = 3;

/**
 * The hello to someone we have not seen for a while: warm, short, in their language, with the
 * next few events and the quiet way to ask for help. Nothing in it says why it was sent beyond
 * "we have not seen you", and the subject is a plain hello.
 */
export async function renderQuietHello(input: TemplateInput): Promise<Rendered> {
  const { db, locale, t, recipient, appUrl } = input;
  const hello = await db.quietHello.findUnique({ where: { id: input.payload.helloId ?? "" } });
  if (!hello) return { skip: "The hello no longer exists." };
  const events = await db.event.findMany({
    where: { startsAt: { gt: new Date() }, status: "scheduled" },
    orderBy: { startsAt: "asc" },
    take: NEXT_EVENTS,
    include: { translations: true },
  });
  const paragraphs = [t("quietMail.body")];
  if (events.length) {
    paragraphs.push(t("quietMail.nextEvents"));
    for (const event of events) {
      paragraphs.push(
        t("quietMail.eventLine", {
          title: textFor(event, locale).title,
          day: formatDay(event.startsAt, locale, event.timeZone),
          time: formatTime(event.startsAt, locale, event.timeZone),
        }),
      );
    }
  }
  const { html, text } = renderEmail(locale, t, {
    greetingName: recipient.displayName,
    paragraphs,
    action: { label: t("quietMail.seeEvents"), url: new URL("/events", appUrl).toString() },
    moreLinks: [{ label: t("quietMail.help"), url: new URL("/help", appUrl).toString() }],
    afterword: t("quietMail.noReply"),
    unsubscribe: { label: t("mail.unsubscribe.quiet_hello"), url: input.unsubscribeUrl },
  });
  return { mail: { to: recipient.email, subject: t("mail.subject.quiet_hello"), html, text } };
}
