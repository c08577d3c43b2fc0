import type { LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { isLocale } from "~/i18n/config";
import { messages, messagesFor, messagesVersion, namespacesOf } from "~/i18n/resources.server";

/**
 * Translations for the browser: `?route=<route id>` answers the namespaces that route loads
 * (app/i18n/namespaces.ts), without it the whole locale. URLs carry the content version, so they
 * can be cached for good.
 */
export function loader({ params, request }: LoaderFunctionArgs) {
  if (!isLocale(params.lng)) throw new Response("Unknown language", { status: 404 });
  const search = new URL(request.url).searchParams;
  const routeId = search.get("route");
  const namespaces = routeId === null ? null : namespacesOf(routeId);
  if (namespaces === undefined) throw new Response("Unknown route", { status: 404 });
  const versioned = search.get("v") === messagesVersion;
  return json(namespaces ? messagesFor(params.lng, namespaces) : messages[params.lng], {
    headers: {
      "Cache-Control": versioned ? "public, max-age=31536000, immutable" : "public, max-age=300",
    },
  });
}
