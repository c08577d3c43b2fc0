import { PassThrough } from "node:stream";
import type { AppLoadContext, EntryContext } from "@remix-run/node";
import { createReadableStreamFromReadable } from "@remix-run/node";
import { RemixServer } from "@remix-run/react";
import { isbot } from "isbot";
import { renderToPipeableStream } from "react-dom/server";
import { I18nextProvider } from "react-i18next";
import { env } from "~/env.server";
import { isLocale } from "~/i18n/config";
import { getLocale, instanceFor } from "~/i18n/i18next.server";
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
    { locale?: unknown } | undefined;
  const locale = isLocale(rootData?.locale) ? rootData.locale : await getLocale(request);

  const instance = instanceFor(locale);

  const callbackName = isbot(request.headers.get("user-agent")) ? "onAllReady" : "onShellReady";
  const nonce = cspNonceOf(loadContext);

  return new Promise((resolve, reject) => {
    let shellRendered = false;
    const { pipe, abort } = renderToPipeableStream(
      <NonceProvider value={nonce}>
        <I18nextProvider i18n={instance}>
          <RemixServer context={remixContext} url={request.url} abortDelay={ABORT_DELAY} />
        </I18nextProvider>
      </NonceProvider>,
      {
        // React's own streaming scripts need it too.
        nonce,
        [callbackName]: () => {
          shellRendered = true;
          const body = new PassThrough();
          responseHeaders.set("Content-Type", "text/html; charset=utf-8");
          resolve(
            new Response(createReadableStreamFromReadable(body), {
              headers: responseHeaders,
              status: responseStatusCode,
            }),
          );
          pipe(body);
        },
        onShellError(error: unknown) {
          reject(error);
        },
        onError(error: unknown) {
          responseStatusCode = 500;
          if (shellRendered) console.error(error);
        },
      },
    );
    setTimeout(abort, ABORT_DELAY);
  });
}
