import { RemixBrowser } from "@remix-run/react";
import { startTransition, StrictMode } from "react";
import { hydrateRoot } from "react-dom/client";
import { I18nextProvider } from "react-i18next";
import { asI18next, startBrowserI18n } from "~/i18n/browser";
import { installQuickExit } from "~/safety/quick-exit";

// Before hydration, which waits for the translations: leaving must work from the first moment.
installQuickExit();

async function hydrate() {
  const { locale = "en", i18nVersion = "" } = document.documentElement.dataset;
  const i18n = startBrowserI18n(locale, i18nVersion);
  // The page's routes' translations, which root.tsx already asked the browser to preload.
  const links = [...document.querySelectorAll<HTMLLinkElement>("link[data-translations]")];
  await i18n.load(
    locale,
    links.map((link) => link.dataset.translations ?? ""),
    links.map((link) => link.href),
  );

  startTransition(() => {
    hydrateRoot(
      document,
      <I18nextProvider i18n={asI18next(i18n)}>
        <StrictMode>
          <RemixBrowser />
        </StrictMode>
      </I18nextProvider>,
    );
  });
}

// Without its translations the page is not hydrated: the server's page, which works without
// JavaScript, beats one whose words turn into keys.
hydrate().catch((error: unknown) => console.error(error));
