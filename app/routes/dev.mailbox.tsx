import type { LoaderFunctionArgs, LinksFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { db } from "~/db.server";
import { env } from "~/env.server";
import { intlLocale } from "~/i18n/format";
import { dateTimeFormat } from "~/i18n/intl-cache";
import { getLocale } from "~/utils/locale.server";
import type { MailAttachment } from "~/mail/mail.server";
import type { RouteHandle } from "~/utils/handle";
import { notFound } from "~/utils/http.server";
import organizeStyles from "~/styles/organize.css";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: organizeStyles }];

export const handle: RouteHandle = { titleKey: "mailbox.metaTitle" };

const SHOWN = 30;

function unsubscribeLinkIn(headers: Record<string, string>): string | null {
  return headers["List-Unsubscribe"]?.match(/^<(.+)>$/)?.[1] ?? null;
}

/** Emails kept instead of sent (demo and development only; production answers 404). */
export async function loader({ request }: LoaderFunctionArgs) {
  if (!env().devMailboxEnabled) throw notFound();
  const locale = intlLocale(await getLocale(request));
  const mails = await db().devMail.findMany({ orderBy: { createdAt: "desc" }, take: SHOWN });
  const format = dateTimeFormat(locale, {
    dateStyle: "medium",
    timeStyle: "short",
    timeZone: "Asia/Tokyo",
  });
  return json({
    mails: mails.map((m) => ({
      id: m.id,
      to: m.to,
      subject: m.subject,
      previewUrl: `/dev/mailbox/${m.id}/html`,
      text: m.text,
      sentAt: format.format(m.createdAt),
      attachments: (JSON.parse(m.attachments) as MailAttachment[]).map((a, index) => ({
        filename: a.filename,
        url: `/dev/mailbox/${m.id}/${index}`,
      })),
      unsubscribe: unsubscribeLinkIn(JSON.parse(m.headers) as Record<string, string>),
    })),
  });
}

export default function DevMailbox() {
  const { t } = useTranslation();
  const { mails } = useLoaderData<typeof loader>();
  return (
    <div className="stack wide">
      <h1>{t("mailbox.title")}</h1>
      <p>{t("mailbox.intro")}</p>
      {mails.length === 0 ? <p>{t("mailbox.empty")}</p> : null}
      {mails.map((mail) => (
        <article key={mail.id} className="card stack mail" data-testid="dev-mail">
          <h2 dir="auto">{mail.subject}</h2>
          <dl className="mail__meta">
            <dt>{t("mailbox.to")}</dt>
            <dd dir="ltr">{mail.to}</dd>
            <dt>{t("mailbox.sentAt")}</dt>
            <dd>{mail.sentAt}</dd>
          </dl>
          {mail.attachments.length > 0 ? (
            <p>
              <strong>{t("mailbox.attachments")}</strong>{" "}
              {mail.attachments.map((a) => (
                <a key={a.url} href={a.url} download={a.filename} dir="ltr">
                  {a.filename}
                </a>
              ))}
            </p>
          ) : null}
          {mail.unsubscribe ? (
            <p>
              <a href={mail.unsubscribe}>{t("mailbox.unsubscribeHeader")}</a>
            </p>
          ) : null}
          <iframe
            title={mail.subject}
            src={mail.previewUrl}
            sandbox="allow-popups allow-popups-to-escape-sandbox"
            loading="lazy"
            className="mail__preview"
          />
          <details>
            <summary>{t("mailbox.plainText")}</summary>
            <pre dir="auto" className="mail__text">
              {mail.text}
            </pre>
          </details>
        </article>
      ))}
    </div>
  );
}
