import { and, desc, eq, gt, lt, notInArray, or, sql } from 'drizzle-orm';
import type { Db } from '../db/database';
import { sessions } from '../db/schema';

/**
 * Sessions one user may hold at once (browsers, devices, scripts); signing in past this ends the
 * oldest, so repeated sign-ins cannot grow the table without bound.
 */
export const MAX_SESSIONS_PER_USER = 20;

function prepare(db: Db) {
  return {
    active: db
      .select({ id: sessions.id })
      .from(sessions)
      .where(
        and(
          eq(sessions.id, sql.placeholder('id')),
          eq(sessions.userId, sql.placeholder('userId')),
          gt(sessions.expiresAt, sql`now()`),
        ),
      )
      .prepare('sessions_active'),
  };
}

const preparedByDb = new WeakMap<Db, ReturnType<typeof prepare>>();

/** Server-side sessions: a token is honoured only while its row exists and has not expired. */
export class SessionStore {
  private readonly prepared: ReturnType<typeof prepare>;

  constructor(private readonly db: Db) {
    let prepared = preparedByDb.get(db);
    if (!prepared) {
      prepared = prepare(db);
      preparedByDb.set(db, prepared);
    }
    this.prepared = prepared;
  }

  /** A new session's id; ends the user's expired sessions and those past MAX_SESSIONS_PER_USER. */
  async start(userId: string, expiresAt: Date): Promise<string> {
    const [row] = await this.db
      .insert(sessions)
      .values({ userId, expiresAt: expiresAt.toISOString() })
      .returning({ id: sessions.id });
    const newest = this.db
      .select({ id: sessions.id })
      .from(sessions)
      .where(eq(sessions.userId, userId))
      .orderBy(desc(sessions.createdAt), desc(sessions.id))
      .limit(MAX_SESSIONS_PER_USER);
    await this.db
      .delete(sessions)
      .where(
        and(
          eq(sessions.userId, userId),
          or(lt(sessions.expiresAt, sql`now()`), notInArray(sessions.id, newest)),
        ),
      );
    return row.id;
  }

  async isActive(id: string, userId: string): Promise<boolean> {
    return (await this.prepared.active.execute({ id, userId })).length > 0;
  }

  async end(id: string, userId: string): Promise<void> {
    await this.db.delete(sessions).where(and(eq(sessions.id, id), eq(sessions.userId, userId)));
  }

  /** Ends every session of the user (a password change). */
  async endAll(userId: string): Promise<void> {
    await this.db.delete(sessions).where(eq(sessions.userId, userId));
  }
}
