import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireRole } from "~/accounts/sessions.server";
import { allResources } from "~/care/directory-admin.server";
import { exportHsds } from "~/care/hsds.server";
import { db } from "~/db.server";

/** The directory as Open Referral HSDS 3.0 JSON, for sharing with other groups. */
export async function loader({ request }: LoaderFunctionArgs) {
  await requireRole(request, "organizer");
  const body = JSON.stringify(exportHsds(await allResources(db())), null, 2);
  return new Response(body, {
    headers: {
      "Content-Type": "application/json; charset=utf-8",
      "Content-Disposition": 'attachment; filename="directory-hsds.json"',
      "Cache-Control": "no-store",
    },
  });
}
