import type { LinksFunction, LoaderFunctionArgs } from "@remix-run/node";
import type { ClientLoaderFunctionArgs, ShouldRevalidateFunction } from "@remix-run/react";
import { json } from "@remix-run/node";
import {
  isRouteErrorResponse,
  Links,
  LiveReload,
  matchRoutes,
  Meta,
  Outlet,
  Scripts,
  ScrollRestoration,
  useMatches,
  useRouteError,
  useRouteLoaderData,
} from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { useChangeLanguage } from "remix-i18next/react";
import { ErrorPage } from "~/components/ErrorPage";
import { QuickExit, SiteFooter, SiteHeader } from "~/components/SiteChrome";
import { DEFAULT_QUICK_EXIT_URL } from "~/safety/quick-exit";
import { browserI18n, translationUrl } from "~/i18n/browser";
import { defaultLocale, directionOf, type Locale } from "~/i18n/config";
import { env, getLocale, getSessionUser, messagesVersion } from "~/root.server";
import stylesUrl from "~/styles/app.css";
import { neutralTitleKey, usePageTitleKey } from "~/utils/handle";
import { useNonce } from "~/utils/nonce";

export const links: LinksFunction = () => [
  { rel: "stylesheet", href: stylesUrl },
  { rel: "icon", href: "/favicon.svg", type: "image/svg+xml" },
];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const [current, locale] = await Promise.all([
    getSessionUser(request, context),
    getLocale(request, context),
  ]);
  const headers = new Headers();
  if (current?.refreshCookie) headers.append("Set-Cookie", current.refreshCookie);
  return json(
    {
      locale,
      i18nVersion: messagesVersion,
      quickExitUrl: env().QUICK_EXIT_URL,
      user: current ? { displayName: current.user.displayName, role: current.user.role } : null,
    },
    { headers },
  );
}

export type RootData = typeof loader;

// Set by shouldRevalidate, read by clientLoader in the same navigation: whether Remix would
// have asked the server for root's data again (after a form post, a language change, a new
// query string).
let rootDataIsStale = false;

/**
 * Root runs its clientLoader on every navigation, so that each page's translations are in the
 * browser before it renders (no key flashes by); root's own data is fetched only when Remix's
 * default would have fetched it.
 */
export const shouldRevalidate: ShouldRevalidateFunction = ({ defaultShouldRevalidate }) => {
  rootDataIsStale = defaultShouldRevalidate;
  return true;
};

export async function clientLoader({ request, serverLoader }: ClientLoaderFunctionArgs) {
  const router = window.__remixRouter;
  const previous = router?.state.loaderData.root as RootLoaderData | undefined;
  const data = rootDataIsStale || !previous ? await serverLoader<typeof loader>() : previous;
  const matches = router ? matchRoutes(router.routes, new URL(request.url)) : null;
  await browserI18n()?.load(data.locale, [
    "root",
    ...(matches ?? []).map((match) => match.route.id).filter((id) => id !== "root"),
  ]);
  return data;
}

type RootLoaderData = Awaited<ReturnType<Awaited<ReturnType<typeof loader>>["json"]>>;

export function useRootData() {
  return useRouteLoaderData<RootData>("root");
}

export function Layout({ children }: { children: React.ReactNode }) {
  const data = useRootData();
  const locale: Locale = data?.locale ?? defaultLocale;
  useChangeLanguage(locale);
  const { t } = useTranslation();
  const titleKey = usePageTitleKey();
  const nonce = useNonce();
  const routeIds = useMatches().map((match) => match.id);
  return (
    <html
      lang={locale}
      dir={directionOf(locale)}
      data-locale={locale}
      data-i18n-version={data?.i18nVersion}
    >
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="color-scheme" content="light" />
        <title>
          {titleKey === neutralTitleKey
            ? t("app.name")
            : titleKey
              ? `${t(titleKey)} · ${t("app.name")}`
              : t("home.metaTitle")}
        </title>
        <Meta />
        <Links />
        {data
          ? routeIds.map((id) => (
              <link
                key={id}
                rel="preload"
                as="fetch"
                crossOrigin="anonymous"
                href={translationUrl(locale, id, data.i18nVersion)}
                data-translations={id}
              />
            ))
          : null}
      </head>
      <body>
        <a className="skip-link" href="#main">
          {t("nav.skipToContent")}
        </a>
        <QuickExit url={data?.quickExitUrl ?? DEFAULT_QUICK_EXIT_URL} />
        <SiteHeader user={data?.user ?? null} locale={locale} />
        <main id="main" tabIndex={-1}>
          {children}
        </main>
        <SiteFooter />
        <ScrollRestoration nonce={nonce} />
        <Scripts nonce={nonce} />
        <LiveReload nonce={nonce} />
      </body>
    </html>
  );
}

export default function App() {
  return <Outlet />;
}

export function ErrorBoundary() {
  const error = useRouteError();
  const { t } = useTranslation();
  if (isRouteErrorResponse(error) && error.status === 404) {
    return <ErrorPage title={t("errors.notFoundTitle")} body={t("errors.notFoundBody")} />;
  }
  if (isRouteErrorResponse(error) && error.status === 403) {
    return <ErrorPage title={t("errors.forbiddenTitle")} body={t("errors.forbiddenBody")} />;
  }
  if (isRouteErrorResponse(error) && error.status === 413) {
    return <ErrorPage title={t("errors.tooLargeTitle")} body={t("errors.tooLargeBody")} />;
  }
  if (isRouteErrorResponse(error) && error.status === 415) {
    return <ErrorPage title={t("errors.unsupportedTitle")} body={t("errors.unsupportedBody")} />;
  }
  if (isRouteErrorResponse(error) && error.status >= 400 && error.status < 500) {
    return <ErrorPage title={t("errors.badRequestTitle")} body={t("errors.badRequestBody")} />;
  }
  return <ErrorPage title={t("errors.genericTitle")} body={t("errors.genericBody")} />;
}
