import { getFormProps } from "@conform-to/react";
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { requireUser } from "~/accounts/sessions.server";
import {
  FormErrors,
  Notice,
  PlainFieldset,
  SelectField,
  TextareaField,
  useZodForm,
} from "~/components/forms";
import { db } from "~/db.server";
import { formatDateTime } from "~/i18n/format";
import { getLocale } from "~/utils/locale.server";
import {
  isProtected,
  keepApartChoices,
  myKeepApartRequests,
  requestKeepApart,
  setHideOnCheckIn,
} from "~/safety/keep-apart.server";
import { keepApartRequestSchema, memberSafetySchema } from "~/safety/schemas";
import { neutralTitleKey, type RouteHandle } from "~/utils/handle";
import { parseForm } from "~/utils/forms.server";
import { forbidden } from "~/utils/http.server";

export const handle: RouteHandle = { titleKey: neutralTitleKey };

export async function loader({ request }: LoaderFunctionArgs) {
  const { user } = await requireUser(request);
  const locale = await getLocale(request);
  const [choices, requests, shielded, me] = await Promise.all([
    keepApartChoices(db(), user.id),
    myKeepApartRequests(db(), user.id),
    isProtected(db(), user.id),
    db().user.findUniqueOrThrow({ where: { id: user.id }, select: { hideOnCheckIn: true } }),
  ]);
  return json({
    choices,
    requests: requests.map((r) => ({
      id: r.id,
      who: r.namedUser?.displayName ?? null,
      details: r.details,
      status: r.status,
      at: formatDateTime(r.createdAt, locale),
    })),
    // Only a member a rule protects sees the check-in choice: for anyone else it would mean nothing.
    checkInChoice: shielded ? me.hideOnCheckIn : null,
  });
}

export async function action({ request }: ActionFunctionArgs) {
  const { user } = await requireUser(request);
  const { submission } = await parseForm(request, memberSafetySchema);
  if (submission.status !== "success") {
    return json({ result: submission.reply(), sent: false, saved: false }, { status: 400 });
  }
  const input = submission.value;
  if (input.intent === "check-in") {
    if (!(await isProtected(db(), user.id))) throw forbidden();
    await setHideOnCheckIn(db(), user.id, input.hide === "yes");
    return json({ result: null, sent: false, saved: true });
  }
  const outcome = await requestKeepApart(db(), user.id, {
    namedUserId: input.namedUserId ?? null,
    details: input.details,
  });
  if (!outcome.ok) {
    return json(
      { result: submission.reply({ formErrors: [outcome.error] }), sent: false, saved: false },
      { status: 400 },
    );
  }
  return json({ result: submission.reply({ resetForm: true }), sent: true, saved: false });
}

export default function PrivacyRequests() {
  const { t } = useTranslation();
  const { choices, requests, checkInChoice } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [form, fields] = useZodForm("keep-apart", keepApartRequestSchema, actionData?.result);
  return (
    <div className="stack narrow">
      <h1>{t("keepApart.title")}</h1>
      <p>{t("keepApart.intro")}</p>
      <p className="muted">{t("keepApart.private")}</p>
      {actionData?.sent ? (
        <Notice>
          <p>{t("keepApart.received")}</p>
        </Notice>
      ) : null}
      {actionData?.saved ? (
        <Notice>
          <p>{t("keepApart.checkInSaved")}</p>
        </Notice>
      ) : null}
      <Form method="post" className="card stack" {...getFormProps(form)}>
        <input type="hidden" name="intent" value="request" />
        <FormErrors id={form.errorId} errors={form.errors} />
        {choices.length ? (
          <SelectField meta={fields.namedUserId} label={t("keepApart.pickLabel")}>
            <option value="">{t("keepApart.pickNone")}</option>
            {choices.map((c) => (
              <option key={c.id} value={c.id} dir="auto">
                {c.displayName}
              </option>
            ))}
          </SelectField>
        ) : null}
        <TextareaField
          meta={fields.details}
          label={t("keepApart.detailsLabel")}
          hint={t("keepApart.detailsHint")}
          rows={5}
          maxLength={2000}
          dir="auto"
        />
        <button type="submit" className="button">
          {t("keepApart.submit")}
        </button>
      </Form>

      {requests.length ? (
        <section className="stack" aria-labelledby="my-requests">
          <h2 id="my-requests">{t("keepApart.mineTitle")}</h2>
          <ul className="plain-list" data-testid="my-keep-apart">
            {requests.map((r) => (
              <li key={r.id} className="card stack">
                <p>
                  {t("keepApart.sentOn", { at: r.at })}{" "}
                  <span className="status">{t(`keepApart.status.${r.status}`)}</span>
                </p>
                {r.who ? <p dir="auto">{r.who}</p> : null}
                {r.details ? <p dir="auto">{r.details}</p> : null}
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      {checkInChoice !== null ? (
        <section className="card stack" aria-labelledby="check-in-choice">
          <h2 id="check-in-choice">{t("keepApart.checkInTitle")}</h2>
          <p>{t("keepApart.checkInIntro")}</p>
          <Form method="post" className="stack">
            <input type="hidden" name="intent" value="check-in" />
            <PlainFieldset
              legend={t("keepApart.checkInTitle")}
              legendClassName="visually-hidden"
              className="stack"
            >
              <label>
                <input type="radio" name="hide" value="yes" defaultChecked={checkInChoice} />{" "}
                {t("keepApart.checkInHide")}
              </label>
              <label>
                <input type="radio" name="hide" value="no" defaultChecked={!checkInChoice} />{" "}
                {t("keepApart.checkInShow")}
              </label>
            </PlainFieldset>
            <button type="submit" className="button button--secondary">
              {t("keepApart.checkInSave")}
            </button>
          </Form>
        </section>
      ) : null}
      <p>
        <Link to="/settings">{t("keepApart.backToSettings")}</Link>
      </p>
    </div>
  );
}
