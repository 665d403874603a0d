import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core';
import type { ChatAction } from '@pakaura/contract';

// Timestamps stay PostgreSQL text in the application (isoTimestamp formats them for the API):
// parsing that text into a Date takes V8's slow legacy path, on every row of every list.
const createdAt = () =>
  timestamp('created_at', { withTimezone: true, mode: 'string' }).notNull().defaultNow();
const updatedAt = () =>
  timestamp('updated_at', { withTimezone: true, mode: 'string' }).notNull().defaultNow();

export const users = pgTable('users', {
  id: uuid('id').primaryKey().defaultRandom(),
  /** Stored lower-cased, so uniqueness ignores case. */
  email: text('email').notNull().unique(),
  name: text('name').notNull(),
  passwordHash: text('password_hash').notNull(),
  createdAt: createdAt(),
  /**
   * How many tasks the user has, kept by triggers on `tasks` (see the migration), so that the
   * per-user cap is checked in O(1) and exactly, even under concurrent inserts.
   */
  taskCount: integer('task_count').notNull().default(0),
});

/**
 * Server-side sessions: a session token names one row, and the token stops working when its row
 * is gone (logout deletes it; a password change deletes all of the user's).
 */
export const sessions = pgTable(
  'sessions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    createdAt: createdAt(),
    expiresAt: timestamp('expires_at', { withTimezone: true, mode: 'string' }).notNull(),
  },
  (table) => [index('sessions_user_created_idx').on(table.userId, table.createdAt)],
);

/**
 * Rate-limit counters shared by every replica of the API: one row per limited key (a client
 * address, an account, a user, each hashed), counting hits until `resets_at`. `blocked_until` is
 * set while the key is refused.
 */
export const rateLimits = pgTable(
  'rate_limits',
  {
    key: text('key').primaryKey(),
    hits: integer('hits').notNull(),
    resetsAt: timestamp('resets_at', { withTimezone: true, mode: 'string' }).notNull(),
    blockedUntil: timestamp('blocked_until', { withTimezone: true, mode: 'string' }),
  },
  (table) => [index('rate_limits_resets_at_idx').on(table.resetsAt)],
);

export const tasks = pgTable(
  'tasks',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    title: text('title').notNull(),
    description: text('description').notNull().default(''),
    completed: boolean('completed').notNull().default(false),
    priority: text('priority', { enum: ['low', 'medium', 'high'] })
      .notNull()
      .default('medium'),
    dueDate: date('due_date', { mode: 'string' }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    completedAt: timestamp('completed_at', { withTimezone: true, mode: 'string' }),
  },
  (table) => [
    // Pages are read newest first by (created_at, id): the id breaks ties between equal times.
    index('tasks_user_created_id_idx').on(table.userId, table.createdAt, table.id),
    // The chat's candidate search: one owner's titles nearest a reference (pg_trgm word similarity
    // with btree_gist's uuid), so a message never reads every task. A wide signature keeps inner
    // pages selective for 200-character titles.
    index('tasks_user_title_trgm_idx').using(
      'gist',
      table.userId,
      sql`${table.title} gist_trgm_ops(siglen=256)`,
    ),
    check('tasks_priority_check', sql`${table.priority} in ('low', 'medium', 'high')`),
  ],
);

export const conversations = pgTable(
  'conversations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    title: text('title').notNull(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (table) => [index('conversations_user_updated_idx').on(table.userId, table.updatedAt)],
);

export const messages = pgTable(
  'messages',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    conversationId: uuid('conversation_id')
      .notNull()
      .references(() => conversations.id, { onDelete: 'cascade' }),
    role: text('role', { enum: ['user', 'assistant'] }).notNull(),
    content: text('content').notNull(),
    actions: jsonb('actions').$type<ChatAction[]>().notNull().default([]),
    createdAt: createdAt(),
  },
  (table) => [index('messages_conversation_created_idx').on(table.conversationId, table.createdAt)],
);

export type UserRow = typeof users.$inferSelect;
export type SessionRow = typeof sessions.$inferSelect;
export type TaskRow = typeof tasks.$inferSelect;
export type ConversationRow = typeof conversations.$inferSelect;
export type MessageRow = typeof messages.$inferSelect;
