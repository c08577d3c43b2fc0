import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";

export function ErrorPage({ title, body }: { title: string; body: string }) {
  const { t } = useTranslation();
  return (
    <div className="stack narrow">
      <h1>{title}</h1>
      <p>{body}</p>
      <p>
        <Link to="/">{t("errors.backHome")}</Link>
      </p>
    </div>
  );
}
