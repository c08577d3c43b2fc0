import { Writable } from "node:stream";
import type { AppLoadContext, EntryContext } from "@remix-run/node";
import { RemixServer } from "@remix-run/react";
import { renderToPipeableStream } from "react-dom/server";
import { I18nextProvider } from "react-i18next";
import { env } from "~/env.server";
import { isLocale } from "~/i18n/config";
import { instanceFor } from "~/i18n/i18next.server";
import { conditionalDocument } from "~/utils/http-cache.server";
import { getLocale } from "~/utils/locale.server";
import { NonceProvider } from "~/utils/nonce";
import { cspNonceOf } from "~/utils/request.server";
import { loggedPath, logger } from "../server/log.js";

const ABORT_DELAY = 5_000;

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

  // No route suspends (no defer, no Suspense), so React's shell is the whole page and streaming
  // it bought nothing: it went out in 2 KB pieces, each its own trip through the web stream and
  // a gzip job on the thread pool, so under load a long page waited for a free turn of the event
  // loop again and again (p99 many times the median; docs/decisions/0016). The page is
  // collected and sent in one piece instead, for browsers and bots alike.
  return new Promise((resolve, reject) => {
    let rendered = false;
    // Set before rendering starts, so every callback below can clear it; it fires only later.
    const timer = setTimeout(() => abort(), ABORT_DELAY);
    const chunks: Buffer[] = [];
    const sink = new Writable({
      write(chunk: Buffer, _encoding, done) {
        chunks.push(chunk);
        done();
      },
    });
    const { pipe, abort } = renderToPipeableStream(
      <NonceProvider value={nonce}>
        <I18nextProvider i18n={instance}>
          <RemixServer context={remixContext} url={request.url} abortDelay={ABORT_DELAY} />
        </I18nextProvider>
      </NonceProvider>,
      {
        // React's own streaming scripts need it too.
        nonce,
        onAllReady: () => {
          rendered = true;
          sink.once("finish", () => {
            clearTimeout(timer);
            responseHeaders.set("Content-Type", "text/html; charset=utf-8");
            resolve(
              new Response(Buffer.concat(chunks), {
                headers: responseHeaders,
                status: responseStatusCode,
              }),
            );
          });
          pipe(sink);
        },
        onShellError(error: unknown) {
          clearTimeout(timer);
          reject(error);
        },
        onError(error: unknown) {
          responseStatusCode = 500;
          if (rendered) console.error(error);
        },
      },
    );
  });
}
