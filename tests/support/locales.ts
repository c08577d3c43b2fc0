import fs from "node:fs";
import path from "node:path";
import { projectRoot } from "./paths";

export const localesDir = path.join(projectRoot, "app", "i18n", "locales");

/** i18next's plural suffixes (`seatsLeft_one`, `seatsLeft_few`). */
export const pluralSuffix = /_(zero|one|two|few|many|other)$/;

function flatten(value: unknown, prefix: string, out: Map<string, string>) {
  for (const [key, child] of Object.entries(value as Record<string, unknown>)) {
    const full = prefix ? `${prefix}.${key}` : key;
    if (child && typeof child === "object") flatten(child, full, out);
    else out.set(full, String(child));
  }
  return out;
}

/** A locale file as dotted keys and their texts, in file order ("rsvp.confirmed" → "…"). */
export function localeMessages(locale: string): Map<string, string> {
  const file = path.join(localesDir, `${locale}.json`);
  return flatten(JSON.parse(fs.readFileSync(file, "utf8")), "", new Map());
}
