import fs from "node:fs";
import { prepareTemplate, removeTemplate } from "./database";
import { tmpDir } from "./paths";

/** Migrates one base database per run; every test file then works on its own copy. */
export default async function setup() {
  fs.rmSync(tmpDir, { recursive: true, force: true });
  fs.mkdirSync(tmpDir, { recursive: true });
  await prepareTemplate();
  return async () => {
    await removeTemplate();
    fs.rmSync(tmpDir, { recursive: true, force: true });
  };
}
