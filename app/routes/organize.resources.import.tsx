import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, Link, useActionData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { requireRole } from "~/accounts/sessions.server";
import { importResources } from "~/care/directory-admin.server";
import { parseHsds, type ImportProblem } from "~/care/hsds.server";
import { db } from "~/db.server";
import { readForm } from "~/utils/forms.server";
import type { RouteHandle } from "~/utils/handle";
import { PlainInput } from "~/components/fields";

export const handle: RouteHandle = { titleKey: "resourcesOrg.importTitle" };

/** A directory of a few hundred entries is well under this. */
const MAX_IMPORT_BYTES = 2 * 1024 * 1024;

export async function loader({ request }: LoaderFunctionArgs) {
  await requireRole(request, "organizer");
  return json({});
}

type ActionData =
  { ok: true; imported: string[] } | { ok: false; problems: ImportProblem[]; more: number };

export async function action({ request }: ActionFunctionArgs) {
  const { user } = await requireRole(request, "organizer");
  const formData = await readForm(request, { file: { field: "file", maxBytes: MAX_IMPORT_BYTES } });
  const file = formData.get("file");
  const text = typeof file === "string" ? file : file ? await file.text() : "";
  if (!text.trim()) {
    return json<ActionData>(
      { ok: false, problems: [{ where: "", code: "required" }], more: 0 },
      { status: 400 },
    );
  }
  const parsed = parseHsds(text);
  if (!parsed.ok) {
    // A broken file can have thousands of problems; the first hundred say what is wrong.
    return json<ActionData>(
      {
        ok: false,
        problems: parsed.problems.slice(0, 100),
        more: Math.max(0, parsed.problems.length - 100),
      },
      { status: 400 },
    );
  }
  await importResources(db(), parsed.entries, user.id);
  return json<ActionData>({ ok: true, imported: parsed.entries.map((e) => e.name) });
}

export default function ImportResources() {
  const { t } = useTranslation();
  const result = useActionData<typeof action>();
  return (
    <div className="stack narrow">
      <p>
        <Link to="/organize/resources">{t("resourcesOrg.backToList")}</Link>
      </p>
      <h1>{t("resourcesOrg.importTitle")}</h1>
      <p>{t("resourcesOrg.importIntro")}</p>
      {result?.ok ? (
        <div className="notice notice--success" role="status">
          <p>{t("resourcesOrg.importDone", { count: result.imported.length })}</p>
          <ul>
            {result.imported.map((name, i) => (
              <li key={i} dir="auto">
                {name}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      {result && !result.ok ? (
        <div className="notice notice--error" role="alert">
          <p>{t("resourcesOrg.importFailed")}</p>
          <ul>
            {result.problems.map((p, i) => (
              <li key={i}>
                {p.where ? (
                  <>
                    <code dir="ltr">{p.where}</code>:{" "}
                  </>
                ) : null}
                {t(`resourcesOrg.importErrors.${p.code}`, { value: p.value ?? "" })}
              </li>
            ))}
          </ul>
          {result.more ? <p>{t("resourcesOrg.importMore", { count: result.more })}</p> : null}
        </div>
      ) : null}
      <Form method="post" encType="multipart/form-data" className="card stack">
        <PlainInput
          id="import-file"
          name="file"
          label={t("resourcesOrg.importFile")}
          type="file"
          accept=".json,application/json"
          required
        />
        <button type="submit" className="button">
          {t("resourcesOrg.importSubmit")}
        </button>
      </Form>
    </div>
  );
}
