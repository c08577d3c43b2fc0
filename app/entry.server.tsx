import { PassThrough } from "node:stream";
import type { EntryContext } from "@remix-run/node";
import { createReadableStreamFromReadable } from "@remix-run/node";
import { RemixServer } from "@remix-run/react";
import { createInstance } from "i18next";
import { isbot } from "isbot";
import { renderToPipeableStream } from "react-dom/server";
import { I18nextProvider, initReactI18next } from "react-i18next";
import { env } from "~/env.server";
import { i18nOptions, isLocale } from "~/i18n/config";
import { getLocale } from "~/i18n/i18next.server";
import { resources } from "~/i18n/resources.server";

const ABORT_DELAY = 5_000;

/** server.js calls this at start-up, so a bad configuration stops the server before it listens. */
export function validateEnvironment() {
  env();
}

export default async function handleRequest(
  request: Request,
  responseStatusCode: number,
  responseHeaders: Headers,
  remixContext: EntryContext,
) {
  // The root loader already chose the language (with the user's saved preference); reuse it.
  const rootData = remixContext.staticHandlerContext.loaderData["root"] as
    { locale?: unknown } | undefined;
  const locale = isLocale(rootData?.locale) ? rootData.locale : await getLocale(request);

  const instance = createInstance();
  await instance.use(initReactI18next).init({ ...i18nOptions, lng: locale, resources });

  const callbackName = isbot(request.headers.get("user-agent")) ? "onAllReady" : "onShellReady";

  return new Promise((resolve, reject) => {
    let shellRendered = false;
    const { pipe, abort } = renderToPipeableStream(
      <I18nextProvider i18n={instance}>
        <RemixServer context={remixContext} url={request.url} abortDelay={ABORT_DELAY} />
      </I18nextProvider>,
      {
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
