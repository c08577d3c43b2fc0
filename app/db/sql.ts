/**
 * Hand-written SQL for the few hot paths where Prisma's per-statement cost dominates (see
 * docs/decisions/0010). `sql\`… ${value} …\`` keeps values out of the text; each engine's
 * database module decides the placeholders. Write identifiers quoted ("Rsvp"."eventId") and
 * keep to SQL that SQLite and PostgreSQL both accept.
 */
export type SqlQuery = { readonly strings: readonly string[]; readonly values: readonly unknown[] };

export function sql(strings: TemplateStringsArray, ...values: unknown[]): SqlQuery {
  return { strings: [...strings], values };
}

/** Statements joined with `separator` between them, their values kept in order. */
export function sqlJoin(parts: readonly SqlQuery[], separator: string): SqlQuery {
  const strings: string[] = [""];
  const values: unknown[] = [];
  parts.forEach((part, i) => {
    strings[strings.length - 1] += (i === 0 ? "" : separator) + part.strings[0];
    strings.push(...part.strings.slice(1));
    values.push(...part.values);
  });
  return { strings, values };
}

/** What a hot path gets inside a write transaction: rows come back with SQL's column names. */
export type SqlRunner = {
  all<Row>(query: SqlQuery): Promise<Row[]>;
  run(query: SqlQuery): Promise<{ changes: number }>;
};

/** Numbers from SQL: SQLite's driver hands back integers as bigint. */
export function toNumber(value: unknown): number {
  return typeof value === "bigint" ? Number(value) : Number(value ?? 0);
}

/** Booleans from SQL: SQLite stores them as 0 and 1 (bigint from the driver); PostgreSQL as true/false. */
export function toBoolean(value: unknown): boolean {
  return value === true || toNumber(value) === 1;
}

/** Timestamps from SQL: SQLite keeps them as ISO text (as Prisma writes them). */
export function toDate(value: unknown): Date | null {
  if (value === null || value === undefined) return null;
  return value instanceof Date ? value : new Date(String(value));
}

type RawCapable = {
  $queryRaw<T = unknown>(query: TemplateStringsArray, ...values: unknown[]): Promise<T>;
  $executeRaw(query: TemplateStringsArray, ...values: unknown[]): Promise<number>;
};

/** Our query's pieces in the shape of a tagged template's, so Prisma writes each engine's placeholders. */
function template(query: SqlQuery): TemplateStringsArray {
  return Object.assign([...query.strings], { raw: [...query.strings] });
}

/**
 * The same hand-written statements inside a Prisma transaction (or outside one), for code that
 * also uses Prisma's models; Prisma numbers the placeholders as the engine wants them.
 */
export function prismaRunner(tx: RawCapable): SqlRunner {
  return {
    all: <Row>(query: SqlQuery) => tx.$queryRaw<Row[]>(template(query), ...query.values),
    run: async (query: SqlQuery) => ({
      changes: await tx.$executeRaw(template(query), ...query.values),
    }),
  };
}
