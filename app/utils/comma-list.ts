/**
 * Lists of codes (spoken languages, reasons, topics, time slots) stored in one text column as
 * ",fa,ja," so that `contains: ",fa,"` finds the rows that hold a code, on either database.
 */
export function encodeList(codes: readonly string[]): string {
  return `,${[...new Set(codes)].join(",")}${codes.length ? "," : ""}`;
}

export function decodeList(stored: string): string[] {
  return stored.split(",").filter(Boolean);
}
