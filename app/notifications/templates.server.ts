import type { TFunction } from "i18next";
import { renderQuietHello } from "~/care/quiet-mail.server";
import { renderSignupMessage } from "~/accounts/signup-mail.server";
import { memberEventFile, placeFor } from "~/calendar/feeds.server";
import { textFor } from "~/events/events.server";
import { mayKnowPlace } from "~/events/privacy";
import { waitingPlace } from "~/events/rsvp.server";
import { formatDay, formatMonthDay, formatTime } from "~/i18n/format";
import type { Locale } from "~/i18n/config";
import { renderEmail } from "~/mail/layout.server";
import type { Mail } from "~/mail/mail.server";
import type { MessageKind } from "./kinds";
import { passwordResetMail } from "./password-reset-template.server";
import type { Rendered, TemplateInput } from "./template-input";
import { renderHelpMessage } from "./help-templates.server";
import { renderMentoringMessage } from "./mentoring-templates.server";
import { renderKeepApartAlert } from "~/safety/alert-mail.server";
import { renderReportMessage } from "./report-templates.server";

/**
 * Subjects name the kind of gathering in neutral words ("Café on 14 June") and never the
 * event's own title, so a glance at a lock screen reveals nothing about refugees or support.
 */
function subjectFor(
  kind: MessageKind,
  t: TFunction,
  event: { kind: string; startsAt: Date; timeZone: string },
  locale: Locale,
): string {
  const what = t(`mail.gathering.${event.kind}`);
  const date = formatMonthDay(event.startsAt, locale, event.timeZone);
  return t(`mail.subject.${kind}`, { what, date });
}

async function renderEventMessage(input: TemplateInput): Promise<Rendered> {
  const { db, kind, locale, t, recipient, appUrl } = input;
  const eventId = input.payload.eventId ?? "";
  const event = await db.event.findUnique({
    where: { id: eventId },
    include: { translations: true },
  });
  if (!event) return { skip: "The event no longer exists." };
  const rsvp = await db.rsvp.findUnique({
    where: { eventId_userId: { eventId, userId: recipient.id } },
    select: { id: true, status: true },
  });
  const current = rsvp?.status ?? null;
  // A waiting-list notice is written as from the waiting list, even if a seat came in the
  // moment since it was checked: it must never carry an address only people with a place see.
  const status = kind === "rsvp_waitlisted" ? "waitlisted" : current;

  const title = textFor(event, locale).title;
  const knowsPlace = mayKnowPlace(event, { isOrganizer: false, status });
  const when = t("mail.when", {
    day: formatDay(event.startsAt, locale, event.timeZone),
    start: formatTime(event.startsAt, locale, event.timeZone),
    end: formatTime(event.endsAt, locale, event.timeZone),
  });
  const place = placeFor(event, knowsPlace);
  const where = place ? t("mail.where", { place }) : "";
  const addressLater =
    !knowsPlace && (event.venueAddress || event.onlineUrl) ? t("mail.addressLater") : "";

  const paragraphs: string[] = [];
  switch (kind) {
    case "rsvp_confirmed":
      paragraphs.push(t("mail.confirmedBody", { title }));
      break;
    case "rsvp_waitlisted": {
      let position: number | null = null;
      if (current === "waitlisted" && rsvp) position = await waitingPlace(db, eventId, rsvp.id);
      paragraphs.push(
        position === null
          ? t("mail.waitlistedBody", { title })
          : t("mail.waitlistedBodyPosition", { title, position }),
      );
      break;
    }
    case "rsvp_promoted":
      paragraphs.push(t("mail.promotedBody", { title }));
      break;
    case "event_changed":
      paragraphs.push(t("mail.changedBody", { title }));
      break;
    case "event_cancelled":
      paragraphs.push(
        t("mail.cancelledBody", { title, day: formatDay(event.startsAt, locale, event.timeZone) }),
      );
      break;
    case "event_reminder":
      paragraphs.push(t("mail.reminderBody", { title }));
      break;
  }
  if (kind !== "event_cancelled") {
    paragraphs.push(when, ...(where ? [where] : []), ...(addressLater ? [addressLater] : []));
  }
  const attachCalendar =
    kind === "rsvp_confirmed" || kind === "rsvp_promoted" || kind === "event_changed";
  if (attachCalendar) paragraphs.push(t("mail.calendarAttached"));
  const afterword =
    kind === "event_cancelled"
      ? t("mail.cancelledAfterword")
      : status === "going" || status === "waitlisted"
        ? t("mail.cantComeAfterword")
        : undefined;

  const { html, text } = renderEmail(locale, t, {
    greetingName: recipient.displayName,
    paragraphs,
    action: {
      label: t(kind === "event_cancelled" ? "mail.seeOtherEvents" : "mail.seeEvent"),
      url: new URL(
        kind === "event_cancelled" ? "/events" : `/events/${event.id}`,
        appUrl,
      ).toString(),
    },
    afterword,
    unsubscribe: { label: t(`mail.unsubscribe.${kind}`), url: input.unsubscribeUrl },
  });

  const mail: Mail = {
    to: recipient.email,
    subject: subjectFor(kind, t, event, locale),
    html,
    text,
  };
  if (attachCalendar) {
    const file = await memberEventFile(db, event, {
      userId: recipient.id,
      locale,
      t,
      appUrl,
      knowsPlace,
      tentative: status === "waitlisted",
    });
    mail.attachments = [
      {
        filename: "event.ics",
        contentType: "text/calendar; charset=utf-8",
        contentBase64: Buffer.from(file).toString("base64"),
      },
    ];
  }
  return { mail };
}

export async function renderMessage(input: TemplateInput): Promise<Rendered> {
  if (input.kind === "password_reset") {
    const url = new URL("/reset-password", input.appUrl);
    url.searchParams.set("token", input.payload.token ?? "");
    const mail = passwordResetMail(input.locale, input.t, input.recipient, url.toString(), {
      label: input.t("mail.unsubscribe.password_reset"),
      url: input.unsubscribeUrl,
    });
    return { mail };
  }
  if (input.kind.startsWith("mentoring_")) return renderMentoringMessage(input);
  if (input.kind.startsWith("signup_")) return renderSignupMessage(input);
  if (input.kind === "organizer_notice") return renderKeepApartAlert(input);
  if (input.kind === "quiet_hello") return renderQuietHello(input);
  if (input.kind === "waiting_reminder") return renderReportMessage(input);
  if (input.kind.startsWith("help_")) return renderHelpMessage(input);
  return renderEventMessage(input);
}
