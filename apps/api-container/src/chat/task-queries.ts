import { and, asc, desc, eq, inArray, isNull, or, sql, type SQL } from 'drizzle-orm';
import {
  CHAT_CANDIDATE_LIMIT,
  CHAT_COUNT_LIMIT,
  type DueWindow,
  type Priority,
  type Task,
  type TaskStatus,
} from '@pakaura/contract';
import type { Db } from '../db/database';
import { tasks } from '../db/schema';
import { likePattern, toTask } from '../tasks/task-store';
import { addDays, toIsoDate } from './calendar';
import { words } from './task-matcher';

/** Titles ranked at most when a cheap filter selects them. */
const CONTAINING_SCAN = 500;

/** Which tasks a listing, a count or a bulk change is about; every field narrows. */
export interface TaskFilter {
  status?: TaskStatus;
  priority?: Priority;
  due?: DueWindow;
  /** Due on or after / on or before, `YYYY-MM-DD`. */
  dueFrom?: string;
  dueTo?: string;
  /** Words the title contains. */
  search?: string;
}

/** What a bulk change sets on every task it reaches. */
export interface BulkChange {
  completed?: boolean;
  priority?: Priority;
  dueDate?: string | null;
}

export interface TaskCounts {
  total: number;
  active: number;
  completed: number;
  overdue: number;
  dueToday: number;
  highPriority: number;
  /** True when there were more than CHAT_COUNT_LIMIT tasks and counting stopped there. */
  capped: boolean;
}

/** The first and last day of a due window, seen from `today`; weeks run Monday to Sunday. */
export function dueWindowRange(
  window: Exclude<DueWindow, 'no_date'>,
  today: Date,
): { from?: string; to?: string } {
  const day = (offset: number) => toIsoDate(addDays(today, offset));
  const toSunday = (7 - today.getUTCDay()) % 7;
  switch (window) {
    case 'overdue':
      return { to: day(-1) };
    case 'today':
      return { from: day(0), to: day(0) };
    case 'tomorrow':
      return { from: day(1), to: day(1) };
    case 'this_week':
      return { from: day(0), to: day(toSunday) };
    case 'next_week':
      return { from: day(toSunday + 1), to: day(toSunday + 7) };
    case 'this_month': {
      const end = new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth() + 1, 0));
      return { from: day(0), to: toIsoDate(end) };
    }
  }
}

/**
 * The chat's reads and bulk writes, each bounded: candidates for a reference come from the
 * trigram index (`tasks_user_title_trgm_idx`) with a limit, listings and bulk changes take a
 * limit, and counts stop at CHAT_COUNT_LIMIT. Scoped to one owner like TaskStore.
 */
export class ChatTaskQueries {
  constructor(
    private readonly db: Db,
    private readonly userId: string,
    /** The day "overdue" and "this week" count from. */
    private readonly today: Date,
  ) {}

  /** The tasks whose titles are nearest `reference` by pg_trgm word similarity, nearest first. */
  async candidates(reference: string, limit = CHAT_CANDIDATE_LIMIT): Promise<Task[]> {
    const trimmed = reference.trim();
    if (isUuid(trimmed)) {
      const rows = await this.db
        .select()
        .from(tasks)
        .where(and(eq(tasks.userId, this.userId), eq(tasks.id, trimmed)));
      if (rows.length > 0) return rows.map(toTask);
    }
    const wanted = words(trimmed);
    if (wanted.length === 0) return [];
    const meaningful = wanted.join(' ');
    // Cheap filters first: titles with a word starting with one of the reference's words, then
    // (a typo after the fourth letter) with one of their first four letters, then (a typo
    // before the last four) containing their last four; only when none finds anything does the
    // reference pay for the nearest-neighbour scan of the trigram index.
    const long = wanted.filter((word) => word.length >= 5);
    const tiers = [
      wanted.filter((word) => word.length >= 3).map((word) => `\\m${word}`),
      long.map((word) => `\\m${word.slice(0, 4)}`),
      long.map((word) => word.slice(-4)),
    ];
    for (const patterns of tiers) {
      if (patterns.length === 0) continue;
      const rows = await this.matchingWords(meaningful, patterns, limit);
      if (rows.length > 0) return rows.map(toTask);
    }
    const rows = await this.nearest(meaningful, limit);
    return rows.map(toTask);
  }

