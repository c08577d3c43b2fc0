import type { ActionFunctionArgs } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { requireRole } from "~/accounts/sessions.server";
import { EventForm } from "~/components/EventForm";
import { db } from "~/db.server";
import { createEvent } from "~/events/events.server";
import { createEventSchema } from "~/events/schemas";
import type { RouteHandle } from "~/utils/handle";
import { fieldErrorsOf } from "~/utils/form-errors";
import { parseForm } from "~/utils/forms.server";
import { organizerFormLoader } from "~/utils/organizer-form.server";

export const handle: RouteHandle = { titleKey: "organize.formTitleNew" };

export const loader = organizerFormLoader;

export async function action({ request }: ActionFunctionArgs) {
  const { user } = await requireRole(request, "organizer");
  const submission = (await parseForm(request, createEventSchema)).submission;
  if (submission.status !== "success") return json({ result: submission.reply() }, { status: 400 });
  const created = await createEvent(db(), submission.value, user.id);
  if (!created.ok) {
    return json(
      { result: submission.reply({ fieldErrors: fieldErrorsOf(created.errors) }) },
      { status: 400 },
    );
  }
  return redirect(`/organize/events/${created.eventId}/edit?saved=1`);
}

export default function NewEvent() {
  const { t } = useTranslation();
  const { locale } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  return (
    <div className="stack narrow">
      <h1>{t("organize.formTitleNew")}</h1>
      <EventForm
        mode="create"
        lastResult={actionData?.result}
        inSeries={false}
        locale={locale}
        defaultValue={{
          kind: "cafe",
          locale,
          languages: [locale],
          startTime: "14:00",
          endTime: "16:00",
          timeZone: "Asia/Tokyo",
          hideAddress: "on",
          repeat: "none",
        }}
      />
    </div>
  );
}
