import type { LoaderFunctionArgs } from "@remix-run/node";
import { exportUserData } from "~/accounts/accounts.server";
import { requireUser } from "~/accounts/sessions.server";
import { db } from "~/db.server";

/** "Download my data": everything stored about the signed-in person, as a JSON file. */
export async function loader({ request }: LoaderFunctionArgs) {
  const { user } = await requireUser(request);
  const data = await exportUserData(db(), user.id);
  const day = new Date().toISOString().slice(0, 10);
  return new Response(JSON.stringify(data, null, 2), {
    headers: {
      "Content-Type": "application/json; charset=utf-8",
      "Content-Disposition": `attachment; filename="tsunagu-my-data-${day}.json"`,
      "Cache-Control": "no-store",
    },
  });
}
