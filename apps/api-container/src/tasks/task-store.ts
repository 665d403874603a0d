import { and, desc, eq, ilike, sql, type SQL } from 'drizzle-orm';
import type { CreateTaskBody, ListTasksQuery, Task, UpdateTaskBody } from '@pakaura/contract';
import type { Db } from '../db/database';
import { tasks, type TaskRow } from '../db/schema';

export function toTask(row: TaskRow): Task {
  return {
    id: row.id,
    title: row.title,
    description: row.description,
    completed: row.completed,
    priority: row.priority,
    dueDate: row.dueDate,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    completedAt: row.completedAt ? row.completedAt.toISOString() : null,
  };
}

/** `%` and `_` in a search are literal characters, not patterns. */
export function likePattern(search: string): string {
  return `%${search.replace(/[\\%_]/g, (char) => `\\${char}`)}%`;
}

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
    const conditions: SQL[] = [];
    if (query.status === 'active') conditions.push(eq(tasks.completed, false));
    if (query.status === 'completed') conditions.push(eq(tasks.completed, true));
    const search = query.search?.trim();
    if (search) conditions.push(ilike(tasks.title, likePattern(search)));
    const rows = await this.db
      .select()
      .from(tasks)
      .where(this.owned(...conditions))
      .orderBy(desc(tasks.createdAt), desc(tasks.id));
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
    const [row] = await this.db
      .insert(tasks)
      .values({
        userId: this.userId,
        title: input.title.trim(),
        description: input.description ?? '',
        priority: input.priority ?? 'medium',
        dueDate: input.dueDate ?? null,
      })
      .returning();
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
