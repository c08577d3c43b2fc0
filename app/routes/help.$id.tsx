import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { requireUser } from "~/accounts/sessions.server";
import { attachedCards, matchingCards } from "~/care/help-cards.server";
import {
  addMemberMessage,
  endByMember,
  memberRequestView,
  type HelpOutcomeResult,
} from "~/care/help-requests.server";
import { isUrgent, openStatuses } from "~/care/help-rules";
import { memberActionSchema } from "~/care/help-schemas";
import { FormErrors, Notice } from "~/components/forms";
import {
  EmergencyNumbers,
  HelpStatus,
  HelpThread,
  RequestFactsList,
  ResourceCardView,
} from "~/components/help";
import { db } from "~/db.server";
import { formatDateTime } from "~/i18n/format";
import { getLocale } from "~/utils/locale.server";
import { firstFormError, parseForm } from "~/utils/forms.server";
import { neutralTitleKey, type RouteHandle } from "~/utils/handle";
import { helpOutcomeReply } from "~/utils/help-replies.server";
import { notFound } from "~/utils/http.server";
import { PlainTextarea } from "~/components/fields";

export const handle: RouteHandle = { titleKey: neutralTitleKey };

/** Her request: its state, the private thread, and at once the help that matches it. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user } = await requireUser(request);
  const locale = await getLocale(request);
  const view = await memberRequestView(db(), user.id, params.id ?? "");
  if (!view) throw notFound();
  const open = openStatuses.includes(view.status as never);
  const [cards, matches] = await Promise.all([
    attachedCards(db(), view.messages, locale),
    open ? matchingCards(db(), view, locale) : Promise.resolve([]),
  ]);
  return json({
    locale,
    request: {
      ...view,
      open,
      urgent: isUrgent(view),
      when: formatDateTime(view.createdAt, locale),
      messages: view.messages.map((m) => ({ ...m, when: formatDateTime(m.createdAt, locale) })),
    },
    cards,
    matches,
    sent: new URL(request.url).searchParams.get("sent") === "1",
  });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { user } = await requireUser(request);
  const { formData, submission } = await parseForm(request, memberActionSchema);
  const typed = String(formData.get("body") ?? "");
  if (submission.status !== "success") {
    return json({ done: null, error: firstFormError(submission), typed }, { status: 400 });
  }
  const id = params.id ?? "";
  const input = submission.value;
  let outcome: HelpOutcomeResult;
  if (input.intent === "add") outcome = await addMemberMessage(db(), user.id, id, input.body);
  else outcome = await endByMember(db(), user.id, id, input.intent);
  return helpOutcomeReply(outcome, input.intent, typed);
}

export default function HelpRequestPage() {
  const { t } = useTranslation();
  const { locale, request, cards, matches, sent } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  return (
    <div className="stack narrow">
      {request.urgent && request.open ? (
        <>
          <EmergencyNumbers />
          {matches.length ? (
            <section className="stack" aria-labelledby="matching-now">
              <h2 id="matching-now">{t("help.matchesUrgentTitle")}</h2>
              {matches.map((card) => (
                <ResourceCardView key={card.id} card={card} />
              ))}
            </section>
          ) : null}
        </>
      ) : null}

      <h1>{t("help.requestTitle")}</h1>
      {sent ? (
        <Notice>
          <p>{t("help.sentNotice")}</p>
        </Notice>
      ) : null}
      {actionData?.done ? (
        <Notice>
          <p>{t(`help.done.${actionData.done}`)}</p>
        </Notice>
      ) : null}
      {actionData?.error ? <FormErrors id="help-error" errors={[actionData.error]} /> : null}

      <section className="card stack" aria-labelledby="request-state">
        <h2 id="request-state">{t(`careTopics.${request.topic}`)}</h2>
        <p>
          <HelpStatus status={request.status} />
        </p>
        <p className="muted">{t(`help.statusHint.${request.status}`)}</p>
        {request.seenByTeam ? <p>{t("help.seenByTeam")}</p> : null}
        <RequestFactsList request={request} locale={locale} />
      </section>

      <section className="stack" aria-labelledby="thread-title">
        <h2 id="thread-title">{t("help.threadTitle")}</h2>
        <HelpThread messages={request.messages} cards={cards} mine={t("help.you")} />
      </section>

      {request.open ? (
        <>
          <Form method="post" className="card stack" id="help-add">
            <input type="hidden" name="intent" value="add" />
            <PlainTextarea
              id="help-add-body"
              name="body"
              label={t("help.addLabel")}
              rows={4}
              dir="auto"
              required
              defaultValue={actionData?.typed ?? ""}
              // A new key after a sent message empties the box (its defaultValue alone would not).
              key={actionData?.done ?? "typing"}
            />
            <button type="submit" className="button">
              {t("help.addSubmit")}
            </button>
          </Form>
          <div className="card stack">
            {request.status === "answered" ? (
              <Form method="post" id="help-close">
                <input type="hidden" name="intent" value="close" />
                <p className="muted">{t("help.closeHint")}</p>
                <button type="submit" className="button button--secondary">
                  {t("help.closeSubmit")}
                </button>
              </Form>
            ) : null}
            <Form method="post" id="help-withdraw">
              <input type="hidden" name="intent" value="withdraw" />
              <p className="muted">{t("help.withdrawHint")}</p>
              <button type="submit" className="button button--secondary">
                {t("help.withdrawSubmit")}
              </button>
            </Form>
          </div>
        </>
      ) : null}

      {!request.urgent && request.open && matches.length ? (
        <section className="stack" aria-labelledby="matching-later">
          <h2 id="matching-later">{t("help.matchesTitle")}</h2>
          {matches.map((card) => (
            <ResourceCardView key={card.id} card={card} />
          ))}
        </section>
      ) : null}
      <p>
        <Link to={`/report?about=help:${request.id}`}>{t("report.fromHelp")}</Link>
      </p>
      <p>
        <Link to="/help">{t("help.back")}</Link>
      </p>
    </div>
  );
}
