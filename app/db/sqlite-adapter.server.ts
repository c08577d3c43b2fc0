import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import {
  DriverAdapterError,
  type IsolationLevel,
  type SqlDriverAdapter,
  type SqlDriverAdapterFactory,
  type SqlQuery,
  type Transaction,
} from "@prisma/driver-adapter-utils";
import { Mutex } from "async-mutex";
import { retryWhile } from "./retry";
import type { SqlQuery as HandWritten, SqlRunner } from "./sql";

/**
 * Prisma's better-sqlite3 adapter, arranged for several requests and several processes on one
 * SQLite file (see docs/decisions/0010-sqlite-connections.md):
 *
 * - one writer connection per process, held by one write at a time (an in-process mutex), so no
 *   statement of one request ever runs inside another request's transaction;
 * - write transactions begin with `BEGIN IMMEDIATE`, taking SQLite's write lock before their
 *   first read, so a commit by another process in between cannot fail them (SQLITE_BUSY_SNAPSHOT);
 * - waiting for another process's lock happens in short asynchronous sleeps, not inside SQLite's
 *   busy handler, which would block this process's event loop;
 * - reads outside a transaction go to a read-only connection, so in WAL mode they never queue
 *   behind a transaction that is waiting on the network or on the mutex.
 */

type Queryable = Pick<SqlDriverAdapter, "queryRaw" | "executeRaw">;
type Connection = SqlDriverAdapter & { client: SqliteClient };

export type SqliteAdapterOptions = {
  url: string;
  /** How long a write may wait in all for other processes' locks before it fails. */
  lockWaitMs?: number;
};

const DEFAULT_LOCK_WAIT_MS = 15_000;
/** SQLite's own busy handler blocks the thread, so it only covers very short waits. */
const SYNC_BUSY_TIMEOUT_MS = 5;
const READER_BUSY_TIMEOUT_MS = 2_000;

type Statement = {
  reader: boolean;
  readonly: boolean;
  run(...args: unknown[]): unknown;
  all(...args: unknown[]): unknown[];
  columns(): unknown[];
  raw(toggle?: boolean): Statement;
};
type SqliteClient = { prepare(sql: string): Statement };

const STATEMENT_CACHE_LIMIT = 500;

/**
 * Prisma's adapter prepares every statement anew (`prepare(sql).bind(args)`, and a statement can
 * be bound only once). Its statements repeat, so each connection keeps them prepared and hands
 * the adapter a view that binds per call; preparing was a tenth of a busy server's time.
 */
function keepStatementsPrepared(client: SqliteClient) {
  const prepare = client.prepare.bind(client);
  const cache = new Map<string, Statement>();
  client.prepare = (sql: string) => {
    let statement = cache.get(sql);
    if (!statement) {
      statement = prepare(sql);
      if (cache.size >= STATEMENT_CACHE_LIMIT) cache.delete(cache.keys().next().value!);
      cache.set(sql, statement);
    }
    return boundPerCall(statement);
  };
}

function boundPerCall(statement: Statement): Statement {
  let args: unknown[] = [];
  const view: Statement = {
    get reader() {
      return statement.reader;
    },
    get readonly() {
      return statement.readonly;
    },
    bind: (values: unknown[]) => {
      args = values;
      return view;
    },
    run: () => statement.run(...args),
    all: () => statement.all(...args),
    columns: () => statement.columns(),
    raw: (toggle = true) => {
      statement.raw(toggle);
      return view;
    },
  } as Statement & { bind(values: unknown[]): Statement };
  return view;
}

function sqliteCodeOf(error: unknown): string | undefined {
  if (error instanceof DriverAdapterError) {
    const cause = error.cause as { originalCode?: unknown };
    return typeof cause.originalCode === "string" ? cause.originalCode : undefined;
  }
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === "string" ? code : undefined;
}

export function isBusyError(error: unknown): boolean {
  const code = sqliteCodeOf(error);
  return (
    code === "SQLITE_BUSY" || code?.startsWith("SQLITE_BUSY_") === true || code === "SQLITE_LOCKED"
  );
}

