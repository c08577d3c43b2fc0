import path from "node:path";

export const projectRoot = path.resolve(import.meta.dirname, "..", "..");
export const tmpDir = path.join(projectRoot, "tests", ".tmp");
export const baseDbPath = path.join(tmpDir, "base.db");
