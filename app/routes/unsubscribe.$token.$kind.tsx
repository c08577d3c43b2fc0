import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { Notice } from "~/components/forms";
import { db } from "~/db.server";
import { isMessageKind } from "~/notifications/kinds";
import { findByMailToken, setSubscribed } from "~/notifications/preferences.server";
import type { RouteHandle } from "~/utils/handle";
import { readForm } from "~/utils/forms.server";

export const handle: RouteHandle = { titleKey: "unsubscribe.metaTitle" };

/**
 * The link in every email's footer and List-Unsubscribe header. The secret token stands in for
 * a login, so it works from any device; the page names the kind of email, never the person.
 */
export async function loader({ params }: LoaderFunctionArgs) {
  const kind = params.kind;
  const person = await findByMailToken(db(), params.token ?? "");
  if (!person || !isMessageKind(kind)) return json({ valid: false as const }, { status: 404 });
  return json({ valid: true as const, kind });
}

/**
 * Both the page's buttons and RFC 8058 one-click requests from mail apps (a POST with
 * `List-Unsubscribe=One-Click` and no intent) land here; either way no login is needed.
 */
export async function action({ request, params }: ActionFunctionArgs) {
  const kind = params.kind;
  // Mail providers' one-click POSTs carry `List-Unsubscribe=One-Click`, or nothing we need.
  const form = await readForm(request, { ignoreOtherTypes: true });
  const subscribe = form.get("intent") === "resubscribe";
  const ok =
    isMessageKind(kind) && (await setSubscribed(db(), params.token ?? "", kind, subscribe));
  if (!ok) return json({ done: null }, { status: 404 });
  return json({ done: subscribe ? ("resubscribed" as const) : ("unsubscribed" as const) });
}

export default function Unsubscribe() {
  const { t } = useTranslation();
  const data = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  if (!data.valid || actionData?.done === null) {
    return (
      <div className="stack narrow">
        <h1>{t("unsubscribe.invalidTitle")}</h1>
        <p>{t("unsubscribe.invalid")}</p>
        <p>
          <Link to="/settings#emails">{t("unsubscribe.settingsLink")}</Link>
        </p>
      </div>
    );
  }
  const what = t(`mailKinds.${data.kind}`);
  const done = actionData?.done;
  return (
    <div className="stack narrow">
      <h1>{t("unsubscribe.title")}</h1>
      {done ? (
        <Notice>
          <p>
            {done === "unsubscribed"
              ? t("unsubscribe.done", { what })
              : t("unsubscribe.resubscribed", { what })}
          </p>
        </Notice>
      ) : (
        <p>{t("unsubscribe.question", { what })}</p>
      )}
      {data.kind === "password_reset" && done !== "resubscribed" ? (
        <p>{t("unsubscribe.resetWarning")}</p>
      ) : null}
      <Form method="post" className="stack">
        {done === "unsubscribed" ? (
          <button
            type="submit"
            name="intent"
            value="resubscribe"
            className="button button--secondary"
          >
            {t("unsubscribe.undo")}
          </button>
        ) : (
          <button type="submit" name="intent" value="unsubscribe" className="button">
            {t("unsubscribe.confirm")}
          </button>
        )}
      </Form>
      <p>
        <Link to="/settings#emails">{t("unsubscribe.settingsLink")}</Link>
      </p>
    </div>
  );
}
