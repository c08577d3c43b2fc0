import type { TFunction } from "i18next";
import { directionOf, type Locale } from "~/i18n/config";

function escapeHtml(value: string): string {
  return value
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&#39;");
}

export type EmailContent = {
  greetingName: string;
  paragraphs: string[];
  action?: { label: string; url: string };
  /** Further links, after the button: plain links with their address written out. */
  moreLinks?: { label: string; url: string }[];
  afterword?: string;
  /** The one-click link to stop this kind of message (also sent as List-Unsubscribe). */
  unsubscribe?: { label: string; url: string };
};

/**
 * One plain, phone-width layout for every message: inline styles only (mail clients drop
 * stylesheets), `dir` set for Persian and Arabic, and a plain-text twin.
 */
export function renderEmail(
  locale: Locale,
  t: TFunction,
  content: EmailContent,
): { html: string; text: string } {
  const dir = directionOf(locale);
  const greeting = t("mail.greeting", { name: content.greetingName });
  const blocks = [
    `<p>${escapeHtml(greeting)}</p>`,
    ...content.paragraphs.map((p) => `<p>${escapeHtml(p)}</p>`),
    content.action
      ? `<p><a href="${escapeHtml(content.action.url)}" style="display:inline-block;padding:12px 20px;background:#1f5f5b;color:#ffffff;border-radius:8px;text-decoration:none;font-weight:bold">${escapeHtml(content.action.label)}</a></p>` +
        `<p dir="ltr" style="font-size:14px;color:#555555;word-break:break-all;text-align:left">${escapeHtml(content.action.url)}</p>`
      : "",
    ...(content.moreLinks ?? []).map(
      (link) =>
        `<p><a href="${escapeHtml(link.url)}" style="color:#1f5f5b">${escapeHtml(link.label)}</a><br>` +
        `<span dir="ltr" style="font-size:14px;color:#555555;word-break:break-all">${escapeHtml(link.url)}</span></p>`,
    ),
    content.afterword ? `<p>${escapeHtml(content.afterword)}</p>` : "",
    `<p>${escapeHtml(t("mail.signature"))}</p>`,
    `<hr style="border:none;border-top:1px solid #dddddd"><p style="font-size:13px;color:#666666">${escapeHtml(t("mail.footer"))}</p>`,
    content.unsubscribe
      ? `<p style="font-size:13px"><a href="${escapeHtml(content.unsubscribe.url)}" style="color:#555555">${escapeHtml(content.unsubscribe.label)}</a></p>`
      : "",
  ];
  const html =
    `<!doctype html><html lang="${locale}" dir="${dir}"><head><meta charset="utf-8">` +
    `<meta name="viewport" content="width=device-width,initial-scale=1"></head>` +
    `<body style="margin:0;padding:16px;background:#f7f4ef">` +
    `<div dir="${dir}" style="max-width:560px;margin:0 auto;padding:20px;background:#ffffff;border-radius:12px;font-family:system-ui,sans-serif;font-size:16px;line-height:1.6;color:#222222;text-align:start">` +
    blocks.join("") +
    `</div></body></html>`;
  const text = [
    greeting,
    ...content.paragraphs,
    ...(content.action ? [`${content.action.label}: ${content.action.url}`] : []),
    ...(content.moreLinks ?? []).map((link) => `${link.label}: ${link.url}`),
    ...(content.afterword ? [content.afterword] : []),
    t("mail.signature"),
    "--",
    t("mail.footer"),
    ...(content.unsubscribe ? [`${content.unsubscribe.label}: ${content.unsubscribe.url}`] : []),
  ].join("\n\n");
  return { html, text };
}
