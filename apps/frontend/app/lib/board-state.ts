import type { ChatAction, Task, TaskStatus } from '@pakaura/contract';
import { CHAT_READING_TOOLS, CHAT_REMOVING_TOOLS, TASK_STATUSES } from '@pakaura/contract/browser';
import type { TaskPage } from '@/app/lib/task-page';

/** What the board lists: tasks of one status whose text matches a search. */
export interface TaskQuery {
  filter: TaskStatus;
  search: string;
}

/** How far the server's list for the board's query has been read, page by page. */
export interface Paging {
  /** The query these pages belong to; an answer for any other query is too late and ignored. */
  query: TaskQuery;
  /** The first page has arrived, or the query needs none because every task it lists is known. */
  loaded: boolean;
  /** The cursor of the next page, while there is one. */
  nextCursor: string | null;
  /** A page wanted or on its way: the first (a new query, a reload) or the next one. */
  request: 'idle' | 'first' | 'more';
  /** Why the last page asked for did not arrive, in words for the person. */
  error: string | null;
}

/**
 * The board's state. `tasks` holds every task known so far, from any page of any query, sorted
 * for display; what is shown is the part of it that matches the query. The server's order
 * (newest first) makes each page a continuation of the known part, so the shown list is always
 * a true beginning of the person's list for that query.
 */
export interface BoardState {
  tasks: Task[];
  filter: TaskStatus;
  search: string;
  /** Per status, whether every task of it is known; the board then filters without the server. */
  complete: Record<TaskStatus, boolean>;
  paging: Paging;
  /**
   * Where each query read so far stopped (its `nextCursor`, null at the end), so that coming back
   * to a filter or a search continues it instead of starting over.
   */
  cursors: Record<string, string | null>;
}

export type BoardAction =
  | { type: 'query-changed'; filter?: TaskStatus; search?: string }
  | { type: 'reload-requested' }
  | { type: 'more-requested' }
  | { type: 'page-loaded'; query: TaskQuery; first: boolean; page: TaskPage }
  | { type: 'page-failed'; query: TaskQuery; error: string }
  | { type: 'upserted'; tasks: Task[] }
  | { type: 'removed'; ids: string[] }
  | { type: 'chat-acted'; actions: ChatAction[] };

/** Tools whose `tasks` are the ones they removed. */
const REMOVING_TOOLS = new Set<ChatAction['tool']>(CHAT_REMOVING_TOOLS);
/** Tools that only read: a listing or a count changes nothing. */
const READING_TOOLS = new Set<ChatAction['tool']>(CHAT_READING_TOOLS);

const NOTHING_COMPLETE: Record<TaskStatus, boolean> = {
  all: false,
  active: false,
  completed: false,
};
const ALL_COMPLETE: Record<TaskStatus, boolean> = { all: true, active: true, completed: true };

/** The board as the server rendered it: the first page of all tasks, or null when it failed. */
export function initialBoardState(page: TaskPage | null): BoardState {
  const query: TaskQuery = { filter: 'all', search: '' };
  if (!page) {
    return {
      tasks: [],
      ...query,
      complete: NOTHING_COMPLETE,
      cursors: {},
      paging: {
        query,
        loaded: false,
        nextCursor: null,
        request: 'idle',
        error: 'The service did not answer. Your tasks are safe.',
      },
    };
  }
  return {
    tasks: sortTasks(page.tasks),
    ...query,
    complete: page.nextCursor === null ? ALL_COMPLETE : NOTHING_COMPLETE,
    cursors: { [queryKey(query)]: page.nextCursor },
    paging: { query, loaded: true, nextCursor: page.nextCursor, request: 'idle', error: null },
  };
}

export function boardReducer(state: BoardState, action: BoardAction): BoardState {
  switch (action.type) {
    case 'query-changed': {
      const query: TaskQuery = {
        filter: action.filter ?? state.filter,
        search: action.search ?? state.search,
      };
      return { ...state, ...query, paging: pagingFor(state, query) };
    }
    case 'reload-requested':
      return { ...state, paging: { ...state.paging, request: 'first', error: null } };
    case 'more-requested':
      if (!state.paging.nextCursor) return state;
      return { ...state, paging: { ...state.paging, request: 'more', error: null } };
    case 'page-loaded':
      if (!sameQuery(action.query, state.paging.query)) return state;
      return pageLoaded(state, action.page, action.first);
    case 'page-failed':
      if (!sameQuery(action.query, state.paging.query)) return state;
      return { ...state, paging: { ...state.paging, request: 'idle', error: action.error } };
    case 'upserted':
      return { ...state, tasks: upsertTasks(state.tasks, action.tasks) };
    case 'removed':
      return { ...state, tasks: removeTasks(state.tasks, action.ids) };
    case 'chat-acted':
      return { ...state, tasks: applyChatActions(state.tasks, action.actions) };
  }
}

