import {
  CHAT_BULK_LIMIT,
  CHAT_LIST_LIMIT_DEFAULT,
  CHAT_LIST_LIMIT_MAX,
  CHAT_TOOLS,
  DESCRIPTION_MAX_LENGTH,
  DUE_WINDOWS,
  PRIORITIES,
  TASK_STATUSES,
  TITLE_MAX_LENGTH,
  type ChatAction,
  type ChatToolName,
  type Task,
  type UpdateTaskBody,
} from '@pakaura/contract';
import { FormatRegistry, Type, type Static, type TSchema } from '@sinclair/typebox';
import { Value } from '@sinclair/typebox/value';
import { HttpError } from '../plugins/errors';
import { TaskLimitError, type TaskStore } from '../tasks/task-store';
import { isCalendarDate } from './calendar';
import type { ChatTaskQueries, TaskCounts, TaskFilter } from './task-queries';
import { findTask } from './task-matcher';

// TypeBox's checker knows no formats until told; a model may well invent `2030-02-30`.
if (!FormatRegistry.Has('date')) FormatRegistry.Set('date', isCalendarDate);

const TaskReference = Type.String({
  minLength: 1,
  maxLength: TITLE_MAX_LENGTH,
  description: "The task's id, or words from its title (e.g. 'kubernetes' for 'Demo Kubernetes')",
});
const Title = Type.String({
  minLength: 1,
  maxLength: TITLE_MAX_LENGTH,
  pattern: '\\S',
  description: 'Short title',
});
const Description = Type.String({ maxLength: DESCRIPTION_MAX_LENGTH, description: 'Longer notes' });
const Priority = Type.Union(
  PRIORITIES.map((p) => Type.Literal(p)),
  { description: 'low, medium or high' },
);
const DueDate = Type.String({
  format: 'date',
  pattern: '^\\d{4}-\\d{2}-\\d{2}$',
  description: 'YYYY-MM-DD',
});
const closed = { additionalProperties: false } as const;

/** The filters a listing, a count and a bulk change share. */
const filterFields = {
  status: Type.Optional(
    Type.Union(
      TASK_STATUSES.map((s) => Type.Literal(s)),
      { description: 'all (default), active (open) or completed' },
    ),
  ),
  priority: Type.Optional(Type.Union(PRIORITIES.map((p) => Type.Literal(p)))),
  due: Type.Optional(
    Type.Union(
      DUE_WINDOWS.map((w) => Type.Literal(w)),
      {
        description:
          'Due window: overdue (open and past due), today, tomorrow, this_week (today to Sunday), next_week (Monday to Sunday), this_month, no_date',
      },
    ),
  ),
  dueFrom: Type.Optional({ ...DueDate, description: 'Due on or after this day (YYYY-MM-DD)' }),
  dueTo: Type.Optional({ ...DueDate, description: 'Due on or before this day (YYYY-MM-DD)' }),
  search: Type.Optional(
    Type.String({
      maxLength: TITLE_MAX_LENGTH,
      description: 'Only tasks whose title contains this text',
    }),
  ),
};
const TaskFilterSchema = Type.Object(filterFields, {
  ...closed,
  description: 'Which tasks: every field narrows; {} means all of them',
});

/** Each tool's arguments: the Cohere provider sends these schemas, both providers are held to them. */
export const TOOL_PARAMETERS = {
  add_task: Type.Object(
    {
      title: Title,
      description: Type.Optional(Description),
      priority: Type.Optional(Priority),
      dueDate: Type.Optional(DueDate),
    },
    closed,
  ),
  list_tasks: Type.Object(
    {
      ...filterFields,
      limit: Type.Optional(
        Type.Integer({
          minimum: 1,
          maximum: CHAT_LIST_LIMIT_MAX,
          description: `How many to show (default ${CHAT_LIST_LIMIT_DEFAULT}); the answer says how many match in all`,
        }),
      ),
    },
    closed,
  ),
  complete_task: Type.Object({ task: TaskReference }, closed),
  update_task: Type.Object(
    {
      task: TaskReference,
      title: Type.Optional(Title),
      description: Type.Optional(Description),
      priority: Type.Optional(Priority),
      dueDate: Type.Optional(
        Type.Union([DueDate, Type.Null()], { description: 'YYYY-MM-DD, or null to clear it' }),
      ),
      completed: Type.Optional(Type.Boolean({ description: 'false reopens a completed task' })),
    },
    closed,
  ),
  delete_task: Type.Object({ task: TaskReference }, closed),
  delete_completed_tasks: Type.Object({}, closed),
  count_tasks: Type.Object(filterFields, closed),
  update_tasks: Type.Object(
    {
      where: TaskFilterSchema,
      set: Type.Object(
        {
          completed: Type.Optional(Type.Boolean({ description: 'true completes, false reopens' })),
          priority: Type.Optional(Priority),
          dueDate: Type.Optional(
            Type.Union([DueDate, Type.Null()], { description: 'YYYY-MM-DD, or null to clear it' }),
          ),
        },
        { ...closed, minProperties: 1 },
      ),
    },
    closed,
  ),
  delete_tasks: Type.Object({ where: TaskFilterSchema }, closed),
} satisfies Record<ChatToolName, TSchema>;

