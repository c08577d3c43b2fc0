import { randomUUID } from "node:crypto";

/** Ids for rows written with hand-written SQL; Prisma's own inserts use cuid(). Both are opaque. */
export function newId(): string {
  return randomUUID();
}