/** Runs `work` again after a short, growing, jittered pause while another process holds the lock. */
function whileBusy<T>(lockWaitMs: number, work: () => Promise<T> | T): Promise<T> {
  return retryWhile(isBusyError, { withinMs: lockWaitMs, firstPauseMs: 2, maxPauseMs: 50 }, work);
}

/** Ends a transaction that failed; SQLite may have rolled it back already. */
function rollbackQuietly(client: SqliteClient) {
  try {
    client.prepare("ROLLBACK").run();
  } catch {
    // No transaction was open any more.
  }
}

const isTransactionEnd = (sql: string) => /^\s*(COMMIT|ROLLBACK)\b/i.test(sql);

export class SqliteAdapter implements SqlDriverAdapter {
  readonly provider = "sqlite";
  readonly adapterName = "tsunagu-sqlite";
  readonly #writer: Connection;
  readonly #reader: Connection;
  readonly #writeLock = new Mutex();
  readonly #lockWaitMs: number;

  constructor(writer: Connection, reader: Connection, lockWaitMs: number) {
    this.#writer = writer;
    this.#reader = reader;
    this.#lockWaitMs = lockWaitMs;
  }

  /** Whether a statement only reads; the reader keeps it prepared, so asking again is cheap. */
  #isReadOnly(sql: string): boolean {
    try {
      return this.#reader.client.prepare(sql).readonly;
    } catch {
      // Let the writer run it and report the error as Prisma expects.
      return false;
    }
  }

  /** A statement outside any transaction: reads in parallel, writes one at a time. */
  #outside<T>(query: SqlQuery, run: (connection: Queryable) => Promise<T>): Promise<T> {
    if (this.#isReadOnly(query.sql)) return run(this.#reader);
    return this.#writeLock.runExclusive(() => whileBusy(this.#lockWaitMs, () => run(this.#writer)));
  }

  queryRaw(query: SqlQuery) {
    return this.#outside(query, (connection) => connection.queryRaw(query));
  }

  executeRaw(query: SqlQuery) {
    return this.#outside(query, (connection) => connection.executeRaw(query));
  }

  executeScript(script: string) {
    return this.#writeLock.runExclusive(() =>
      whileBusy(this.#lockWaitMs, () => this.#writer.executeScript(script)),
    );
  }

  async startTransaction(isolationLevel?: IsolationLevel): Promise<Transaction> {
    if (isolationLevel && isolationLevel !== "SERIALIZABLE") {
      throw new DriverAdapterError({ kind: "InvalidIsolationLevel", level: isolationLevel });
    }
    const release = await this.#writeLock.acquire();
    try {
      await whileBusy(this.#lockWaitMs, () => this.#writer.client.prepare("BEGIN IMMEDIATE").run());
    } catch (error) {
      release();
      throw error;
    }
    return new SqliteTransaction(this.#writer, release);
  }

  /**
   * Runs hand-written statements in one `BEGIN IMMEDIATE` transaction on the writer, in turn
   * with Prisma's transactions; rolls back if `work` throws.
   */
  async writeTransaction<T>(work: (sql: SqlRunner) => Promise<T>): Promise<T> {
    return this.#writeLock.runExclusive(async () => {
      const client = this.#writer.client;
      await whileBusy(this.#lockWaitMs, () => client.prepare("BEGIN IMMEDIATE").run());
      try {
        const result = await work(directRunner(client));
        client.prepare("COMMIT").run();
        return result;
      } catch (error) {
        rollbackQuietly(client);
        throw error;
      }
    });
  }

  /** Hand-written reads on the read-only connection: never waits for a writer. */
  read<Row>(query: HandWritten): Promise<Row[]> {
    return directRunner(this.#reader.client).all<Row>(query);
  }

  async dispose() {
    await this.#writeLock.runExclusive(async () => {
      await this.#reader.dispose();
      await this.#writer.dispose();
    });
  }
}

