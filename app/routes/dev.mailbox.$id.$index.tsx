import type { LoaderFunctionArgs } from "@remix-run/node";
import { db } from "~/db.server";
import { env } from "~/env.server";
import type { MailAttachment } from "~/mail/mail.server";
import { notFound } from "~/utils/http.server";

/** An attachment of a kept message, as the recipient's mail app would offer it. */
export async function loader({ params }: LoaderFunctionArgs) {
  if (!env().devMailboxEnabled) throw notFound();
  const mail = await db().devMail.findUnique({ where: { id: params.id ?? "" } });
  const attachment = mail
    ? (JSON.parse(mail.attachments) as MailAttachment[])[Number(params.index)]
    : undefined;
  if (!attachment) throw notFound();
  return new Response(Buffer.from(attachment.contentBase64, "base64"), {
    headers: {
      "Content-Type": attachment.contentType,
      "Content-Disposition": `attachment; filename="${attachment.filename.replace(/"/g, "")}"`,
      "Cache-Control": "no-store",
    },
  });
}
