import { describe, expect, it } from "vitest";
import { sql, sqlJoin } from "~/db/sql";

describe("hand-written SQL", () => {
  it("keeps values out of the text, in order, also when statements are joined", () => {
    const rows = [1, 2].map((n) => sql`(${`id-${n}`}, ${n})`);
    const query = sqlJoin([sql`INSERT INTO "T" ("id", "n") VALUES `, sqlJoin(rows, ", ")], "");
    expect(query.strings.join("?")).toBe('INSERT INTO "T" ("id", "n") VALUES (?, ?), (?, ?)');
    expect(query.values).toEqual(["id-1", 1, "id-2", 2]);
    expect(query.strings).toHaveLength(query.values.length + 1);
  });
});
