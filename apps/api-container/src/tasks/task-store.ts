import { and, desc, eq, sql, type SQL } from 'drizzle-orm';
import {
  TASK_PAGE_SIZE_DEFAULT,
  TASKS_PER_USER_MAX,
  type CreateTaskBody,
  type ListTasksQuery,
  type Task,
  type TaskList,
  type TaskStatus,
  type UpdateTaskBody,
} from '@pakaura/contract';
import type { Db } from '../db/database';
import { tasks, users, type TaskRow } from '../db/schema';
import { isoTimestamp } from '../db/timestamps';
import { HttpError } from '../plugins/errors';
import { decodeCursor, encodeCursor } from './cursor';

/** A create refused because the account already holds TASKS_PER_USER_MAX tasks. */
export class TaskLimitError extends HttpError {
  constructor() {
    super(
      409,
      `You have reached the limit of ${TASKS_PER_USER_MAX.toLocaleString('en')} tasks; delete some (for example the completed ones) before adding more`,
    );
  }
}

/** A create for an account that no longer exists (its session outlived it). */
export class OwnerGoneError extends HttpError {
  constructor() {
    super(401, 'Your account no longer exists; sign in again');
  }
}

export function toTask(row: TaskRow): Task {
  return {
    id: row.id,
    title: row.title,
    description: row.description,
    completed: row.completed,
    priority: row.priority,
    dueDate: row.dueDate,
    createdAt: isoTimestamp(row.createdAt),
    updatedAt: isoTimestamp(row.updatedAt),
    completedAt: row.completedAt === null ? null : isoTimestamp(row.completedAt),
  };
}

/** `%` and `_` in a search are literal characters, not patterns. */
export function likePattern(search: string): string {
  return `%${search.replace(/[\\%_]/g, (char) => `\\${char}`)}%`;
}

/**
 * The two hot queries (list, create) as named prepared statements: PostgreSQL plans them once
 * per connection instead of on every request. One set per database handle.
 */
function prepareStatements(db: Db) {
  const userId = sql.placeholder('userId');
  const completed = sql.placeholder('completed');
  const pattern = sql.placeholder('pattern');
  const afterCreatedAt = sql.placeholder('afterCreatedAt');
  const afterId = sql.placeholder('afterId');
  return {
    page: db
      .select()
      .from(tasks)
      .where(
        and(
          eq(tasks.userId, userId),
          sql`(${completed}::boolean IS NULL OR ${tasks.completed} = ${completed}::boolean)`,
          sql`(${pattern}::text IS NULL OR ${tasks.title} ILIKE ${pattern}::text)`,
          sql`(${afterCreatedAt}::timestamptz IS NULL OR (${tasks.createdAt}, ${tasks.id}) < (${afterCreatedAt}::timestamptz, ${afterId}::uuid))`,
        ),
      )
      .orderBy(desc(tasks.createdAt), desc(tasks.id))
      .limit(sql.placeholder('limit'))
      .prepare('tasks_page'),
    /**
     * Inserts only while the owner holds fewer than TASKS_PER_USER_MAX tasks. `FOR UPDATE` on the
     * owner's row makes concurrent creates of one user take turns, and each re-reads the count the
     * previous one's trigger raised, so the cap is exact. The select lists every column of
     * `tasks` in table order (what INSERT ... SELECT requires), with the table's defaults.
     */
    create: db
      .insert(tasks)
      .select(
        sql`SELECT gen_random_uuid(), ${users.id}, ${sql.placeholder('title')}::text, ${sql.placeholder('description')}::text, false, ${sql.placeholder('priority')}::text, ${sql.placeholder('dueDate')}::date, now(), now(), NULL::timestamptz FROM ${users} WHERE ${users.id} = ${userId}::uuid AND ${users.taskCount} < ${TASKS_PER_USER_MAX} FOR UPDATE`,
      )
      .returning()
      .prepare('tasks_create'),
  };
}