  /**
   * The owner's titles matching one of `patterns` (case-insensitive regular expressions built
   * from [a-z0-9] words and the word-start mark `\m`), nearest `text` first. At most
   * CONTAINING_SCAN of them are ranked: a fragment in hundreds of titles is no reference anyway.
   */
  private async matchingWords(text: string, patterns: string[], limit: number) {
    const matching = this.db
      .select()
      .from(tasks)
      .where(
        and(
          eq(tasks.userId, this.userId),
          or(...patterns.map((pattern) => sql`${tasks.title} ~* ${pattern}`)),
        ),
      )
      .limit(CONTAINING_SCAN)
      .as('matching');
    return this.db
      .select()
      .from(matching)
      .orderBy(sql`${matching.title} <->> ${text}`)
      .limit(limit);
  }

  /**
   * The last resort of `candidates`: the owner's titles by pg_trgm word distance, nearest
   * first, read from the GiST index.
   */
  nearest(text: string, limit: number) {
    return (
      this.db
        .select()
        .from(tasks)
        .where(eq(tasks.userId, this.userId))
        // The distance alone: a second sort key would make PostgreSQL sort every row of the
        // owner instead of reading the nearest few from the index.
        .orderBy(sql`${tasks.title} <->> ${text}`)
        .limit(limit)
    );
  }

  /** The caller's tasks among `ids` (a follow-up to "which one?" picks from those it named). */
  async byIds(ids: string[]): Promise<Task[]> {
    const valid = ids.filter(isUuid).slice(0, CHAT_CANDIDATE_LIMIT);
    if (valid.length === 0) return [];
    const rows = await this.db
      .select()
      .from(tasks)
      .where(and(eq(tasks.userId, this.userId), inArray(tasks.id, valid)));
    return valid.flatMap((id) => rows.filter((row) => row.id === id)).map(toTask);
  }

  /** True when the caller has no task at all. */
  async isEmpty(): Promise<boolean> {
    const rows = await this.db
      .select({ id: tasks.id })
      .from(tasks)
      .where(eq(tasks.userId, this.userId))
      .limit(1);
    return rows.length === 0;
  }

  /** Up to `limit` tasks the filter selects (open ones first), and how many it selects in all. */
  async list(filter: TaskFilter, limit: number): Promise<{ tasks: Task[]; total: number }> {
    const where = this.where(filter);
    const [rows, total] = await Promise.all([
      this.db
        .select()
        .from(tasks)
        .where(where)
        .orderBy(...this.order(filter))
        .limit(limit),
      this.count(where),
    ]);
    return { tasks: rows.map(toTask), total };
  }

  /** Counts by state, due date and priority of the tasks the filter selects. */
  async counts(filter: TaskFilter): Promise<TaskCounts> {
    const today = toIsoDate(this.today);
    const selected = this.db
      .select({ completed: tasks.completed, priority: tasks.priority, dueDate: tasks.dueDate })
      .from(tasks)
      .where(this.where(filter))
      .limit(CHAT_COUNT_LIMIT + 1)
      .as('selected');
    const [row] = await this.db
      .select({
        total: sql<number>`count(*)::int`,
        completed: sql<number>`(count(*) FILTER (WHERE ${selected.completed}))::int`,
        overdue: sql<number>`(count(*) FILTER (WHERE NOT ${selected.completed} AND ${selected.dueDate} < ${today}::date))::int`,
        dueToday: sql<number>`(count(*) FILTER (WHERE NOT ${selected.completed} AND ${selected.dueDate} = ${today}::date))::int`,
        highPriority: sql<number>`(count(*) FILTER (WHERE NOT ${selected.completed} AND ${selected.priority} = 'high'))::int`,
      })
      .from(selected);
    const capped = row.total > CHAT_COUNT_LIMIT;
    const total = Math.min(row.total, CHAT_COUNT_LIMIT);
    return {
      total,
      active: total - Math.min(row.completed, total),
      completed: Math.min(row.completed, total),
      overdue: row.overdue,
      dueToday: row.dueToday,
      highPriority: row.highPriority,
      capped,
    };
  }

