import { describe, expect, it } from "vitest";
import { hashConfirmationToken } from "~/accounts/signup.server";
import { db } from "~/db.server";
import { cancelEvent, createEvent } from "~/events/events.server";
import { answerGoing } from "~/events/rsvp.server";
import { supportedLocales } from "~/i18n/config";
import { getFixedT } from "~/i18n/i18next.server";
import { saveProfile } from "~/mentorship/profiles.server";
import { approveMentor, publishDraft, runMatching } from "~/mentorship/workflow.server";
import { messageKinds, type MessageKind } from "~/notifications/kinds";
import { renderMessage } from "~/notifications/templates.server";
import { daysAhead, eventInput } from "../support/fixtures";
import { menteeInput, mentorInput } from "../support/mentoring";
import { createPerson } from "../support/people";

/**
 * Every kind of email in every language renders completely: no {{placeholder}} left behind,
 * a subject, and the recipient's direction. Each template is given the state it expects.
 */
describe("every email in every language", () => {
  it("renders with all its words filled in", async () => {
    const organizer = await createPerson({ role: "organizer" });
    const person = await createPerson();
    const created = await createEvent(db(), eventInput({ date: daysAhead(5) }), organizer.id);
    if (!created.ok) throw new Error("no event");
    const eventId = created.eventId;
    await answerGoing(db(), {
      eventId,
      userId: person.id,
      children: 0,
      guests: 0,
      interpretation: null,
      note: "",
    });
    const mentor = await createPerson();
    await saveProfile(db(), person.id, menteeInput(), "en");
    await saveProfile(db(), mentor.id, mentorInput(), "en");
    await approveMentor(db(), organizer.id, mentor.id);
    await runMatching(db(), organizer.id);
    await publishDraft(db());
    const match = await db().mentoringMatch.findFirstOrThrow();
    const hello = await db().quietHello.create({
      data: { userId: person.id, sentById: organizer.id, sentAt: new Date() },
    });

    // What each template needs to find for it still to apply when it is sent.
    const states: Partial<Record<MessageKind, () => Promise<unknown>>> = {
      mentoring_introduction: () =>
        db().mentoringMatch.update({ where: { id: match.id }, data: { status: "active" } }),
      mentoring_not_going_ahead: () =>
        db().mentoringMatch.update({ where: { id: match.id }, data: { status: "declined" } }),
      mentoring_ended: () =>
        db().mentoringMatch.update({ where: { id: match.id }, data: { status: "ended" } }),
      mentoring_checkin: () =>
        db().mentoringMatch.update({
          where: { id: match.id },
          data: { status: "active", checkInDueAt: new Date() },
        }),
      mentoring_rematch: () =>
        db().mentoringMatch.update({ where: { id: match.id }, data: { status: "active" } }),
      event_cancelled: () => cancelEvent(db(), eventId),
      signup_confirm: () =>
        db().signupConfirmation.create({
          data: {
            tokenHash: hashConfirmationToken("reset-token"),
            userId: person.id,
            expiresAt: new Date(Date.now() + 60_000),
          },
        }),
    };
    const rendered: string[] = [];
    // The cancellation last: after it, the other event emails rightly have nothing to say.
    const order = [
      ...messageKinds.filter((k) => k !== "event_cancelled"),
      "event_cancelled",
    ] as const;
    for (const kind of order) {
      await states[kind]?.();
      for (const locale of supportedLocales) {
        const out = await renderMessage({
          db: db(),
          kind,
          payload: {
            eventId,
            matchId: match.id,
            helloId: hello.id,
            token: "reset-token",
            startsAt: (
              await db().event.findUniqueOrThrow({ where: { id: eventId } })
            ).startsAt.toISOString(),
          },
          recipient: kind === "mentoring_rematch" ? organizer : person,
          locale,
          t: await getFixedT(locale),
          appUrl: "https://tsunagu.example",
          unsubscribeUrl: `https://tsunagu.example/unsubscribe/x/${kind}`,
        });
        if ("skip" in out) throw new Error(`${kind} in ${locale} was skipped: ${out.skip}`);
        const { subject, html, text } = out.mail;
        expect(subject.length, `${kind} ${locale}`).toBeGreaterThan(3);
        expect(subject + html + text, `${kind} ${locale}`).not.toMatch(/\{\{|\}\}/);
        expect(html).toContain(`/unsubscribe/x/${kind}`);
        if (locale === "fa" || locale === "ar") expect(html).toContain('dir="rtl"');
        rendered.push(`${kind}:${locale}`);
      }
    }
    expect(rendered).toHaveLength(messageKinds.length * supportedLocales.length);
  });
});
