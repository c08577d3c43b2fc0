import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";

/** Previous / "page 2 of 5" / next, as plain links; nothing when everything fits on one page. */
export function Pager({
  page,
  pageCount,
  href = (to) => `?page=${to}`,
}: {
  page: number;
  pageCount: number;
  /** Where page `to` is; by default only `?page=`, for lists without filters. */
  href?: (to: number) => string;
}) {
  const { t } = useTranslation();
  if (pageCount <= 1) return null;
  return (
    <nav className="pager" aria-label={t("events.pageOf", { page, total: pageCount })}>
      {page > 1 ? (
        <Link to={href(page - 1)} rel="prev">
          {t("events.previous")}
        </Link>
      ) : (
        <span />
      )}
      <span>{t("events.pageOf", { page, total: pageCount })}</span>
      {page < pageCount ? (
        <Link to={href(page + 1)} rel="next">
          {t("events.next")}
        </Link>
      ) : (
        <span />
      )}
    </nav>
  );
}
