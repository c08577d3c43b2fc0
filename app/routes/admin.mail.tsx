import type { ActionFunctionArgs, LoaderFunctionArgs, LinksFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { requireRole } from "~/accounts/sessions.server";
import { Notice } from "~/components/forms";
import { db } from "~/db.server";
import { formatDateTime, intlLocale } from "~/i18n/format";
import { numberFormat } from "~/i18n/intl-cache";
import { getLocale } from "~/utils/locale.server";
import { isMessageKind } from "~/notifications/kinds";
import { deliveryOverview, retryFailedMessage } from "~/notifications/admin.server";
import { MAX_ATTEMPTS } from "~/notifications/sender.server";
import type { RouteHandle } from "~/utils/handle";
import { parseControlForm } from "~/utils/forms.server";
import { z } from "zod";
import organizeStyles from "~/styles/organize.css";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: organizeStyles }];

export const handle: RouteHandle = { titleKey: "adminMail.metaTitle" };

export async function loader({ request }: LoaderFunctionArgs) {
  await requireRole(request, "admin");
  const locale = await getLocale(request);
  const overview = await deliveryOverview(db());
  const number = numberFormat(intlLocale(locale));
  return json({
    counts: Object.fromEntries(
      Object.entries(overview.counts).map(([state, count]) => [state, number.format(count)]),
    ) as Record<keyof typeof overview.counts, string>,
    failed: overview.failed.map((m) => ({
      ...m,
      attempts: number.format(m.attempts),
      kind: isMessageKind(m.kind) ? m.kind : null,
      createdAt: formatDateTime(m.createdAt, locale),
    })),
  });
}

const retrySchema = z.object({ id: z.string().min(1).max(100) });

export async function action({ request }: ActionFunctionArgs) {
  await requireRole(request, "admin");
  const { id } = await parseControlForm(request, retrySchema);
  const retried = await retryFailedMessage(db(), id);
  return json({ retried });
}

export default function AdminMail() {
  const { t } = useTranslation();
  const { counts, failed } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const states = ["pending", "sent", "skipped", "failed"] as const;
  return (
    <div className="stack wide">
      <h1>{t("adminMail.title")}</h1>
      <p>{t("adminMail.intro", { count: MAX_ATTEMPTS })}</p>
      {actionData?.retried ? (
        <Notice>
          <p>{t("adminMail.retried")}</p>
        </Notice>
      ) : null}
      <section className="card stack" aria-labelledby="counts-title">
        <h2 id="counts-title">{t("adminMail.countsTitle")}</h2>
        <dl className="mail__meta">
          {states.map((state) => (
            <div key={state}>
              <dt>{t(`adminMail.${state}`)}</dt>
              <dd data-testid={`count-${state}`}>{counts[state]}</dd>
            </div>
          ))}
        </dl>
      </section>
      <section className="stack" aria-labelledby="failed-title">
        <h2 id="failed-title">{t("adminMail.failedTitle")}</h2>
        {failed.length === 0 ? <p>{t("adminMail.none")}</p> : null}
        {failed.map((message) => (
          <article key={message.id} className="card stack" data-testid="failed-mail">
            <dl className="mail__meta">
              <dt>{t("adminMail.kind")}</dt>
              <dd>{message.kind ? t(`mailKinds.${message.kind}`) : "?"}</dd>
              <dt>{t("adminMail.to")}</dt>
              <dd dir="ltr">{message.to}</dd>
              <dt>{t("adminMail.created")}</dt>
              <dd>{message.createdAt}</dd>
              <dt>{t("adminMail.tries")}</dt>
              <dd>{message.attempts}</dd>
              <dt>{t("adminMail.error")}</dt>
              <dd dir="ltr">{message.lastError}</dd>
            </dl>
            <Form method="post">
              <input type="hidden" name="id" value={message.id} />
              <button type="submit" className="button button--secondary">
                {t("adminMail.retry")}
              </button>
            </Form>
          </article>
        ))}
      </section>
    </div>
  );
}
