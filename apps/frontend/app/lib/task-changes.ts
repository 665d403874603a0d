import type { CreateTaskBody, Priority, Task, UpdateTaskBody } from '@pakaura/contract';

/** A task form as typed: text as entered, an empty due date meaning "none". */
export interface TaskDraft {
  title: string;
  description: string;
  priority: Priority;
  dueDate: string;
}

export const EMPTY_DRAFT: TaskDraft = {
  title: '',
  description: '',
  priority: 'medium',
  dueDate: '',
};

export function draftFromTask(task: Task): TaskDraft {
  return {
    title: task.title,
    description: task.description,
    priority: task.priority,
    dueDate: task.dueDate ?? '',
  };
}

/** The body that creates a task from a draft: trimmed, with empty optional fields left out. */
export function createBody(draft: TaskDraft): CreateTaskBody {
  const body: CreateTaskBody = { title: draft.title.trim(), priority: draft.priority };
  const description = draft.description.trim();
  if (description) body.description = description;
  if (draft.dueDate) body.dueDate = draft.dueDate;
  return body;
}

/** Only what the person changed is sent; an empty result means there is nothing to save. */
export function changedFields(task: Task, draft: TaskDraft): UpdateTaskBody {
  const changes: UpdateTaskBody = {};
  const title = draft.title.trim();
  const description = draft.description.trim();
  const dueDate = draft.dueDate || null;
  if (title !== task.title) changes.title = title;
  if (description !== task.description) changes.description = description;
  if (draft.priority !== task.priority) changes.priority = draft.priority;
  if (dueDate !== task.dueDate) changes.dueDate = dueDate;
  return changes;
}
