import { RemixBrowser } from "@remix-run/react";
import i18next from "i18next";
import Backend from "i18next-http-backend";
import { startTransition, StrictMode } from "react";
import { hydrateRoot } from "react-dom/client";
import { I18nextProvider, initReactI18next } from "react-i18next";
import { i18nOptions } from "~/i18n/config";
import { installQuickExit } from "~/safety/quick-exit";

// Before hydration, which waits for the translations: leaving must work from the first moment.
installQuickExit();

async function hydrate() {
  const { locale, i18nVersion } = document.documentElement.dataset;
  await i18next
    .use(initReactI18next)
    .use(Backend)
    .init({
      ...i18nOptions,
      lng: locale,
      // Every locale has every key (tests enforce it), so no second file is fetched.
      fallbackLng: false,
      backend: { loadPath: `/locales/{{lng}}?v=${i18nVersion ?? ""}` },
    });

  startTransition(() => {
    hydrateRoot(
      document,
      <I18nextProvider i18n={i18next}>
        <StrictMode>
          <RemixBrowser />
        </StrictMode>
      </I18nextProvider>,
    );
  });
}

void hydrate();
