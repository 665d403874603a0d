import { and, desc, eq, sql, type SQL } from 'drizzle-orm';
import type {
  CreateTaskBody,
  ListTasksQuery,
  Task,
  TaskStatus,
  UpdateTaskBody,
} from '@pakaura/contract';
import type { Db } from '../db/database';
import { tasks, type TaskRow } from '../db/schema';
import { isoTimestamp } from '../db/timestamps';

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
  const completed = sql.placeholder('completed');
  const pattern = sql.placeholder('pattern');
  return {
    list: db
      .select()
      .from(tasks)
      .where(
        and(
          eq(tasks.userId, sql.placeholder('userId')),
          sql`(${completed}::boolean IS NULL OR ${tasks.completed} = ${completed}::boolean)`,
          sql`(${pattern}::text IS NULL OR ${tasks.title} ILIKE ${pattern}::text)`,
        ),
      )
      .orderBy(desc(tasks.createdAt), desc(tasks.id))
      .prepare('tasks_list'),
    create: db
      .insert(tasks)
      .values({
        userId: sql.placeholder('userId'),
        title: sql.placeholder('title'),
        description: sql.placeholder('description'),
        priority: sql.placeholder('priority'),
        dueDate: sql.placeholder('dueDate'),
      })
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

  async list(query: ListTasksQuery = {}): Promise<Task[]> {
    const search = query.search?.trim();
    const rows = await statements(this.db).list.execute({
      userId: this.userId,
      completed: STATUS_FILTER[query.status ?? 'all'],
      pattern: search ? likePattern(search) : null,
    });
    return rows.map(toTask);
  }

  async get(id: string): Promise<Task | undefined> {
    const [row] = await this.db
      .select()
      .from(tasks)
      .where(this.owned(eq(tasks.id, id)));
    return row && toTask(row);
  }

  async create(input: CreateTaskBody): Promise<Task> {
    const [row] = await statements(this.db).create.execute({
      userId: this.userId,
      title: input.title.trim(),
      description: input.description ?? '',
      priority: input.priority ?? 'medium',
      dueDate: input.dueDate ?? null,
    });
    return toTask(row);
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
