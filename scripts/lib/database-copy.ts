/**
 * Moving every row of one Tsunagu database into another, of either engine, and proving that
 * both hold the same rows. Rows go through Prisma's models, so ids, dates (to the millisecond),
 * booleans and nulls arrive as the same values whatever each engine stores underneath; the
 * table list comes from the generated client and the foreign-key order from the database's own
 * catalogue, so both follow the schema without a list kept by hand.
 */
import crypto from "node:crypto";
import { Prisma, type PrismaClient } from "~/generated/prisma/client";
import { createDb, engineOfDb } from "~/db.server";
import { committedMigrations, migrateDatabase, pendingMigrations } from "../../server/database.js";
import { postgresMigrationsDir } from "../../server/migrations.js";

export type Model = Prisma.ModelName;

/** Every model of the schema (Prisma's `_prisma_migrations` is not one: each database keeps its own). */
export const models = Object.values(Prisma.ModelName) as Model[];

const BATCH = 500;
/** A copy of a big group may take minutes; it is one transaction on the target. */
const COPY_TIMEOUT_MS = 30 * 60_000;

type Row = Record<string, unknown>;
type Delegate = {
  count(): Promise<number>;
  findMany(args: { orderBy: Record<string, "asc">[]; skip: number; take: number }): Promise<Row[]>;
  createMany(args: { data: Row[] }): Promise<{ count: number }>;
};

function delegate(db: PrismaClient | Prisma.TransactionClient, model: Model): Delegate {
  const key = model[0]!.toLowerCase() + model.slice(1);
  return (db as unknown as Record<string, Delegate>)[key]!;
}

/** The model's scalar columns in schema order (Prisma's `<Model>ScalarFieldEnum`). */
export function columnsOf(model: Model): string[] {
  const fields = (Prisma as unknown as Record<string, Record<string, string>>)[
    `${model}ScalarFieldEnum`
  ];
  if (!fields) throw new Error(`No scalar fields known for ${model}.`);
  return Object.values(fields);
}

type Catalogue = { primaryKey: Map<Model, string[]>; references: Map<Model, Set<Model>> };

/** Primary keys and foreign keys, read from the database (the generated client keeps neither). */
async function catalogueOf(db: PrismaClient): Promise<Catalogue> {
  const known = new Set<string>(models);
  const primaryKey = new Map<Model, string[]>();
  const references = new Map<Model, Set<Model>>(models.map((m) => [m, new Set<Model>()]));
  if (engineOfDb(db) === "sqlite") {
    for (const model of models) {
      const columns = await db.$queryRawUnsafe<{ name: string; pk: number | bigint }[]>(
        "SELECT name, pk FROM pragma_table_info(?) WHERE pk > 0 ORDER BY pk",
        model,
      );
      primaryKey.set(
        model,
        columns.map((c) => c.name),
      );
      const keys = await db.$queryRawUnsafe<{ table: string }[]>(
        'SELECT "table" FROM pragma_foreign_key_list(?)',
        model,
      );
      for (const key of keys)
        if (known.has(key.table)) references.get(model)!.add(key.table as Model);
    }
  } else {
    const keys = await db.$queryRawUnsafe<{ child: string; parent: string }[]>(
      `SELECT c.relname::text AS child, p.relname::text AS parent FROM pg_constraint k
         JOIN pg_class c ON c.oid = k.conrelid JOIN pg_class p ON p.oid = k.confrelid
         JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE k.contype = 'f' AND n.nspname = current_schema()`,
    );
    for (const key of keys) {
      if (known.has(key.child) && known.has(key.parent)) {
        references.get(key.child as Model)!.add(key.parent as Model);
      }
    }
    const columns = await db.$queryRawUnsafe<{ table: string; column: string }[]>(
      `SELECT c.relname::text AS "table", a.attname::text AS "column" FROM pg_index i
         JOIN pg_class c ON c.oid = i.indrelid JOIN pg_namespace n ON n.oid = c.relnamespace
         JOIN LATERAL unnest(i.indkey) WITH ORDINALITY AS k(attnum, position) ON true
         JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum = k.attnum
        WHERE i.indisprimary AND n.nspname = current_schema() ORDER BY c.relname, k.position`,
    );
    for (const column of columns) {
      if (!known.has(column.table)) continue;
      const list = primaryKey.get(column.table as Model) ?? [];
      list.push(column.column);
      primaryKey.set(column.table as Model, list);
    }
  }
  for (const model of models) {
    if (!primaryKey.get(model)?.length) throw new Error(`Table ${model} has no primary key.`);
  }
  return { primaryKey, references };
}

/** Parents before children, so every row's foreign keys exist when it is inserted. */
export function foreignKeyOrder(references: Map<Model, Set<Model>>): Model[] {
  const order: Model[] = [];
  const state = new Map<Model, "visiting" | "done">();
  const visit = (model: Model, path: Model[]) => {
    if (state.get(model) === "done") return;
    if (state.get(model) === "visiting") {
      // A table pointing at itself or a cycle would need deferred constraints; the schema has none.
      throw new Error(`Foreign keys form a cycle: ${[...path, model].join(" → ")}`);
    }
    state.set(model, "visiting");
    for (const parent of references.get(model) ?? []) visit(parent, [...path, model]);
    state.set(model, "done");
    order.push(model);
  };
  for (const model of [...models].sort()) visit(model, []);
  return order;
}

/** One value as text both engines give alike: dates as ISO strings, the rest as JSON has it. */
function canonical(value: unknown): unknown {
  if (value instanceof Date) return value.toISOString();
  if (typeof value === "bigint") return value.toString();
  return value;
}

/** A row as one line of JSON, its columns in schema order. */
export function rowLine(model: Model, row: Row): string {
  return JSON.stringify(columnsOf(model).map((column) => canonical(row[column])));
}

