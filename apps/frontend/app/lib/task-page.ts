import { API_ROUTES } from '@pakaura/contract/browser';
import type { Task, TaskList, TaskStatus } from '@pakaura/contract';

/**
 * One page of `GET /api/v1/tasks` (`?limit=&cursor=` → `{ tasks, nextCursor }`, newest first;
 * the API's default page size applies, so the frontend never sends `limit`). An answer without
 * `nextCursor` is the last page, as is `nextCursor: null`.
 */
export interface TaskPage {
  tasks: Task[];
  nextCursor: string | null;
}

/** The list's answer as it arrives: `nextCursor` is absent from an API that does not page. */
export type TaskListAnswer = Omit<TaskList, 'nextCursor'> & { nextCursor?: string | null };

export function taskPageFrom(answer: TaskListAnswer): TaskPage {
  return { tasks: answer.tasks, nextCursor: answer.nextCursor ?? null };
}

export interface TaskPageRequest {
  status?: TaskStatus;
  search?: string;
  /** The `nextCursor` of the page before; none for the first page. */
  cursor?: string | null;
}

/** `/api/v1/tasks?status=&search=&cursor=`, leaving out what is the default. */
export function taskPageRoute({ status, search, cursor }: TaskPageRequest = {}): string {
  const params = new URLSearchParams();
  if (status && status !== 'all') params.set('status', status);
  const text = search?.trim();
  if (text) params.set('search', text);
  if (cursor) params.set('cursor', cursor);
  const query = params.toString();
  return query ? `${API_ROUTES.tasks}?${query}` : API_ROUTES.tasks;
}
