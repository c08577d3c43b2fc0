import type { ActionFunctionArgs } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { requireRole } from "~/accounts/sessions.server";
import { createResource } from "~/care/directory-admin.server";
import { resourceFormSchema } from "~/care/directory-schemas";
import { ResourceForm } from "~/components/ResourceForm";
import { db } from "~/db.server";
import { parseForm } from "~/utils/forms.server";
import { organizerFormLoader } from "~/utils/organizer-form.server";
import type { RouteHandle } from "~/utils/handle";

export const handle: RouteHandle = { titleKey: "resourcesOrg.newTitle" };

export const loader = organizerFormLoader;

export async function action({ request }: ActionFunctionArgs) {
  const { user } = await requireRole(request, "organizer");
  const { submission } = await parseForm(request, resourceFormSchema);
  if (submission.status !== "success") return json({ result: submission.reply() }, { status: 400 });
  const id = await createResource(db(), submission.value, user.id);
  return redirect(`/organize/resources/${id}?saved=1`);
}

export default function NewResource() {
  const { t } = useTranslation();
  const { locale } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  return (
    <div className="stack narrow">
      <p>
        <Link to="/organize/resources">{t("resourcesOrg.backToList")}</Link>
      </p>
      <h1>{t("resourcesOrg.newTitle")}</h1>
      <ResourceForm
        id="resource-new"
        lastResult={actionData?.result}
        locale={locale}
        defaultValue={{ locale, audience: "anyone", free: "on", status: "open", languages: [] }}
      />
    </div>
  );
}