export function sameQuery(a: TaskQuery, b: TaskQuery): boolean {
  return a.filter === b.filter && a.search === b.search;
}

function queryKey(query: TaskQuery): string {
  return `${query.filter}:${query.search.trim().toLowerCase()}`;
}

/** Whether every task the query lists is already known, so the server need not be asked. */
export function knownLocally(complete: Record<TaskStatus, boolean>, query: TaskQuery): boolean {
  return complete.all || complete[query.filter];
}

function pagingFor(state: BoardState, query: TaskQuery): Paging {
  const known = knownLocally(state.complete, query);
  const key = queryKey(query);
  const readBefore = key in state.cursors;
  return {
    query,
    loaded: known || readBefore,
    nextCursor: known ? null : (state.cursors[key] ?? null),
    request: known || readBefore ? 'idle' : 'first',
    error: null,
  };
}

function pageLoaded(state: BoardState, page: TaskPage, first: boolean): BoardState {
  const { query } = state.paging;
  let known = state.tasks;
  let complete = state.complete;
  if (first && !query.search.trim()) {
    const stale = staleTasks(known, query.filter, page);
    if (stale.length > 0) {
      known = removeTasks(known, stale);
      // A task gone from this status may have moved to another one: those are no longer whole.
      complete = { ...NOTHING_COMPLETE, [query.filter]: complete[query.filter] };
    }
  }
  if (page.nextCursor === null && !query.search.trim()) {
    complete = query.filter === 'all' ? ALL_COMPLETE : { ...complete, [query.filter]: true };
  }
  // A reload of the first page leaves the pages read after it known: keep reading after them.
  const reread = first && state.paging.loaded && state.paging.nextCursor !== null;
  const cursor = reread ? state.paging.nextCursor : page.nextCursor;
  // A list that is already whole needs no "load more".
  const nextCursor = knownLocally(complete, query) ? null : cursor;
  return {
    ...state,
    tasks: upsertTasks(known, page.tasks),
    complete,
    cursors: { ...state.cursors, [queryKey(query)]: nextCursor },
    paging: { query, loaded: true, nextCursor, request: 'idle', error: null },
  };
}

/** The server's order: newest first, then by id, descending (the API's `ORDER BY`). */
function newerFirst(a: Task, b: Task): number {
  if (a.createdAt !== b.createdAt) return a.createdAt < b.createdAt ? 1 : -1;
  if (a.id !== b.id) return a.id < b.id ? 1 : -1;
  return 0;
}

/**
 * Known tasks of this status that a fresh first page proves gone (deleted, or changed status
 * elsewhere): those between its newest and its oldest task that it does not hold. Anything newer
 * than the page may have been added since it was read, and older ones are not covered by it.
 */
function staleTasks(known: readonly Task[], filter: TaskStatus, page: TaskPage): string[] {
  if (page.tasks.length === 0) return [];
  const sorted = [...page.tasks].sort(newerFirst);
  const newest = sorted[0] as Task;
  const oldest = sorted[sorted.length - 1] as Task;
  const onPage = new Set(page.tasks.map((task) => task.id));
  return known
    .filter(
      (task) =>
        matchesFilter(task, filter) &&
        !onPage.has(task.id) &&
        newerFirst(task, newest) >= 0 &&
        (page.nextCursor === null || newerFirst(task, oldest) <= 0),
    )
    .map((task) => task.id);
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
  return actions.some((action) => action.ok && !READING_TOOLS.has(action.tool));
}

export function matchesFilter(task: Task, filter: TaskStatus): boolean {
  if (filter === 'active') return !task.completed;
  if (filter === 'completed') return task.completed;
  return true;
}

/**
 * Every word of the search must appear in the title or the description, in any case. (The API's
 * own search, used for tasks not loaded yet, looks for the text in titles; whatever it finds
 * matches here too.)
 */
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

/** A number of tasks; `more` when there may be others not loaded yet ("50+"). */
export interface TaskCount {
  count: number;
  more: boolean;
}

export function countTasks(state: BoardState): Record<TaskStatus, TaskCount> {
  const completed = state.tasks.filter((task) => task.completed).length;
  const counts = { all: state.tasks.length, active: state.tasks.length - completed, completed };
  const whole = (status: TaskStatus) =>
    state.complete.all ||
    state.complete[status] ||
    (status === 'all' && state.complete.active && state.complete.completed);
  return Object.fromEntries(
    TASK_STATUSES.map((status) => [status, { count: counts[status], more: !whole(status) }]),
  ) as Record<TaskStatus, TaskCount>;
}
