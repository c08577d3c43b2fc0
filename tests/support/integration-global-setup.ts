import fs from "node:fs";
import { prepareDatabase } from "../../server/database.js";
import { baseDbPath, tmpDir } from "./paths";

/** Migrates one base database per run; every test file then works on its own copy. */
export default function setup() {
  fs.rmSync(tmpDir, { recursive: true, force: true });
  fs.mkdirSync(tmpDir, { recursive: true });
  prepareDatabase(`file:${baseDbPath}`);
  return () => fs.rmSync(tmpDir, { recursive: true, force: true });
}
