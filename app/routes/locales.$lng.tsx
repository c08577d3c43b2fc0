import type { LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { isLocale } from "~/i18n/config";
import { messages, messagesVersion } from "~/i18n/resources.server";

/** Translations for the browser. URLs carry the content version, so they can be cached for good. */
export function loader({ params, request }: LoaderFunctionArgs) {
  if (!isLocale(params.lng)) throw new Response("Unknown language", { status: 404 });
  const versioned = new URL(request.url).searchParams.get("v") === messagesVersion;
  return json(messages[params.lng], {
    headers: {
      "Cache-Control": versioned ? "public, max-age=31536000, immutable" : "public, max-age=300",
    },
  });
}
