import type { LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { Pager } from "~/components/Pager";
import { requireRole } from "~/accounts/sessions.server";
import { db } from "~/db.server";
import { formatDateTime } from "~/i18n/format";
import { getLocale } from "~/utils/locale.server";
import { auditPage } from "~/safety/audit-log.server";
import { auditPageSchema } from "~/safety/schemas";
import { neutralTitleKey, type RouteHandle } from "~/utils/handle";

export const handle: RouteHandle = { titleKey: neutralTitleKey };

const isolate = (text: string) => `\u2068${text}\u2069`;

export async function loader({ request }: LoaderFunctionArgs) {
  await requireRole(request, "admin");
  const locale = await getLocale(request);
  const { page } = auditPageSchema.parse(Object.fromEntries(new URL(request.url).searchParams));
  const data = await auditPage(db(), page);
  return json({
    ...data,
    lines: data.lines.map((l) => ({ ...l, at: formatDateTime(l.at, locale) })),
  });
}

/** Codes in the detail column that have words of their own. */
function useDetail() {
  const { t } = useTranslation();
  return (action: string, detail: string) => {
    if (!detail) return "";
    if (action === "role.changed") {
      const [from, to] = detail.split("→");
      return t("audit.roleDetail", {
        from: t(`adminPeople.roles.${from}`, { defaultValue: from }),
        to: t(`adminPeople.roles.${to}`, { defaultValue: to }),
      });
    }
    if (action === "account.suspended")
      return t(`suspend.reasons.${detail}`, { defaultValue: detail });
    if (action === "keep_apart.status")
      return t(`keepApart.status.${detail}`, { defaultValue: detail });
    return detail;
  };
}

export default function AdminAudit() {
  const { t } = useTranslation();
  const { lines, page, pageCount } = useLoaderData<typeof loader>();
  const detailOf = useDetail();
  return (
    <div className="stack wide">
      <h1>{t("audit.title")}</h1>
      <p>{t("audit.intro")}</p>
      {lines.length === 0 ? <p>{t("audit.none")}</p> : null}
      <ul className="plain-list" data-testid="audit">
        {lines.map((line) => {
          const detail = detailOf(line.action, line.detail);
          return (
            <li key={line.id} className="card">
              <p>
                <strong>{t(`audit.actions.${line.action}`, { defaultValue: line.action })}</strong>
                {detail ? ` · ${detail}` : null}
              </p>
              <p className="muted">
                {t("audit.line", {
                  at: line.at,
                  by:
                    line.by.kind === "person"
                      ? isolate(line.by.name)
                      : t(`audit.by.${line.by.kind}`),
                })}
                {line.about ? ` · ${t("audit.about", { name: isolate(line.about) })}` : null}
              </p>
            </li>
          );
        })}
      </ul>
      <Pager page={page} pageCount={pageCount} />
    </div>
  );
}
