import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { roles } from "~/accounts/roles";
import { changeRole, findPeople, recentRoleChanges } from "~/accounts/roles.server";
import { peopleSearchSchema, roleChangeSchema } from "~/accounts/schemas";
import { requireRole } from "~/accounts/sessions.server";
import { Notice } from "~/components/forms";
import { db } from "~/db.server";
import { formatDateTime } from "~/i18n/format";
import { getLocale } from "~/utils/locale.server";
import type { RouteHandle } from "~/utils/handle";
import { readForm } from "~/utils/forms.server";
import { parseWithZod } from "@conform-to/zod";
import { suspendAccount, unsuspendAccount } from "~/safety/suspension.server";
import { suspensionReasons } from "~/safety/suspension-reasons";
import { suspensionSchema } from "~/safety/schemas";
import { PlainInput } from "~/components/fields";

export const handle: RouteHandle = { titleKey: "adminPeople.metaTitle" };

const isolate = (text: string) => `\u2068${text}\u2069`;

export async function loader({ request }: LoaderFunctionArgs) {
  const { user } = await requireRole(request, "admin");
  const locale = await getLocale(request);
  const { q } = peopleSearchSchema.parse(Object.fromEntries(new URL(request.url).searchParams));
  const [found, changes] = await Promise.all([findPeople(db(), q), recentRoleChanges(db())]);
  return json({
    q,
    me: user.id,
    ...found,
    changes: changes.map((c) => ({ ...c, at: formatDateTime(c.at, locale) })),
  });
}

export async function action({ request }: ActionFunctionArgs) {
  const { user } = await requireRole(request, "admin");
  const formData = await readForm(request);
  if (formData.has("intent")) return suspensionAction(user.id, formData);
  const submission = parseWithZod(formData, { schema: roleChangeSchema });
  if (submission.status !== "success") {
    return json({ error: "errors.invalidChoice", changed: null }, { status: 400 });
  }
  const outcome = await changeRole(db(), { ...submission.value, changedById: user.id });
  if (!outcome.ok) return json({ error: outcome.error, changed: null }, { status: 400 });
  return json({
    error: null,
    changed: { name: outcome.user.displayName, role: outcome.to, really: outcome.changed },
  });
}

async function suspensionAction(adminId: string, formData: FormData) {
  const submission = parseWithZod(formData, { schema: suspensionSchema });
  if (submission.status !== "success") {
    return json({ error: "errors.invalidChoice", changed: null, suspended: null }, { status: 400 });
  }
  const input = submission.value;
  if (input.intent === "unsuspend") {
    const done = await unsuspendAccount(db(), adminId, input.userId);
    if (!done)
      return json({ error: "suspend.notFound", changed: null, suspended: null }, { status: 400 });
    return json({ error: null, changed: null, suspended: "suspend.unsuspended" });
  }
  const outcome = await suspendAccount(db(), adminId, input.userId, input.reason);
  if (!outcome.ok)
    return json({ error: outcome.error, changed: null, suspended: null }, { status: 400 });
  return json({ error: null, changed: null, suspended: "suspend.suspended" });
}