export type ToolArgs<N extends ChatToolName> = Static<(typeof TOOL_PARAMETERS)[N]>;

export const TOOL_DESCRIPTIONS: Record<ChatToolName, string> = {
  add_task: 'Create a task for the user. Call it once per task when asked for several.',
  list_tasks:
    "List the user's tasks, optionally filtered by status, priority, due window or dates, or title text.",
  complete_task: "Mark one of the user's tasks as completed.",
  update_task:
    'Change one task: its title, description, priority, due date, or reopen it (completed: false).',
  delete_task: 'Delete one task.',
  delete_completed_tasks: 'Delete every completed task of the user.',
  count_tasks:
    'Count the tasks a filter selects, with how many are open, completed, overdue, due today and high priority: for "how many" questions and summaries.',
  update_tasks: `Change every task a filter selects (complete, reopen, set priority or due date); at most ${CHAT_BULK_LIMIT} per call, the answer says how many are left.`,
  delete_tasks: `Delete every task a filter selects (e.g. overdue ones, or all with {}); at most ${CHAT_BULK_LIMIT} per call. Only when the user clearly asked for it.`,
};

export function isChatTool(name: string): name is ChatToolName {
  return (CHAT_TOOLS as readonly string[]).includes(name);
}

const quote = (task: Task) => `"${task.title}"`;
const NAMED = 5;
/** Up to five titles, and how many more. */
function names(tasks: Task[], total = tasks.length): string {
  const shown = tasks.slice(0, NAMED).map(quote).join(', ');
  return total > NAMED ? `${shown} and ${total - NAMED} more` : shown;
}
const plural = (count: number, word: string) => `${count} ${word}${count === 1 ? '' : 's'}`;

type Outcome = Omit<ChatAction, 'tool' | 'args' | 'taskIds'>;
type Resolved = { ok: true; task: Task } | ({ ok: false } & Outcome);

/**
 * The chat tools, bound to one user's TaskStore and queries: whatever a provider asks for, it can
 * only see and change that user's tasks, and each call's work is bounded (a reference is matched
 * against the database's nearest candidates, listings and bulk changes take a limit). Every call
 * returns a ChatAction saying what happened.
 */
export class ChatToolbox {
  constructor(
    private readonly store: TaskStore,
    private readonly queries: ChatTaskQueries,
  ) {}

  async run(tool: ChatToolName, args: unknown): Promise<ChatAction> {
    const record = (isObject(args) ? args : {}) as Record<string, unknown>;
    if (!Value.Check(TOOL_PARAMETERS[tool], args)) {
      const [first] = Value.Errors(TOOL_PARAMETERS[tool], args);
      const where = first?.path ? first.path.slice(1) : 'arguments';
      return {
        tool,
        args: record,
        ok: false,
        summary: `${tool} was called with invalid ${where}: ${first?.message ?? 'invalid'}`,
        tasks: [],
        taskIds: [],
      };
    }
    let outcome: Outcome;
    try {
      outcome = await this.dispatch(tool, args as never);
    } catch (error) {
      // A refusal of the task store (a cap, a conflict) is the answer to this call, not a failure.
      if (!(error instanceof HttpError) || error.statusCode >= 500) throw error;
      outcome = { ok: false, summary: error.message.replace(/\.$/, ''), tasks: [] };
    }
    return { tool, args: record, ...outcome, taskIds: outcome.tasks.map((task) => task.id) };
  }

  /** The tasks with these ids (for a follow-up to "which one?"), at most as many as given. */
  byIds(ids: string[]): Promise<Task[]> {
    return this.queries.byIds(ids);
  }

  private dispatch(tool: ChatToolName, args: never): Promise<Outcome> {
    switch (tool) {
      case 'add_task':
        return this.addTask(args);
      case 'list_tasks':
        return this.listTasks(args);
      case 'complete_task':
        return this.completeTask(args);
      case 'update_task':
        return this.updateTask(args);
      case 'delete_task':
        return this.deleteTask(args);
      case 'delete_completed_tasks':
        return this.deleteTasks({ where: { status: 'completed' } }, 'completed ');
      case 'count_tasks':
        return this.countTasks(args);
      case 'update_tasks':
        return this.updateTasks(args);
      case 'delete_tasks':
        return this.deleteTasks(args);
    }
  }