/**
 * Prisma sends COMMIT and ROLLBACK itself, then calls commit() or rollback(). The writer is let
 * go after the statement whatever happens, so a failed COMMIT cannot keep the mutex forever.
 */
class SqliteTransaction implements Transaction {
  readonly provider = "sqlite";
  readonly adapterName = "tsunagu-sqlite";
  readonly options = { usePhantomQuery: false };
  readonly #writer: Connection;
  #release: (() => void) | undefined;

  constructor(writer: Connection, release: () => void) {
    this.#writer = writer;
    this.#release = release;
  }

  #finish() {
    const release = this.#release;
    this.#release = undefined;
    release?.();
  }

  #assertOpen() {
    if (!this.#release) throw new Error("This transaction has already ended.");
  }

  async queryRaw(query: SqlQuery) {
    this.#assertOpen();
    return this.#writer.queryRaw(query);
  }

  async executeRaw(query: SqlQuery) {
    this.#assertOpen();
    if (!isTransactionEnd(query.sql)) return this.#writer.executeRaw(query);
    try {
      return await this.#writer.executeRaw(query);
    } catch (error) {
      // A COMMIT that failed leaves the transaction open; close it before letting go.
      rollbackQuietly(this.#writer.client);
      throw error;
    } finally {
      this.#finish();
    }
  }

  async commit() {
    this.#finish();
  }

  async rollback() {
    this.#finish();
  }
}

/** SQLite's values for our parameters, as Prisma's adapter writes them. */
function sqliteValue(value: unknown): unknown {
  if (value instanceof Date) return value.toISOString().replace("Z", "+00:00");
  if (typeof value === "boolean") return value ? 1 : 0;
  return value ?? null;
}

function directRunner(client: SqliteClient): SqlRunner {
  const prepared = (query: HandWritten) => {
    const statement = client.prepare(query.strings.join("?")) as Statement & {
      bind(values: unknown[]): Statement;
    };
    return statement.bind(query.values.map(sqliteValue));
  };
  return {
    all: async <Row>(query: HandWritten) => {
      // Rows as objects, built by better-sqlite3 itself (hand-written statements are never
      // Prisma's, so the raw mode its adapter sets is not in the way).
      return prepared(query).raw(false).all() as Row[];
    },
    run: async (query: HandWritten) => {
      const { changes } = prepared(query).run() as { changes: number | bigint };
      return { changes: Number(changes) };
    },
  };
}

export type SqliteAdapterFactory = SqlDriverAdapterFactory & {
  /** The connected adapter, once Prisma has connected (`db.$connect()`). */
  connected(): SqliteAdapter | undefined;
};

/** A Prisma driver-adapter factory: `new PrismaClient({ adapter: sqliteAdapter({ url }) })`. */
export function sqliteAdapter(options: SqliteAdapterOptions): SqliteAdapterFactory {
  const writerFactory = new PrismaBetterSQLite3({
    url: options.url,
    timeout: SYNC_BUSY_TIMEOUT_MS,
  });
  const readerFactory = new PrismaBetterSQLite3({
    url: options.url,
    readonly: true,
    fileMustExist: true,
    timeout: READER_BUSY_TIMEOUT_MS,
  });
  let adapter: SqliteAdapter | undefined;
  return {
    provider: "sqlite",
    adapterName: "tsunagu-sqlite",
    connected: () => adapter,
    async connect() {
      // The writer first: it creates the file if needed; WAL lets the reader see commits at once.
      const writer = (await writerFactory.connect()) as Connection;
      // In WAL mode, NORMAL keeps every commit across a crash of the process (kill -9); only a
      // power cut or OS crash can undo the last commits. FULL costs an fsync per commit.
      writer.client.prepare("PRAGMA synchronous = NORMAL").run();
      const reader = (await readerFactory.connect()) as Connection;
      keepStatementsPrepared(writer.client);
      keepStatementsPrepared(reader.client);
      adapter = new SqliteAdapter(writer, reader, options.lockWaitMs ?? DEFAULT_LOCK_WAIT_MS);
      return adapter;
    },
  };
}
