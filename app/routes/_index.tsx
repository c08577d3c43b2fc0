import type { LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { Notice } from "~/components/notices";
import { useRootData } from "~/root";

// No titleKey: the root layout falls back to home.metaTitle, which already names Tsunagu.

export function loader({ request }: LoaderFunctionArgs) {
  const params = new URL(request.url).searchParams;
  return json({ farewell: params.has("farewell"), welcome: params.has("welcome") });
}

export default function Home() {
  const { t } = useTranslation();
  const { farewell, welcome } = useLoaderData<typeof loader>();
  const user = useRootData()?.user ?? null;
  return (
    <div className="stack">
      {farewell ? (
        <Notice>
          <p>{t("settings.deleted")}</p>
        </Notice>
      ) : null}
      {welcome && user ? (
        <Notice>
          <p>{t("signupConfirm.welcome")}</p>
        </Notice>
      ) : null}
      <section className="hero stack">
        <p className="hero__tagline">{t("app.tagline")}</p>
        <h1>{user ? t("home.greeting", { name: user.displayName }) : t("home.title")}</h1>
        <p className="hero__intro">{t("home.intro")}</p>
        <p className="actions">
          {user ? (
            <Link to="/settings" className="button">
              {t("home.ctaSettings")}
            </Link>
          ) : (
            <>
              <Link to="/signup" className="button">
                {t("home.ctaSignUp")}
              </Link>
              <Link to="/login" className="button button--secondary">
                {t("home.ctaLogIn")}
              </Link>
            </>
          )}
        </p>
      </section>
      <section aria-labelledby="offers-title" className="stack">
        <h2 id="offers-title">{t("home.offersTitle")}</h2>
        <div className="grid">
          <article className="card stack offer offer--events">
            <h3>{t("home.eventsTitle")}</h3>
            <p>{t("home.eventsBody")}</p>
            <p>
              <Link to="/events">{t("my.browse")}</Link>
            </p>
          </article>
          <article className="card stack offer offer--mentoring">
            <h3>{t("home.mentoringTitle")}</h3>
            <p>{t("home.mentoringBody")}</p>
          </article>
        </div>
      </section>
      <section aria-labelledby="promises-title" className="card stack">
        <h2 id="promises-title">{t("home.promisesTitle")}</h2>
        <ul className="promises">
          <li>{t("home.promiseNoStatus")}</li>
          <li>{t("home.promiseNickname")}</li>
          <li>{t("home.promisePrivate")}</li>
          <li>{t("home.promiseLeave")}</li>
        </ul>
      </section>
    </div>
  );
}