  private async addTask(args: ToolArgs<'add_task'>): Promise<Outcome> {
    let task: Task;
    try {
      task = await this.store.create(args);
    } catch (error) {
      // A full account is an answer, not a failed request: the reply says what to do.
      if (error instanceof TaskLimitError) return { ok: false, summary: error.message, tasks: [] };
      throw error;
    }
    return { ok: true, summary: `Added ${quote(task)}${details(task)}`, tasks: [task] };
  }

  private async listTasks({ limit, ...filter }: ToolArgs<'list_tasks'>): Promise<Outcome> {
    const { tasks, total } = await this.queries.list(filter, limit ?? CHAT_LIST_LIMIT_DEFAULT);
    const what = describeFilter(filter);
    const summary =
      total === 0 ? `No ${what.noun}${what.about}` : `${countOf(total, what.noun)}${what.about}`;
    return { ok: true, summary, tasks, total };
  }

  private async countTasks(filter: ToolArgs<'count_tasks'>): Promise<Outcome> {
    const counts = await this.queries.counts(filter);
    const what = describeFilter(filter);
    return {
      ok: true,
      summary: `${countOf(counts.total, what.noun, counts.capped)}${what.about}${breakdown(counts, filter)}`,
      tasks: [],
      total: counts.total,
    };
  }

  private async completeTask(args: ToolArgs<'complete_task'>): Promise<Outcome> {
    const found = await this.resolve(args.task, 'active');
    if (!found.ok) return found;
    if (found.task.completed)
      return {
        ok: true,
        summary: `${quote(found.task)} was already completed`,
        tasks: [found.task],
      };
    const task = (await this.store.update(found.task.id, { completed: true })) as Task;
    return { ok: true, summary: `Completed ${quote(task)}`, tasks: [task] };
  }

  private async updateTask(args: ToolArgs<'update_task'>): Promise<Outcome> {
    const { task: reference, ...patch } = args;
    if (Object.keys(patch).length === 0) {
      return {
        ok: false,
        summary:
          'update_task needs something to change (title, description, priority, dueDate or completed)',
        tasks: [],
      };
    }
    const found = await this.resolve(
      reference,
      patch.completed === false ? 'completed' : patch.completed === true ? 'active' : undefined,
    );
    if (!found.ok) return found;
    if (patch.completed === false && !found.task.completed && Object.keys(patch).length === 1)
      return { ok: true, summary: `${quote(found.task)} was not completed`, tasks: [found.task] };
    const task = (await this.store.update(found.task.id, patch as UpdateTaskBody)) as Task;
    return {
      ok: true,
      summary: `Updated ${quote(task)}: ${describeChanges(patch)}`,
      tasks: [task],
    };
  }

  private async deleteTask(args: ToolArgs<'delete_task'>): Promise<Outcome> {
    const found = await this.resolve(args.task);
    if (!found.ok) return found;
    await this.store.remove(found.task.id);
    return { ok: true, summary: `Deleted ${quote(found.task)}`, tasks: [found.task] };
  }

  private async updateTasks({ where, set }: ToolArgs<'update_tasks'>): Promise<Outcome> {
    const filter = impliedFilter(where, set);
    const { tasks, remaining } = await this.queries.updateMany(filter, set, CHAT_BULK_LIMIT);
    const what = describeFilter(filter);
    if (tasks.length === 0)
      return {
        ok: true,
        summary: `No ${what.noun}${what.about} to change`,
        tasks: [],
        total: 0,
      };
    const verb =
      set.completed === true ? 'Completed' : set.completed === false ? 'Reopened' : 'Updated';
    const changes = set.completed === undefined ? `: ${describeChanges(set)}` : '';
    return {
      ok: true,
      summary: `${verb} ${plural(tasks.length, 'task')}${changes} (${names(tasks)})${left(remaining)}`,
      tasks,
      total: tasks.length + remaining,
    };
  }

  private async deleteTasks({ where }: ToolArgs<'delete_tasks'>, kind = ''): Promise<Outcome> {
    const { tasks, remaining } = await this.queries.removeMany(where, CHAT_BULK_LIMIT);
    const what = describeFilter(where);
    if (tasks.length === 0)
      return {
        ok: true,
        summary:
          kind === 'completed '
            ? 'There were no completed tasks to delete'
            : `There were no ${what.noun}${what.about} to delete`,
        tasks: [],
        total: 0,
      };
    return {
      ok: true,
      summary: `Deleted ${plural(tasks.length, `${kind || what.adjective}task`)}: ${names(tasks)}${left(remaining)}`,
      tasks,
      total: tasks.length + remaining,
    };
  }

