import { spawn } from "node:child_process";
import path from "node:path";
import { projectRoot } from "./paths";

/**
 * Runs server/database.js's `migrateDatabase` in a process of its own, as a server or worker
 * starting beside others would; resolves with what it applied, or its error message.
 */
export function migrateInChildProcess(url: string): Promise<unknown> {
  const runner = path.join(projectRoot, "server", "database.js");
  const script = `import(${JSON.stringify(runner)}).then(async (m) => { try { console.log(JSON.stringify(await m.migrateDatabase(${JSON.stringify(url)}))); } catch (e) { console.log(JSON.stringify(String(e.message))); } })`;
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ["-e", script], { cwd: projectRoot });
    let out = "";
    child.stdout.on("data", (chunk) => (out += chunk));
    child.on("exit", () => resolve(JSON.parse(out.trim()) as unknown));
  });
}