const statementsByDb = new WeakMap<Db, ReturnType<typeof prepareStatements>>();
function statements(db: Db): ReturnType<typeof prepareStatements> {
  let prepared = statementsByDb.get(db);
  if (!prepared) {
    prepared = prepareStatements(db);
    statementsByDb.set(db, prepared);
  }
  return prepared;
}

const STATUS_FILTER: Record<TaskStatus, boolean | null> = {
  all: null,
  active: false,
  completed: true,
};

/**
 * Every query is scoped to one owner: a task id of another user behaves exactly like an id that
 * does not exist. Routes and the chat tools both go through this class.
 */
export class TaskStore {
  constructor(
    private readonly db: Db,
    private readonly userId: string,
  ) {}

  private owned(...conditions: SQL[]): SQL {
    return and(eq(tasks.userId, this.userId), ...conditions) as SQL;
  }

  /**
   * One page, newest first: at most `limit` tasks after the cursor's position, and the cursor of
   * the next page when there is one. Reads `limit + 1` rows to know.
   */
  async page(query: ListTasksQuery = {}): Promise<TaskList> {
    const limit = query.limit ?? TASK_PAGE_SIZE_DEFAULT;
    const after = query.cursor === undefined ? undefined : decodeCursor(query.cursor);
    const search = query.search?.trim();
    const rows = await statements(this.db).page.execute({
      userId: this.userId,
      completed: STATUS_FILTER[query.status ?? 'all'],
      pattern: search ? likePattern(search) : null,
      afterCreatedAt: after?.createdAt ?? null,
      afterId: after?.id ?? null,
      limit: limit + 1,
    });
    const more = rows.length > limit;
    const shown = more ? rows.slice(0, limit) : rows;
    const last = shown.at(-1);
    return {
      tasks: shown.map(toTask),
      nextCursor: more && last ? encodeCursor({ createdAt: last.createdAt, id: last.id }) : null,
    };
  }

  async get(id: string): Promise<Task | undefined> {
    const [row] = await this.db
      .select()
      .from(tasks)
      .where(this.owned(eq(tasks.id, id)));
    return row && toTask(row);
  }

  /** Throws TaskLimitError at the cap, OwnerGoneError when the account was deleted. */
  async create(input: CreateTaskBody): Promise<Task> {
    const [row] = await statements(this.db).create.execute({
      userId: this.userId,
      title: input.title.trim(),
      description: input.description ?? '',
      priority: input.priority ?? 'medium',
      dueDate: input.dueDate ?? null,
    });
    if (row) return toTask(row);
    const [owner] = await this.db
      .select({ id: users.id })
      .from(users)
      .where(eq(users.id, this.userId));
    throw owner ? new TaskLimitError() : new OwnerGoneError();
  }

  async update(id: string, patch: UpdateTaskBody): Promise<Task | undefined> {
    const [row] = await this.db
      .update(tasks)
      .set({
        ...(patch.title !== undefined && { title: patch.title.trim() }),
        ...(patch.description !== undefined && { description: patch.description }),
        ...(patch.priority !== undefined && { priority: patch.priority }),
        ...(patch.dueDate !== undefined && { dueDate: patch.dueDate }),
        ...(patch.completed !== undefined && {
          completed: patch.completed,
          // Keeps the first completion time when a completed task is marked completed again.
          completedAt: patch.completed ? sql`coalesce(${tasks.completedAt}, now())` : null,
        }),
        updatedAt: sql`now()`,
      })
      .where(this.owned(eq(tasks.id, id)))
      .returning();
    return row && toTask(row);
  }

  async remove(id: string): Promise<Task | undefined> {
    const [row] = await this.db
      .delete(tasks)
      .where(this.owned(eq(tasks.id, id)))
      .returning();
    return row && toTask(row);
  }

  async removeCompleted(): Promise<Task[]> {
    const rows = await this.db
      .delete(tasks)
      .where(this.owned(eq(tasks.completed, true)))
      .returning();
    return rows.map(toTask);
  }
}
