import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";

/** Asking to be kept apart from someone: a page of its own, linked from here. */
export function PrivacyRequestSection() {
  const { t } = useTranslation();
  return (
    <section className="card stack" aria-labelledby="privacy-request-title">
      <h2 id="privacy-request-title">{t("keepApart.settingsTitle")}</h2>
      <p>{t("keepApart.settingsBody")}</p>
      <p>
        <Link to="/settings/privacy">{t("keepApart.link")}</Link>
      </p>
    </section>
  );
}

/** "Download my data" (routes/settings.data.tsx). */
export function DataSection() {
  const { t } = useTranslation();
  return (
    <section className="card stack" aria-labelledby="data-title">
      <h2 id="data-title">{t("settings.dataTitle")}</h2>
      <p>{t("settings.dataBody")}</p>
      <p>
        <a href="/settings/data" className="button button--secondary" download>
          {t("settings.dataDownload")}
        </a>
      </p>
    </section>
  );
}
