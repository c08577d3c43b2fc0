import path from "node:path";
import { spawnTracked, exited } from "./e2e";
import { projectRoot } from "./paths";

const tsx = path.join(projectRoot, "node_modules", "tsx", "dist", "cli.mjs");

/** Runs one of scripts/*.ts as `npm run` would (without npm's own start-up), and waits. */
export async function runScript(
  script: string,
  args: string[],
  env: Record<string, string> = {},
): Promise<{ code: number | null; output: string }> {
  const child = spawnTracked(process.execPath, [tsx, path.join("scripts", script), ...args], {
    cwd: projectRoot,
    env: { ...process.env, ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout?.on("data", (chunk) => (output += chunk));
  child.stderr?.on("data", (chunk) => (output += chunk));
  await exited(child);
  return { code: child.exitCode, output };
}
