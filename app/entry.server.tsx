import type { AppLoadContext, EntryContext } from "@remix-run/node";
import { RemixServer } from "@remix-run/react";
import { renderToString } from "react-dom/server";
import { I18nextProvider } from "react-i18next";
import { env } from "~/env.server";
import { isLocale } from "~/i18n/config";
import { instanceFor } from "~/i18n/i18next.server";
import { conditionalDocument } from "~/utils/http-cache.server";
import { sharedPageKey, sharedPages } from "~/utils/shared-pages.server";
import { getLocale } from "~/utils/locale.server";
import { NonceProvider } from "~/utils/nonce";
import { cspNonceOf } from "~/utils/request.server";
import { loggedPath, logger } from "../server/log.js";

/**
 * server.js calls this at start-up, so a bad configuration stops the server before it listens,
 * and takes from it what it needs of the validated environment.
 */
export function validateEnvironment(): { host: string; isProduction: boolean } {
  const config = env();
  return { host: config.HOST, isProduction: config.isProduction };
}

// server.js reaches the background jobs through the build's entry module.
export { closeDatabase, startBackgroundJobs } from "~/jobs.server";

/** Errors behind a 5xx, as JSON lines like every other log line (the path has no query). */
export function handleError(error: unknown, { request }: { request: Request }) {
  if (request.signal.aborted) return;
  logger().error("A request failed", { path: loggedPath(new URL(request.url).pathname), error });
}

export default async function handleRequest(
  request: Request,
  responseStatusCode: number,
  responseHeaders: Headers,
  remixContext: EntryContext,
  loadContext: AppLoadContext,
) {
  // The root loader already chose the language (with the user's saved preference); reuse it.
  const rootData = remixContext.staticHandlerContext.loaderData["root"] as
    { locale?: unknown; user?: unknown } | undefined;

  // A page the browser already has (same data, same build) is not rendered again.
  const unchanged = conditionalDocument({
    request,
    status: responseStatusCode,
    headers: responseHeaders,
    buildVersion: remixContext.manifest.version,
    loaderData: remixContext.staticHandlerContext.loaderData,
    signedIn: rootData?.user != null,
  });
  if (unchanged) return unchanged;

  const locale = isLocale(rootData?.locale)
    ? rootData.locale
    : await getLocale(request, loadContext);

  const instance = instanceFor(locale);

  const nonce = cspNonceOf(loadContext);

  // No route suspends (no defer, no Suspense), so the page is rendered whole and sent in one
  // piece: streaming only cut it into 2 KB pieces, each waiting for a turn of the event loop and
  // a gzip job (docs/decisions/0016). renderToString, not the streaming renderer: React 18.3's
  // streaming encoder writes stray zero bytes where a multi-byte character meets the end of its
  // 2 KB buffer, which showed as U+FFFD inside Persian and Arabic text (tests/unit/ssr-text.test.ts).
  const render = (pageNonce: string) =>
    renderToString(
      <NonceProvider value={pageNonce}>
        <I18nextProvider i18n={instance}>
          <RemixServer context={remixContext} url={request.url} />
        </I18nextProvider>
      </NonceProvider>,
    );
  // A page that is the same for every visitor is rendered once per version and address.
  const sharedKey = sharedPageKey(request, responseHeaders);
  const markup = sharedKey ? sharedPages.page(sharedKey, nonce, render) : render(nonce);
  responseHeaders.set("Content-Type", "text/html; charset=utf-8");
  return new Response(`<!DOCTYPE html>${markup}`, {
    headers: responseHeaders,
    status: responseStatusCode,
  });
}
