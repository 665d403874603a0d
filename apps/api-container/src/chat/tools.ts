import {
  CHAT_TOOLS,
  DESCRIPTION_MAX_LENGTH,
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
import type { TaskStore } from '../tasks/task-store';
import { isCalendarDate } from './calendar';
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
      status: Type.Optional(
        Type.Union(
          TASK_STATUSES.map((s) => Type.Literal(s)),
          { description: 'all (default), active or completed' },
        ),
      ),
      search: Type.Optional(
        Type.String({
          maxLength: TITLE_MAX_LENGTH,
          description: 'Only tasks whose title contains this text',
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
} satisfies Record<ChatToolName, TSchema>;

export type ToolArgs<N extends ChatToolName> = Static<(typeof TOOL_PARAMETERS)[N]>;

export const TOOL_DESCRIPTIONS: Record<ChatToolName, string> = {
  add_task: 'Create a task for the user.',
  list_tasks:
    "List the user's tasks, optionally only active or completed ones, or those whose title contains a text.",
  complete_task: "Mark one of the user's tasks as completed.",
  update_task:
    'Change a task: its title, description, priority, due date, or reopen it (completed: false).',
  delete_task: 'Delete one task.',
  delete_completed_tasks: 'Delete every completed task of the user.',
};

export function isChatTool(name: string): name is ChatToolName {
  return (CHAT_TOOLS as readonly string[]).includes(name);
}

const quote = (task: Task) => `"${task.title}"`;
const list = (tasks: Task[]) => tasks.map(quote).join(', ');

/**
 * The six chat tools, bound to one user's TaskStore: whatever a provider asks for, it can only
 * see and change that user's tasks. Every call returns a ChatAction saying what happened.
 */
export class ChatToolbox {
  constructor(private readonly store: TaskStore) {}

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
      };
    }
    const outcome = await this.dispatch(tool, args as never);
    return { tool, args: record, ...outcome };
  }

  private dispatch(tool: ChatToolName, args: never): Promise<Omit<ChatAction, 'tool' | 'args'>> {
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
        return this.deleteCompleted();
    }
  }

  private async addTask(args: ToolArgs<'add_task'>) {
    const task = await this.store.create(args);
    return { ok: true, summary: `Added ${quote(task)}${details(task)}`, tasks: [task] };
  }

  private async listTasks(args: ToolArgs<'list_tasks'>) {
    const tasks = await this.store.list(args);
    const kind =
      args.status === 'active' ? 'active ' : args.status === 'completed' ? 'completed ' : '';
    const about = args.search ? ` matching "${args.search}"` : '';
    const summary =
      tasks.length === 0
        ? `No ${kind}tasks${about}`
        : `${tasks.length} ${kind}task${tasks.length === 1 ? '' : 's'}${about}`;
    return { ok: true, summary, tasks };
  }

  private async completeTask(args: ToolArgs<'complete_task'>) {
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

  private async updateTask(args: ToolArgs<'update_task'>) {
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
      patch.completed === false ? 'completed' : undefined,
    );
    if (!found.ok) return found;
    const task = (await this.store.update(found.task.id, patch as UpdateTaskBody)) as Task;
    return {
      ok: true,
      summary: `Updated ${quote(task)}: ${describeChanges(patch)}`,
      tasks: [task],
    };
  }

  private async deleteTask(args: ToolArgs<'delete_task'>) {
    const found = await this.resolve(args.task);
    if (!found.ok) return found;
    await this.store.remove(found.task.id);
    return { ok: true, summary: `Deleted ${quote(found.task)}`, tasks: [found.task] };
  }

  private async deleteCompleted() {
    const tasks = await this.store.removeCompleted();
    const summary =
      tasks.length === 0
        ? 'There were no completed tasks to delete'
        : `Deleted ${tasks.length} completed task${tasks.length === 1 ? '' : 's'}: ${list(tasks)}`;
    return { ok: true, summary, tasks };
  }

  /**
   * The one task `reference` names. When several match, those in the `prefer` state (active ones
   * when completing, completed ones when reopening) decide; still several → ask which.
   */
  private async resolve(
    reference: string,
    prefer?: 'active' | 'completed',
  ): Promise<{ ok: true; task: Task } | { ok: false; summary: string; tasks: Task[] }> {
    const all = await this.store.list();
    let match = findTask(reference, all);
    if (match.kind === 'several' && prefer) {
      const preferred = match.tasks.filter((task) => task.completed === (prefer === 'completed'));
      if (preferred.length === 1) match = { kind: 'one', task: preferred[0] };
    }
    if (match.kind === 'one') return { ok: true, task: match.task };
    if (match.kind === 'none') {
      return {
        ok: false,
        summary: all.length === 0 ? 'You have no tasks yet' : `No task matches "${reference}"`,
        tasks: [],
      };
    }
    return {
      ok: false,
      summary: `"${reference}" matches ${match.tasks.length} tasks: ${list(match.tasks)}. Which one?`,
      tasks: match.tasks,
    };
  }
}

function isObject(value: unknown): value is object {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
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