export default function AdminPeople() {
  const { t } = useTranslation();
  const { q, me, people, more, changes } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const suspended = actionData && "suspended" in actionData ? actionData.suspended : null;
  const roleName = (role: string) => t(`adminPeople.roles.${role}`);
  return (
    <div className="stack wide">
      <h1>{t("adminPeople.title")}</h1>
      <p>{t("adminPeople.intro")}</p>
      {actionData?.changed ? (
        <Notice>
          <p>
            {t(actionData.changed.really ? "adminPeople.changed" : "adminPeople.unchanged", {
              name: isolate(actionData.changed.name),
              role: roleName(actionData.changed.role),
            })}
          </p>
        </Notice>
      ) : null}
      {suspended ? (
        <Notice>
          <p>{t(suspended)}</p>
        </Notice>
      ) : null}
      {actionData?.error ? (
        <div className="notice notice--error" role="alert">
          <p>{t(actionData.error)}</p>
        </div>
      ) : null}
      <Form method="get" className="card stack" id="people-search">
        <PlainInput
          id="people-q"
          name="q"
          label={t("adminPeople.searchLabel")}
          hint={t("adminPeople.searchHint")}
          type="search"
          defaultValue={q}
          maxLength={100}
        />
        <button type="submit" className="button">
          {t("adminPeople.searchSubmit")}
        </button>
      </Form>

      <section className="stack" aria-labelledby="people-title">
        <h2 id="people-title">{q ? t("adminPeople.resultsTitle") : t("adminPeople.staffTitle")}</h2>
        {people.length === 0 ? <p>{t("adminPeople.noResults")}</p> : null}
        <ul className="plain-list">
          {people.map((person) => (
            <li key={person.id} className="card stack" data-testid="person">
              <p>
                <strong dir="auto">{person.displayName}</strong>
                {person.id === me ? ` ${t("adminPeople.you")}` : null}
                <br />
                <span dir="ltr">{person.email}</span>
              </p>
              <p>
                {t("adminPeople.currentRole", { role: roleName(person.role) })}
                {person.confirmed ? null : (
                  <>
                    {" "}
                    <span className="status status--waiting">{t("adminPeople.waiting")}</span>
                  </>
                )}
              </p>
              <Form method="post" className="actions" replace>
                <input type="hidden" name="userId" value={person.id} />
                <label htmlFor={`role-${person.id}`} className="visually-hidden">
                  {t("adminPeople.newRole", { name: person.displayName })}
                </label>
                <select id={`role-${person.id}`} name="role" defaultValue={person.role}>
                  {roles.map((role) => (
                    <option key={role} value={role}>
                      {roleName(role)}
                    </option>
                  ))}
                </select>
                <button type="submit" className="button button--secondary">
                  {t("adminPeople.change")}
                </button>
              </Form>
              {person.suspended ? (
                <Form method="post" className="actions" replace>
                  <span className="status status--cancelled">{t("suspend.badge")}</span>
                  <input type="hidden" name="intent" value="unsuspend" />
                  <input type="hidden" name="userId" value={person.id} />
                  <button type="submit" className="button button--secondary">
                    {t("suspend.unsuspend")}
                  </button>
                </Form>
              ) : person.id === me ? null : (
                <Form method="post" className="actions" replace>
                  <input type="hidden" name="intent" value="suspend" />
                  <input type="hidden" name="userId" value={person.id} />
                  <label htmlFor={`reason-${person.id}`}>{t("suspend.reasonLabel")}</label>
                  <select id={`reason-${person.id}`} name="reason" required defaultValue="">
                    <option value="" disabled>
                      {t("suspend.reasonPick")}
                    </option>
                    {suspensionReasons.map((r) => (
                      <option key={r} value={r}>
                        {t(`suspend.reasons.${r}`)}
                      </option>
                    ))}
                  </select>
                  <button type="submit" className="button button--secondary">
                    {t("suspend.submit")}
                  </button>
                </Form>
              )}
            </li>
          ))}
        </ul>
        {more ? <p className="muted">{t("adminPeople.more")}</p> : null}
        <p className="muted">{t("suspend.explain")}</p>
      </section>

      <section className="stack" aria-labelledby="changes-title">
        <h2 id="changes-title">{t("adminPeople.historyTitle")}</h2>
        {changes.length === 0 ? <p>{t("adminPeople.historyNone")}</p> : null}
        <ul className="plain-list" data-testid="role-changes">
          {changes.map((change) => (
            <li key={change.id}>
              {t("adminPeople.historyEntry", {
                at: change.at,
                // First-strong isolates keep a name in another script from reordering the sentence.
                by:
                  change.by.kind === "admin"
                    ? isolate(change.by.name)
                    : t(`adminPeople.by.${change.by.kind}`),
                name: isolate(change.person),
                from: roleName(change.from),
                to: roleName(change.to),
              })}
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}
