import { db } from "~/db.server";
import { env } from "~/env.server";
import { checkHealth, healthResponse } from "~/health.server";

/**
 * Readiness: 200 when this process can serve (the database answers and has every migration
 * this release expects), 503 otherwise; server.js also answers 503 here once it is shutting
 * down, so a load balancer drains it before it stops.
 */
export async function loader() {
  const health = await checkHealth(db(), env().DATABASE_URL);
  return healthResponse(health, health.ready ? 200 : 503);
}
