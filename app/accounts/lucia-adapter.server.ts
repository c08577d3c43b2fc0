import type { Adapter, DatabaseSession, DatabaseUser } from "lucia";
import { sqlRead, type Db } from "~/db.server";
import { sql, toDate } from "~/db/sql";

/**
 * Lucia v3's storage interface over our Prisma 6 client. Lucia's own Prisma adapter declares
 * Prisma 4-5 only; see docs/decisions/0002-lucia-v3-in-one-module.md.
 */
type SessionWithUser = {
  id: string;
  userId: string;
  expiresAt: unknown;
  email: string;
  displayName: string;
  role: string;
  locale: string | null;
};

export class PrismaSessionAdapter implements Adapter {
  constructor(private readonly db: Db) {}

  async getSessionAndUser(
    sessionId: string,
  ): Promise<[session: DatabaseSession | null, user: DatabaseUser | null]> {
    // Every request asks; one hand-written join on the read connection is a fraction of
    // Prisma's include (docs/decisions/0010). A suspended account has no valid session, however
    // it got one (log-in, a reset or sign-up link): one check closes every way in.
    const [row] = await sqlRead<SessionWithUser>(
      this.db,
      sql`SELECT s."id", s."userId", s."expiresAt", u."email", u."displayName", u."role", u."locale"
          FROM "Session" s JOIN "User" u ON u."id" = s."userId"
          WHERE s."id" = ${sessionId} AND u."suspendedAt" IS NULL`,
    );
    if (!row) return [null, null];
    return [
      { id: row.id, userId: row.userId, expiresAt: toDate(row.expiresAt)!, attributes: {} },
      {
        id: row.userId,
        attributes: {
          email: row.email,
          displayName: row.displayName,
          role: row.role,
          locale: row.locale,
        },
      },
    ];
  }

  async getUserSessions(userId: string): Promise<DatabaseSession[]> {
    const rows = await this.db.session.findMany({ where: { userId } });
    return rows.map((s) => ({
      id: s.id,
      userId: s.userId,
      expiresAt: s.expiresAt,
      attributes: {},
    }));
  }

  async setSession(session: DatabaseSession): Promise<void> {
    await this.db.session.create({
      data: { id: session.id, userId: session.userId, expiresAt: session.expiresAt },
    });
  }

  async updateSessionExpiration(sessionId: string, expiresAt: Date): Promise<void> {
    await this.db.session.updateMany({ where: { id: sessionId }, data: { expiresAt } });
  }

  async deleteSession(sessionId: string): Promise<void> {
    await this.db.session.deleteMany({ where: { id: sessionId } });
  }

  async deleteUserSessions(userId: string): Promise<void> {
    await this.db.session.deleteMany({ where: { userId } });
  }

  async deleteExpiredSessions(): Promise<void> {
    await this.db.session.deleteMany({ where: { expiresAt: { lte: new Date() } } });
  }
}
