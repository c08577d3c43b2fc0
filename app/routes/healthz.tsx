import { db } from "~/db.server";
import { env } from "~/env.server";
import { checkHealth, healthResponse } from "~/health.server";

/**
 * Liveness: 200 as long as the process serves, with the engine, whether the database answers,
 * and the migration state. A load balancer that should stop sending traffic asks /readyz.
 */
export async function loader() {
  return healthResponse(await checkHealth(db(), env().DATABASE_URL), 200);
}
