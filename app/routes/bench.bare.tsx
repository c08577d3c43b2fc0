import { useTranslation } from "react-i18next";
import { env } from "~/env.server";
import { notFound } from "~/utils/http.server";

/**
 * A page with the site's layout and nothing else: the baseline that `npm run bench:events`
 * compares the events page with. Answers 404 unless TSUNAGU_BENCH=1.
 */
export function loader() {
  if (env().TSUNAGU_BENCH !== "1") throw notFound();
  return null;
}

export default function BareBaseline() {
  const { t } = useTranslation();
  return <h1>{t("app.name")}</h1>;
}
