import { eq } from 'drizzle-orm';
import type { User } from '@pakaura/contract';
import type { Db } from '../db/database';
import { errorCode } from '../db/errors';
import { users, type UserRow } from '../db/schema';
import { isoTimestamp } from '../db/timestamps';

export class EmailTakenError extends Error {
  override name = 'EmailTakenError';
}

/** Emails compare without case or surrounding spaces. */
export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

export function toUser(row: UserRow): User {
  return { id: row.id, email: row.email, name: row.name, createdAt: isoTimestamp(row.createdAt) };
}

export class UserStore {
  constructor(private readonly db: Db) {}

  async create(input: { email: string; name: string; passwordHash: string }): Promise<UserRow> {
    try {
      const [row] = await this.db
        .insert(users)
        .values({
          email: normalizeEmail(input.email),
          name: input.name.trim(),
          passwordHash: input.passwordHash,
        })
        .returning();
      return row;
    } catch (error) {
      if (errorCode(error) === '23505')
        throw new EmailTakenError('An account with this email already exists');
      throw error;
    }
  }

  async findByEmail(email: string): Promise<UserRow | undefined> {
    const [row] = await this.db
      .select()
      .from(users)
      .where(eq(users.email, normalizeEmail(email)));
    return row;
  }

  async findById(id: string): Promise<UserRow | undefined> {
    const [row] = await this.db.select().from(users).where(eq(users.id, id));
    return row;
  }
}
