import type { Db } from "~/db.server";
import { newId } from "~/db/ids";
import type { Prisma } from "~/generated/prisma/client";
import { prismaRunner, sql, sqlJoin, type SqlRunner } from "~/db/sql";
import type { MessageKind } from "./kinds";

type Tx = Prisma.TransactionClient;

export type NewMessage = {
  kind: MessageKind;
  userId: string;
  payload: Record<string, string>;
  /**
   * At most one message ever has this key: a row whose key is already recorded is skipped, so
   * jobs that run in every sender round, in every process, record each message once.
   */
  dedupeKey?: string;
};

/**
 * Records messages for the sender. Call it with the transaction that makes the change, so the
 * message exists exactly when the change does. Returns how many were recorded: fewer than given
 * when some dedupe keys were taken already.
 */
export async function enqueueMessages(tx: Tx | Db, messages: NewMessage[]): Promise<number> {
  return recordMessages(prismaRunner(tx), messages);
}

/** Rows per INSERT: eleven values each, well inside SQLite's and PostgreSQL's limits. */
const ROWS_PER_INSERT = 500;

/** The one INSERT of outbox rows, for Prisma transactions and hand-written ones alike. */
export async function recordMessages(
  sqlRunner: SqlRunner,
  messages: NewMessage[],
): Promise<number> {
  // Every RSVP records one under the write lock, so it is hand-written (docs/decisions/0010);
  // a cancelled café records one per person, so rows go in one statement.
  const now = new Date();
  let recorded = 0;
  for (let start = 0; start < messages.length; start += ROWS_PER_INSERT) {
    const rows = messages
      .slice(start, start + ROWS_PER_INSERT)
      .map(
        (m) =>
          sql`(${newId()}, ${m.kind}, ${m.userId}, ${JSON.stringify(m.payload)}, ${m.dedupeKey ?? null}, 'pending', 0, ${now}, '', ${now}, ${now})`,
      );
    const { changes } = await sqlRunner.run(
      sqlJoin(
        [
          sql`INSERT INTO "OutboxMessage" ("id", "kind", "userId", "payload", "dedupeKey", "status",
            "attempts", "nextAttemptAt", "lastError", "createdAt", "updatedAt") VALUES `,
          sqlJoin(rows, ", "),
          // Another process (or an earlier round) recorded a message with this key already.
          sql` ON CONFLICT ("dedupeKey") DO NOTHING`,
        ],
        "",
      ),
    );
    recorded += changes;
  }
  return recorded;
}
