import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { requireRole } from "~/accounts/sessions.server";
import { findResources, resourceTextFor } from "~/care/directory.server";
import { attachedCards } from "~/care/help-cards.server";
import {
  closeRequest,
  helpViewer,
  openRequestAsOrganizer,
  replyToRequest,
  takeRequest,
  type HelpOutcomeResult,
} from "~/care/help-requests.server";
import { helpOutcomes, isUrgent, openStatuses, topicsFor } from "~/care/help-rules";
import { organizerActionSchema } from "~/care/help-schemas";
import { FormErrors, Notice, PlainChoices, PlainSelect, PlainTextarea } from "~/components/forms";
import { HelpStatus, HelpThread, RequestFactsList } from "~/components/help";
import { db } from "~/db.server";
import { formatDateTime } from "~/i18n/format";
import { getLocale } from "~/utils/locale.server";
import { firstFormError, parseForm } from "~/utils/forms.server";
import { neutralTitleKey, type RouteHandle } from "~/utils/handle";
import { helpOutcomeReply } from "~/utils/help-replies.server";
import { notFound } from "~/utils/http.server";

export const handle: RouteHandle = { titleKey: neutralTitleKey };

/** One request for an organizer who may see it. Every opening is recorded (who, when). */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user } = await requireRole(request, "organizer");
  const locale = await getLocale(request);
  const viewer = await helpViewer(db(), user.id);
  const view = await openRequestAsOrganizer(db(), viewer, params.id ?? "");
  if (!view) throw notFound();
  const showAll = new URL(request.url).searchParams.get("all") === "1";
  const [cards, entries] = await Promise.all([
    attachedCards(db(), view.messages, locale),
    findResources(
      db(),
      showAll ? {} : { topics: topicsFor(view.topic), languages: view.languages },
    ),
  ]);
  return json({
    locale,
    request: {
      ...view,
      open: openStatuses.includes(view.status as never),
      urgent: isUrgent(view),
      takenByMe: view.takenBy?.id === viewer.id,
      takenBy: view.takenBy?.displayName ?? null,
      when: formatDateTime(view.createdAt, locale),
      messages: view.messages.map((m) => ({ ...m, when: formatDateTime(m.createdAt, locale) })),
      reads: view.reads?.map((r) => ({ name: r.name, when: formatDateTime(r.at, locale) })) ?? null,
    },
    cards,
    showAll,
    entries: entries.map((r) => ({ id: r.id, name: resourceTextFor(r, locale).name })),
  });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { user } = await requireRole(request, "organizer");
  const { formData, submission } = await parseForm(request, organizerActionSchema);
  const typed = String(formData.get("body") ?? "");
  if (submission.status !== "success") {
    return json({ done: null, error: firstFormError(submission), typed }, { status: 400 });
  }
  const viewer = await helpViewer(db(), user.id);
  const id = params.id ?? "";
  const input = submission.value;
  let outcome: HelpOutcomeResult;
  switch (input.intent) {
    case "take":
      outcome = await takeRequest(db(), viewer, id);
      break;
    case "reply":
      outcome = await replyToRequest(db(), viewer, id, {
        body: input.body,
        signWithName: input.signAs === "name",
        resourceIds: input.resourceIds,
      });
      break;
    case "close":
      outcome = await closeRequest(db(), viewer, id, input.outcome);
      break;
  }
  return helpOutcomeReply(outcome, input.intent, typed);
}