  /**
   * Applies `set` to at most `limit` of the tasks the filter selects that do not have it yet
   * (oldest first), in one statement; returns them and how many such tasks are left, so that
   * asking again continues where this call stopped.
   */
  async updateMany(
    filter: TaskFilter,
    set: BulkChange,
    limit: number,
  ): Promise<{ tasks: Task[]; remaining: number }> {
    const pending = and(this.where(filter), notAlready(set)) as SQL;
    const rows = await this.db
      .update(tasks)
      .set({
        ...(set.priority !== undefined && { priority: set.priority }),
        ...(set.dueDate !== undefined && { dueDate: set.dueDate }),
        ...(set.completed !== undefined && {
          completed: set.completed,
          completedAt: set.completed ? sql`coalesce(${tasks.completedAt}, now())` : null,
        }),
        updatedAt: sql`now()`,
      })
      .where(and(eq(tasks.userId, this.userId), inArray(tasks.id, this.firstIds(pending, limit))))
      .returning();
    return { tasks: rows.map(toTask).sort(byCreation), remaining: await this.count(pending) };
  }

  /** Deletes at most `limit` of the tasks the filter selects; returns them and how many are left. */
  async removeMany(
    filter: TaskFilter,
    limit: number,
  ): Promise<{ tasks: Task[]; remaining: number }> {
    const rows = await this.db
      .delete(tasks)
      .where(
        and(
          eq(tasks.userId, this.userId),
          inArray(tasks.id, this.firstIds(this.where(filter), limit)),
        ),
      )
      .returning();
    return {
      tasks: rows.map(toTask).sort(byCreation),
      remaining: await this.count(this.where(filter)),
    };
  }

  private firstIds(where: SQL, limit: number) {
    return this.db
      .select({ id: tasks.id })
      .from(tasks)
      .where(where)
      .orderBy(asc(tasks.createdAt), asc(tasks.id))
      .limit(limit);
  }

  /** How many tasks `where` selects, counting no further than CHAT_COUNT_LIMIT + 1. */
  private async count(where: SQL): Promise<number> {
    const selected = this.db
      .select({ one: sql`1` })
      .from(tasks)
      .where(where)
      .limit(CHAT_COUNT_LIMIT + 1)
      .as('selected');
    const [row] = await this.db.select({ n: sql<number>`count(*)::int` }).from(selected);
    return row.n;
  }

  private where(filter: TaskFilter): SQL {
    const conditions: Array<SQL | undefined> = [eq(tasks.userId, this.userId)];
    if (filter.status === 'active') conditions.push(eq(tasks.completed, false));
    if (filter.status === 'completed') conditions.push(eq(tasks.completed, true));
    if (filter.priority) conditions.push(eq(tasks.priority, filter.priority));
    if (filter.due === 'no_date') conditions.push(isNull(tasks.dueDate));
    else if (filter.due) {
      const { from, to } = dueWindowRange(filter.due, this.today);
      if (filter.due === 'overdue') conditions.push(eq(tasks.completed, false));
      if (from) conditions.push(sql`${tasks.dueDate} >= ${from}::date`);
      if (to) conditions.push(sql`${tasks.dueDate} <= ${to}::date`);
    }
    if (filter.dueFrom) conditions.push(sql`${tasks.dueDate} >= ${filter.dueFrom}::date`);
    if (filter.dueTo) conditions.push(sql`${tasks.dueDate} <= ${filter.dueTo}::date`);
    const search = filter.search?.trim();
    if (search) conditions.push(sql`${tasks.title} ILIKE ${likePattern(search)}`);
    return and(...conditions) as SQL;
  }

  private order(filter: TaskFilter): SQL[] {
    const dated = filter.due !== undefined && filter.due !== 'no_date';
    return dated || filter.dueFrom || filter.dueTo
      ? [asc(tasks.dueDate), desc(tasks.createdAt), desc(tasks.id)]
      : [asc(tasks.completed), desc(tasks.createdAt), desc(tasks.id)];
  }
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
function isUuid(text: string): boolean {
  return UUID.test(text);
}

/** Tasks that would change under `set`: the others already have it. */
function notAlready(set: BulkChange): SQL {
  const differs: SQL[] = [];
  if (set.completed !== undefined) differs.push(sql`${tasks.completed} <> ${set.completed}`);
  if (set.priority !== undefined) differs.push(sql`${tasks.priority} <> ${set.priority}`);
  if (set.dueDate !== undefined)
    differs.push(sql`${tasks.dueDate} IS DISTINCT FROM ${set.dueDate}::date`);
  return differs.length > 0 ? (or(...differs) as SQL) : sql`false`;
}

function byCreation(a: Task, b: Task): number {
  return a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : a.id < b.id ? -1 : 1;
}