  /**
   * The one task `reference` names, among the database's nearest candidates. When several match,
   * those in the `prefer` state (open ones when completing, completed ones when reopening) decide;
   * still several → ask which, naming them.
   */
  private async resolve(reference: string, prefer?: 'active' | 'completed'): Promise<Resolved> {
    const candidates = await this.queries.candidates(reference);
    let match = findTask(reference, candidates);
    if (match.kind === 'several' && prefer) {
      const preferred = match.tasks.filter((task) => task.completed === (prefer === 'completed'));
      if (preferred.length === 1) match = { kind: 'one', task: preferred[0] };
    }
    if (match.kind === 'one') return { ok: true, task: match.task };
    if (match.kind === 'none') {
      return {
        ok: false,
        summary:
          candidates.length === 0 && (await this.queries.isEmpty())
            ? 'You have no tasks yet'
            : `No task matches "${reference}"`,
        tasks: [],
      };
    }
    return {
      ok: false,
      summary: `"${reference}" matches ${match.tasks.length} tasks: ${names(match.tasks)}. Which one?`,
      tasks: match.tasks,
      ambiguous: true,
    };
  }
}

function isObject(value: unknown): value is object {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Completing acts on open tasks, reopening on completed ones, whatever else the filter says. */
function impliedFilter(where: TaskFilter, set: ToolArgs<'update_tasks'>['set']): TaskFilter {
  if (set.completed === true && where.status === undefined) return { ...where, status: 'active' };
  if (set.completed === false && where.status === undefined)
    return { ...where, status: 'completed' };
  return where;
}

const DUE_WORDS: Record<NonNullable<TaskFilter['due']>, string> = {
  overdue: 'overdue',
  today: 'due today',
  tomorrow: 'due tomorrow',
  this_week: 'due this week',
  next_week: 'due next week',
  this_month: 'due this month',
  no_date: 'without a due date',
};

/** "open high-priority tasks due this week matching "x"", in parts. */
function describeFilter(filter: TaskFilter): { noun: string; adjective: string; about: string } {
  const status =
    filter.due === 'overdue'
      ? ''
      : filter.status === 'active'
        ? 'open '
        : filter.status === 'completed'
          ? 'completed '
          : '';
  const adjective = `${filter.due === 'overdue' ? 'overdue ' : ''}${status}${filter.priority ? `${filter.priority}-priority ` : ''}`;
  const about = [
    filter.due && filter.due !== 'overdue' && DUE_WORDS[filter.due],
    filter.dueFrom && filter.dueTo
      ? `due ${filter.dueFrom} to ${filter.dueTo}`
      : filter.dueFrom
        ? `due from ${filter.dueFrom}`
        : filter.dueTo && `due by ${filter.dueTo}`,
    filter.search && `matching "${filter.search}"`,
  ].filter(Boolean);
  return {
    noun: `${adjective}tasks`,
    adjective,
    about: about.length > 0 ? ` ${about.join(', ')}` : '',
  };
}

/** "3 open tasks", "1 task", "more than 10000 tasks". */
function countOf(count: number, noun: string, capped = false): string {
  if (capped) return `More than ${count} ${noun}`;
  return count === 1 ? `1 ${noun.replace(/tasks$/, 'task')}` : `${count} ${noun}`;
}

function breakdown(counts: TaskCounts, filter: TaskFilter): string {
  if (counts.total === 0) return '';
  const parts = [
    filter.status === undefined &&
      filter.due !== 'overdue' &&
      `${counts.active} open, ${counts.completed} completed`,
    filter.due !== 'overdue' && counts.overdue > 0 && `${counts.overdue} overdue`,
    filter.due !== 'today' && counts.dueToday > 0 && `${counts.dueToday} due today`,
    filter.priority === undefined &&
      counts.highPriority > 0 &&
      `${counts.highPriority} open high-priority`,
  ].filter(Boolean);
  return parts.length > 0 ? `: ${parts.join('; ')}` : '';
}

function left(remaining: number): string {
  return remaining > 0 ? `; ${remaining} more match, ask again to continue` : '';
}

function details(task: Task): string {
  const parts = [
    task.priority !== 'medium' && `${task.priority} priority`,
    task.dueDate && `due ${task.dueDate}`,
  ].filter(Boolean);
  return parts.length > 0 ? ` (${parts.join(', ')})` : '';
}

function describeChanges(patch: Omit<ToolArgs<'update_task'>, 'task'>): string {
  const changes: string[] = [];
  if (patch.title !== undefined) changes.push(`title "${patch.title}"`);
  if (patch.description !== undefined) changes.push('description changed');
  if (patch.priority !== undefined) changes.push(`${patch.priority} priority`);
  if (patch.dueDate !== undefined)
    changes.push(patch.dueDate === null ? 'no due date' : `due ${patch.dueDate}`);
  if (patch.completed !== undefined) changes.push(patch.completed ? 'completed' : 'reopened');
  return changes.join(', ');
}
