import { PassThrough } from "node:stream";
import type { AppLoadContext, EntryContext } from "@remix-run/node";
import { createReadableStreamFromReadable } from "@remix-run/node";
import { RemixServer } from "@remix-run/react";
import { isbot } from "isbot";
import { renderToPipeableStream } from "react-dom/server";
import { I18nextProvider } from "react-i18next";
import { removeUnconfirmedAccounts } from "~/accounts/signup.server";
import { db } from "~/db.server";
import { env } from "~/env.server";
import { topUpAllSeries } from "~/events/events.server";
import { isLocale } from "~/i18n/config";
import { expireProposals, flagQuietMatches } from "~/mentorship/workflow.server";
import { instanceFor } from "~/i18n/i18next.server";
import { getLocale } from "~/utils/locale.server";
import { mailer } from "~/mail/mail.server";
import { startOutboxWorker } from "~/notifications/worker.server";
import { NonceProvider } from "~/utils/nonce";
import { cspNonceOf } from "~/utils/request.server";

const ABORT_DELAY = 5_000;

/**
 * server.js calls this at start-up, so a bad configuration stops the server before it listens,
 * and takes from it what it needs of the validated environment.
 */
export function validateEnvironment(): { host: string; isProduction: boolean } {
  const config = env();
  return { host: config.HOST, isProduction: config.isProduction };
}

const HOUR_MS = 60 * 60 * 1000;

/**
 * Work that runs beside the server: keeping event series generated three months ahead,
 * mentoring's clocks (proposals expire after 7 days; quiet matches are flagged after 21),
 * erasing sign-ups never confirmed a week after their link expired, and
 * (unless TSUNAGU_SENDER=off because `npm run worker` does it) sending the email outbox.
 */
export function startBackgroundJobs(): { stop(): Promise<void> } {
  const hourly = () => {
    topUpAllSeries(db()).catch((error: unknown) =>
      console.error("Could not top up event series", error),
    );
    const now = new Date();
    expireProposals(db(), now)
      .then(() => flagQuietMatches(db(), now))
      .catch((error: unknown) => console.error("Could not run the mentoring clocks", error));
    removeUnconfirmedAccounts(db(), now).catch((error: unknown) =>
      console.error("Could not remove unconfirmed sign-ups", error),
    );
  };
  hourly();
  setInterval(hourly, HOUR_MS).unref();
  const config = env();
  if (config.TSUNAGU_SENDER === "off") return { stop: async () => {} };
  return startOutboxWorker({
    db: db(),
    mailer: mailer(),
    appUrl: config.appUrl,
    intervalMs: config.SENDER_INTERVAL_MS,
    leaseMs: config.SENDER_LEASE_MS,
    onError: (error) => console.error("The email sender hit a problem; it will try again", error),
  });
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
