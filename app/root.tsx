import type { LinksFunction, LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import {
  isRouteErrorResponse,
  Links,
  LiveReload,
  Meta,
  Outlet,
  Scripts,
  ScrollRestoration,
  useRouteError,
  useRouteLoaderData,
} from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { useChangeLanguage } from "remix-i18next/react";
import { getSessionUser } from "~/accounts/sessions.server";
import { ErrorPage } from "~/components/ErrorPage";
import { QuickExit, SiteFooter, SiteHeader } from "~/components/SiteChrome";
import { env } from "~/env.server";
import { DEFAULT_QUICK_EXIT_URL } from "~/safety/quick-exit";
import { defaultLocale, directionOf, type Locale } from "~/i18n/config";
import { getLocale } from "~/utils/locale.server";
import { messagesVersion } from "~/i18n/resources.server";
import stylesUrl from "~/styles/app.css";
import { neutralTitleKey, usePageTitleKey } from "~/utils/handle";
import { useNonce } from "~/utils/nonce";

export const links: LinksFunction = () => [
  { rel: "stylesheet", href: stylesUrl },
  { rel: "icon", href: "/favicon.svg", type: "image/svg+xml" },
];

export async function loader({ request }: LoaderFunctionArgs) {
  const [current, locale] = await Promise.all([getSessionUser(request), getLocale(request)]);
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