export default function OrganizerHelpRequest() {
  const { t } = useTranslation();
  const { locale, request, cards, entries, showAll } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  return (
    <div className="stack narrow">
      <h1>{t(`careTopics.${request.topic}`)}</h1>
      {actionData?.done ? (
        <Notice>
          <p>{t(`helpOrg.done.${actionData.done}`)}</p>
        </Notice>
      ) : null}
      {actionData?.error ? <FormErrors id="help-error" errors={[actionData.error]} /> : null}
      {request.urgent && request.open ? (
        <p className="notice notice--error">{t("helpOrg.urgentNote")}</p>
      ) : null}
      <section className="card stack" aria-labelledby="request-facts">
        <h2 id="request-facts">{t("helpOrg.factsTitle")}</h2>
        <p>
          <HelpStatus status={request.status} />
          {request.outcome ? ` · ${t(`helpOrg.outcomes.${request.outcome}`)}` : ""}
        </p>
        <RequestFactsList
          request={request}
          locale={locale}
          before={
            <div>
              <dt>{t("helpOrg.who")}</dt>
              <dd dir="auto">{request.memberName ?? t("helpOrg.deletedAccount")}</dd>
            </div>
          }
          after={
            <div>
              <dt>{t("helpOrg.takenTitle")}</dt>
              <dd>
                {request.takenBy
                  ? t("helpOrg.takenBy", { name: request.takenBy })
                  : t("helpOrg.nobodyYet")}
              </dd>
            </div>
          }
        />
        {request.open && !request.takenByMe ? (
          <Form method="post" id="help-take">
            <input type="hidden" name="intent" value="take" />
            <button type="submit" className="button">
              {t(request.takenBy ? "helpOrg.takeOver" : "helpOrg.take")}
            </button>
          </Form>
        ) : null}
      </section>

      <section className="stack" aria-labelledby="thread-title">
        <h2 id="thread-title">{t("help.threadTitle")}</h2>
        <HelpThread
          messages={request.messages}
          cards={cards}
          mine={request.memberName ?? t("helpOrg.member")}
        />
      </section>

      {request.open ? (
        <>
          <Form method="post" className="card stack" id="help-reply">
            <input type="hidden" name="intent" value="reply" />
            <h2>{t("helpOrg.replyTitle")}</h2>
            <PlainTextarea
              id="reply-body"
              name="body"
              label={t("helpOrg.replyLabel")}
              rows={5}
              dir="auto"
              required
              defaultValue={actionData?.typed ?? ""}
              // A new key after a sent reply empties the box (its defaultValue alone would not).
              key={actionData?.done ?? "typing"}
            />
            <PlainChoices
              legend={t("helpOrg.signLegend")}
              name="signAs"
              type="radio"
              options={[
                { value: "team", label: t("helpOrg.signTeam") },
                { value: "name", label: t("helpOrg.signName") },
              ]}
              checked={["team"]}
            />
            <PlainChoices
              legend={t("helpOrg.attachLegend")}
              hint={
                <>
                  {t(showAll ? "helpOrg.attachAllHint" : "helpOrg.attachHint")}{" "}
                  <Link to={showAll ? "?" : "?all=1"}>
                    {t(showAll ? "helpOrg.showMatches" : "helpOrg.showAll")}
                  </Link>
                </>
              }
              hintId="attach-hint"
              name="resourceIds"
              type="checkbox"
              options={entries.map((entry) => ({
                value: entry.id,
                label: <span dir="auto">{entry.name}</span>,
              }))}
              grid
            >
              {entries.length === 0 ? <p className="muted">{t("helpOrg.noEntries")}</p> : null}
            </PlainChoices>
            <button type="submit" className="button">
              {t("helpOrg.replySubmit")}
            </button>
          </Form>

          <Form method="post" className="card stack" id="help-close">
            <input type="hidden" name="intent" value="close" />
            <h2>{t("helpOrg.closeTitle")}</h2>
            <PlainSelect
              id="close-outcome"
              name="outcome"
              label={t("helpOrg.outcomeLabel")}
              defaultValue="helped"
            >
              {helpOutcomes.map((o) => (
                <option key={o} value={o}>
                  {t(`helpOrg.outcomes.${o}`)}
                </option>
              ))}
            </PlainSelect>
            <button type="submit" className="button button--secondary">
              {t("helpOrg.closeSubmit")}
            </button>
          </Form>
        </>
      ) : null}
      {request.reads ? (
        <section className="card stack" aria-labelledby="reads-title">
          <h2 id="reads-title">{t("helpOrg.readsTitle")}</h2>
          <ul className="plain-list">
            {request.reads.map((r, i) => (
              <li key={i}>
                {t("helpOrg.readLine", {
                  name: r.name ?? t("helpOrg.deletedAccount"),
                  when: r.when,
                })}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <p>
        <Link to="/organize/help">{t("helpOrg.back")}</Link>
      </p>
    </div>
  );
}