async function* batches(db: PrismaClient, model: Model, primaryKey: string[]) {
  const orderBy = primaryKey.map((column) => ({ [column]: "asc" as const }));
  for (let skip = 0; ; skip += BATCH) {
    const rows = await delegate(db, model).findMany({ orderBy, skip, take: BATCH });
    if (rows.length > 0) yield rows;
    if (rows.length < BATCH) return;
  }
}

/**
 * Every table's rows as sorted lines: two databases hold the same data exactly when their
 * snapshots are equal (sorted here, not by the database, as collations may differ).
 */
export async function snapshotOf(db: PrismaClient): Promise<Record<Model, string[]>> {
  const { primaryKey } = await catalogueOf(db);
  const snapshot = {} as Record<Model, string[]>;
  for (const model of models) {
    const lines: string[] = [];
    for await (const rows of batches(db, model, primaryKey.get(model)!)) {
      for (const row of rows) lines.push(rowLine(model, row));
    }
    snapshot[model] = lines.sort();
  }
  return snapshot;
}

export type TableSummary = { rows: number; checksum: string };

/** Row count and a SHA-256 over the sorted row lines, per table. */
export async function summaryOf(db: PrismaClient): Promise<Record<Model, TableSummary>> {
  const snapshot = await snapshotOf(db);
  const summary = {} as Record<Model, TableSummary>;
  for (const model of models) {
    const hash = crypto.createHash("sha256");
    for (const line of snapshot[model]) hash.update(line).update("\n");
    summary[model] = { rows: snapshot[model].length, checksum: hash.digest("hex") };
  }
  return summary;
}

/** The applied migrations' names, oldest first. */
export async function appliedMigrationsOf(db: PrismaClient): Promise<string[]> {
  const rows = await db.$queryRawUnsafe<{ migration_name: string }[]>(
    'SELECT migration_name FROM "_prisma_migrations" WHERE rolled_back_at IS NULL AND finished_at IS NOT NULL ORDER BY migration_name',
  );
  return rows.map((row) => row.migration_name);
}

/** Tables that hold rows, with their counts (empty when the database has none). */
export async function tablesWithRows(db: PrismaClient): Promise<string[]> {
  const found: string[] = [];
  for (const model of models) {
    const count = await delegate(db, model).count();
    if (count > 0) found.push(`${model} (${count})`);
  }
  return found;
}

export type CopyResult = { tables: { model: Model; rows: number; checksum: string }[] };

/**
 * Copies every row from one database into another, empty one, of either engine: migrates the
 * target to this release's migrations (the source must already be there), inserts every table
 * in foreign-key order in one transaction on the target, then compares row counts and checksums.
 */
export async function copyDatabase(
  fromUrl: string,
  toUrl: string,
  log: (line: string) => void = () => {},
): Promise<CopyResult> {
  if (fromUrl === toUrl) throw new Error("The source and the target are the same database.");
  const pending = await pendingMigrations(fromUrl);
  if (pending.length > 0) {
    throw new Error(
      `The source database lacks ${pending.length} migration(s) of this release (${pending.join(", ")}). Run \`npm run db:deploy\` with DATABASE_URL set to it first.`,
    );
  }
  const source = createDb(fromUrl);
  const target = createDb(toUrl);
  try {
    const sourceMigrations = await appliedMigrationsOf(source);
    const known = new Set(committedMigrations().map((m) => m.name));
    const newer = sourceMigrations.filter((name) => !known.has(name));
    if (newer.length > 0) {
      throw new Error(
        `The source database has migrations this release does not know (${newer.join(", ")}): copy it with the release that made them.`,
      );
    }
    await migrateDatabase(toUrl, { log });
    const targetMigrations = await appliedMigrationsOf(target);
    if (targetMigrations.join() !== sourceMigrations.join()) {
      throw new Error(
        "The target's migrations differ from the source's after migrating; it is not a Tsunagu database of this release.",
      );
    }
    const occupied = await tablesWithRows(target);
    if (occupied.length > 0) {
      throw new Error(
        `The target database is not empty: ${occupied.join(", ")}. Copy into a new, empty database; nothing was changed.`,
      );
    }

    const { primaryKey, references } = await catalogueOf(source);
    const order = foreignKeyOrder(references);
    await target.$transaction(
      async (tx) => {
        for (const model of order) {
          let copied = 0;
          for await (const rows of batches(source, model, primaryKey.get(model)!)) {
            copied += (await delegate(tx, model).createMany({ data: rows })).count;
          }
          if (copied > 0) log(`Copied ${copied} row(s) of ${model}`);
        }
      },
      { maxWait: 60_000, timeout: COPY_TIMEOUT_MS },
    );

    const [before, after] = [await summaryOf(source), await summaryOf(target)];
    const tables = order.map((model) => ({ model, ...after[model] }));
    const wrong = models.filter(
      (model) =>
        before[model].rows !== after[model].rows ||
        before[model].checksum !== after[model].checksum,
    );
    if (wrong.length > 0) {
      throw new Error(
        `The copy differs from the source in ${wrong
          .map((m) => `${m} (source ${before[m].rows} rows, copy ${after[m].rows})`)
          .join(
            ", ",
          )}. Was the server still writing to the source? Stop it, empty the target and copy again.`,
      );
    }
    return { tables };
  } finally {
    await source.$disconnect();
    await target.$disconnect();
  }
}

// The PostgreSQL migrations mirror the SQLite ones by name (scripts/lib/postgres-schema.ts).
export const knownMigrationNames = (): Set<string> =>
  new Set([
    ...committedMigrations().map((m) => m.name),
    ...committedMigrations(postgresMigrationsDir).map((m) => m.name),
  ]);
