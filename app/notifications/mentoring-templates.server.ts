import { formatDay } from "~/i18n/format";
import { renderEmail } from "~/mail/layout.server";
import type { Rendered, TemplateInput } from "./template-input";

/**
 * Mentoring emails name the other person by display name only (which each may already see)
 * and never carry contact details, the "about me" or why a match ended: those stay behind the
 * login on /mentoring, where the rules of who may see what are enforced.
 */
export async function renderMentoringMessage(input: TemplateInput): Promise<Rendered> {
  const { db, kind, locale, t, recipient, appUrl } = input;
  const match = await db.mentoringMatch.findUnique({
    where: { id: input.payload.matchId ?? "" },
    include: {
      mentee: { select: { displayName: true } },
      mentor: { select: { displayName: true } },
    },
  });
  // Whether the match still calls for this email was checked just before (relevance.server).
  if (!match) return { skip: "The match no longer exists." };

  const side = recipient.id === match.menteeId ? "mentee" : "mentor";
  const answerBy = match.expiresAt ? formatDay(match.expiresAt, locale) : "";
  const name = side === "mentee" ? match.mentor.displayName : match.mentee.displayName;
  const paragraphs: string[] = [];
  switch (kind) {
    case "mentoring_proposed":
      paragraphs.push(
        t(side === "mentee" ? "mail.mentoring.proposedMentee" : "mail.mentoring.proposedMentor", {
          name,
          date: answerBy,
        }),
      );
      break;
    case "mentoring_introduction":
      paragraphs.push(t("mail.mentoring.introduction", { name }));
      break;
    case "mentoring_not_going_ahead":
      paragraphs.push(t("mail.mentoring.notGoingAhead"));
      break;
    case "mentoring_ended":
      paragraphs.push(t("mail.mentoring.ended", { name }));
      break;
    case "mentoring_checkin":
      paragraphs.push(t("mail.mentoring.checkin", { name }));
      break;
    case "mentoring_rematch":
      paragraphs.push(t("mail.mentoring.rematch"));
      break;
  }
  const forOrganizers = kind === "mentoring_rematch";
  const { html, text } = renderEmail(locale, t, {
    greetingName: recipient.displayName,
    paragraphs,
    action: {
      label: t(forOrganizers ? "mail.mentoring.openDashboard" : "mail.mentoring.openPage"),
      url: new URL(forOrganizers ? "/organize/mentoring" : "/mentoring", appUrl).toString(),
    },
    unsubscribe: { label: t(`mail.unsubscribe.${kind}`), url: input.unsubscribeUrl },
  });
  return {
    mail: {
      to: recipient.email,
      subject: t(`mail.subject.${kind}`, { date: answerBy }),
      html,
      text,
    },
  };
}
