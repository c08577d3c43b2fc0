/**
 * Makes an existing account an admin:  npm run user:admin -- <email>
 * The same as `npm run user:role -- <email> admin`, kept because earlier instructions use it.
 */
import { runRoleCommand } from "./user-role";

process.exitCode = await runRoleCommand(process.argv[2], "admin");
