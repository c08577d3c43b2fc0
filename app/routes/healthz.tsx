import { db } from "~/db.server";

/** 200 when the server can read the database, 503 otherwise; for uptime checks and the e2e suite. */
export async function loader() {
  try {
    await db().$queryRaw`SELECT 1`;
    return new Response("ok", { headers: { "Cache-Control": "no-store" } });
  } catch (error) {
    console.error("healthz: database unreachable", error);
    return new Response("database unreachable", {
      status: 503,
      headers: { "Cache-Control": "no-store" },
    });
  }
}
