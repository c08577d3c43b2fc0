import type { LoaderFunctionArgs } from "@remix-run/node";
import { db } from "~/db.server";
import { env } from "~/env.server";
import { notFound } from "~/utils/http.server";

/**
 * One kept email as its own document, for the dev mailbox's sandboxed preview frame. It gets
 * its own Content-Security-Policy from server/security-headers.js (inline styles, nothing that
 * runs), so the mailbox page keeps the site's strict one.
 */
export async function loader({ params }: LoaderFunctionArgs) {
  if (!env().devMailboxEnabled) throw notFound();
  const mail = await db().devMail.findUnique({ where: { id: params.id ?? "" } });
  if (!mail) throw notFound();
  // Links open in a new tab instead of inside the preview.
  const html = mail.html.replace("<head>", '<head><base target="_blank">');
  return new Response(html, {
    headers: { "Content-Type": "text/html; charset=utf-8", "Cache-Control": "no-store" },
  });
}
