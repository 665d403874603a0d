import type { ChatAction, Task, User } from '@pakaura/contract';

let counter = 0;

/** A task as the API returns it; every call gets a new id and a later creation time. */
export function makeTask(overrides: Partial<Task> = {}): Task {
  counter += 1;
  const created = new Date(Date.UTC(2026, 0, 1, 0, 0, counter)).toISOString();
  return {
    id: `00000000-0000-4000-8000-${String(counter).padStart(12, '0')}`,
    title: `Task ${counter}`,
    description: '',
    completed: false,
    priority: 'medium',
    dueDate: null,
    createdAt: created,
    updatedAt: created,
    completedAt: null,
    ...overrides,
  };
}

export function makeUser(overrides: Partial<User> = {}): User {
  return {
    id: '11111111-1111-4111-8111-111111111111',
    email: 'ada@example.com',
    name: 'Ada Lovelace',
    createdAt: '2026-01-01T00:00:00.000Z',
    ...overrides,
  };
}

export function action(tool: ChatAction['tool'], tasks: Task[], ok = true): ChatAction {
  return { tool, args: {}, ok, summary: `${tool} done`, tasks };
}
