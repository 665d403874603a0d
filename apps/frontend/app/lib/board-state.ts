import type { ChatAction, Task, TaskStatus } from '@pakaura/contract';

/** The board's state: the person's tasks as last known, and how they are looking at them. */
export interface BoardState {
  tasks: Task[];
  filter: TaskStatus;
  search: string;
  /** `loading` while the list is fetched again; `error` when that failed and nothing is shown. */
  status: 'ready' | 'loading' | 'error';
}

export type BoardAction =
  | { type: 'reload-started' }
  | { type: 'reloaded'; tasks: Task[] }
  | { type: 'reload-failed' }
  | { type: 'upserted'; tasks: Task[] }
  | { type: 'removed'; ids: string[] }
  | { type: 'chat-acted'; actions: ChatAction[] }
  | { type: 'filter-changed'; filter: TaskStatus }
  | { type: 'search-changed'; search: string };

/** Tools whose `tasks` are the ones they removed. */
const REMOVING_TOOLS = new Set<ChatAction['tool']>(['delete_task', 'delete_completed_tasks']);

export function initialBoardState(tasks: Task[] | null): BoardState {
  return {
    tasks: tasks ? sortTasks(tasks) : [],
    filter: 'all',
    search: '',
    status: tasks ? 'ready' : 'error',
  };
}

export function boardReducer(state: BoardState, action: BoardAction): BoardState {
  switch (action.type) {
    case 'reload-started':
      return { ...state, status: state.status === 'ready' ? 'ready' : 'loading' };
    case 'reloaded':
      return { ...state, tasks: sortTasks(action.tasks), status: 'ready' };
    case 'reload-failed':
      return { ...state, status: state.status === 'ready' ? 'ready' : 'error' };
    case 'upserted':
      return { ...state, tasks: upsertTasks(state.tasks, action.tasks) };
    case 'removed':
      return { ...state, tasks: removeTasks(state.tasks, action.ids) };
    case 'chat-acted':
      return { ...state, tasks: applyChatActions(state.tasks, action.actions) };
    case 'filter-changed':
      return { ...state, filter: action.filter };
    case 'search-changed':
      return { ...state, search: action.search };
  }
}

/** Open tasks first, then the newest first: what a person is most likely looking for. */
export function sortTasks(tasks: readonly Task[]): Task[] {
  return [...tasks].sort((a, b) => {
    if (a.completed !== b.completed) return a.completed ? 1 : -1;
    if (a.createdAt !== b.createdAt) return a.createdAt < b.createdAt ? 1 : -1;
    return a.id < b.id ? -1 : 1;
  });
}

export function upsertTasks(tasks: readonly Task[], changed: readonly Task[]): Task[] {
  const byId = new Map(tasks.map((task) => [task.id, task]));
  for (const task of changed) byId.set(task.id, task);
  return sortTasks([...byId.values()]);
}

export function removeTasks(tasks: readonly Task[], ids: readonly string[]): Task[] {
  const gone = new Set(ids);
  return tasks.filter((task) => !gone.has(task.id));
}

/** What the chatbot did, applied to the board at once (before the list is fetched again). */
export function applyChatActions(tasks: readonly Task[], actions: readonly ChatAction[]): Task[] {
  let next = [...tasks];
  for (const action of actions) {
    if (!action.ok || action.tasks.length === 0) continue;
    next = REMOVING_TOOLS.has(action.tool)
      ? removeTasks(
          next,
          action.tasks.map((task) => task.id),
        )
      : upsertTasks(next, action.tasks);
  }
  return sortTasks(next);
}

/** Whether any of the chatbot's actions changed tasks (a listing changes nothing). */
export function chatChangedTasks(actions: readonly ChatAction[]): boolean {
  return actions.some((action) => action.ok && action.tool !== 'list_tasks');
}

export function matchesFilter(task: Task, filter: TaskStatus): boolean {
  if (filter === 'active') return !task.completed;
  if (filter === 'completed') return task.completed;
  return true;
}

/** Every word of the search must appear in the title or the description, in any case. */
export function matchesSearch(task: Task, search: string): boolean {
  const words = search.toLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0) return true;
  const text = `${task.title}\n${task.description}`.toLowerCase();
  return words.every((word) => text.includes(word));
}

export function visibleTasks(state: BoardState): Task[] {
  return state.tasks.filter(
    (task) => matchesFilter(task, state.filter) && matchesSearch(task, state.search),
  );
}

export function countTasks(tasks: readonly Task[]): Record<TaskStatus, number> {
  const completed = tasks.filter((task) => task.completed).length;
  return { all: tasks.length, active: tasks.length - completed, completed };
}
