import { LocaleOptions } from "./LocaleOptions";
import { Form, Link, useLocation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { hasRole } from "~/accounts/roles";
import type { Locale } from "~/i18n/config";

type HeaderUser = { displayName: string; role: string } | null;

export function SiteHeader({ user, locale }: { user: HeaderUser; locale: Locale }) {
  const { t } = useTranslation();
  return (
    <header className="site-header">
      <div className="site-header__bar">
        <Link to="/" className="brand">
          <svg
            aria-hidden="true"
            className="brand__mark"
            viewBox="0 0 32 32"
            width="28"
            height="28"
          >
            <circle cx="12" cy="16" r="8" fill="none" stroke="currentColor" strokeWidth="3" />
            <circle cx="20" cy="16" r="8" fill="none" stroke="currentColor" strokeWidth="3" />
          </svg>
          {t("app.name")}
        </Link>
        <LanguageSwitcher locale={locale} />
      </div>
      <nav aria-label={t("nav.main")} className="site-nav">
        <ul>
          <li>
            <Link to="/">{t("nav.home")}</Link>
          </li>
          <li>
            <Link to="/events">{t("nav.events")}</Link>
          </li>
          <li>
            <Link to="/resources">{t("nav.resources")}</Link>
            <Link to="/help">{t("nav.help")}</Link>
          </li>
          {user ? (
            <>
              <li>
                <Link to="/my/events">{t("nav.myEvents")}</Link>
              </li>
              <li>
                <Link to="/mentoring">{t("nav.mentoring")}</Link>
              </li>
              {hasRole(user.role, "organizer") ? (
                <li>
                  <Link to="/organize">{t("nav.organize")}</Link>
                </li>
              ) : null}
              <li>
                <Link to="/settings">{t("nav.settings")}</Link>
              </li>
              <li>
                <Form method="post" action="/logout">
                  <button type="submit" className="link-button">
                    {t("nav.logOut")}
                  </button>
                </Form>
              </li>
            </>
          ) : (
            <>
              <li>
                <Link to="/login">{t("nav.logIn")}</Link>
              </li>
              <li>
                <Link to="/signup">{t("nav.signUp")}</Link>
              </li>
            </>
          )}
        </ul>
      </nav>
    </header>
  );
}

/** A real form, so switching works without JavaScript and without an account. */
function LanguageSwitcher({ locale }: { locale: Locale }) {
  const { t } = useTranslation();
  const location = useLocation();
  const params = new URLSearchParams(location.search);
  params.delete("lng");
  const query = params.toString();
  const here = location.pathname + (query ? `?${query}` : "");
  return (
    <Form method="post" action="/language" className="language-switcher">
      <input type="hidden" name="redirectTo" value={here} />
      <label htmlFor="language-select" className="visually-hidden">
        {t("language.label")}
      </label>
      <svg
        aria-hidden="true"
        className="language-switcher__icon"
        viewBox="0 0 24 24"
        width="22"
        height="22"
      >
        <circle cx="12" cy="12" r="9.5" fill="none" stroke="currentColor" strokeWidth="1.6" />
        <path
          d="M2.5 12h19M12 2.5c2.6 2.6 3.9 5.8 3.9 9.5s-1.3 6.9-3.9 9.5c-2.6-2.6-3.9-5.8-3.9-9.5s1.3-6.9 3.9-9.5z"
          fill="none"
          stroke="currentColor"
          strokeWidth="1.6"
        />
      </svg>
      <select id="language-select" name="lng" defaultValue={locale} key={locale}>
        <LocaleOptions />
      </select>
      <button type="submit" className="button button--small">
        {t("language.apply")}
      </button>
    </Form>
  );
}

/**
 * "Leave quickly", first in the page after the skip link, on every page. A plain link without
 * JavaScript; app/safety/quick-exit.ts makes it replace the page (and adds Shift three times).
 */
export function QuickExit({ url }: { url: string }) {
  const { t } = useTranslation();
  return (
    <nav className="quick-exit" aria-label={t("quickExit.button")}>
      <a href={url} rel="noreferrer" className="quick-exit__button" data-quick-exit="">
        {t("quickExit.button")}
      </a>
      <Link to="/tips" className="quick-exit__tips">
        {t("quickExit.tipsLink")}
      </Link>
    </nav>
  );
}

export function SiteFooter() {
  const { t } = useTranslation();
  return (
    <footer className="site-footer">
      <p>{t("footer.madeBy")}</p>
      <p>{t("footer.privacy")}</p>
      <p>
        <Link to="/tips">{t("quickExit.footerTips")}</Link>
      </p>
    </footer>
  );
}
