import type { Task } from '@pakaura/contract';
import { describe, expect, it } from 'vitest';
import { action, makeTask } from '@/test/fixtures';
import {
  applyChatActions,
  boardReducer,
  chatChangedTasks,
  countTasks,
  initialBoardState,
  matchesSearch,
  sortTasks,
  visibleTasks,
} from '@/app/lib/board-state';
import type { TaskPage } from '@/app/lib/task-page';

const lastPage = (tasks: Task[]): TaskPage => ({ tasks, nextCursor: null });
const pageWithMore = (tasks: Task[], nextCursor = 'cursor-2'): TaskPage => ({ tasks, nextCursor });

describe('initialBoardState', () => {
  it('starts with the tasks the server rendered, whole when that was the last page', () => {
    const tasks = [makeTask()];
    const state = initialBoardState(lastPage(tasks));
    expect(state).toMatchObject({ tasks, filter: 'all', search: '' });
    expect(state.paging).toMatchObject({ loaded: true, nextCursor: null, error: null });
    expect(state.complete).toEqual({ all: true, active: true, completed: true });
  });

  it('remembers where the next page starts when there is one', () => {
    const state = initialBoardState(pageWithMore([makeTask()], 'abc'));
    expect(state.paging.nextCursor).toBe('abc');
    expect(state.complete).toEqual({ all: false, active: false, completed: false });
  });

  it('starts in the error state when the server could not load the tasks', () => {
    const state = initialBoardState(null);
    expect(state.tasks).toEqual([]);
    expect(state.paging).toMatchObject({ loaded: false, request: 'idle' });
    expect(state.paging.error).toMatch(/did not answer/);
  });
});

describe('sortTasks', () => {
  it('puts open tasks first, newest first within each group', () => {
    const old = makeTask({ title: 'old' });
    const done = makeTask({ title: 'done', completed: true });
    const recent = makeTask({ title: 'recent' });
    expect(sortTasks([old, done, recent]).map((t) => t.title)).toEqual(['recent', 'old', 'done']);
  });
});

describe('boardReducer', () => {
  it('replaces a changed task in place and adds a new one', () => {
    const a = makeTask({ title: 'a' });
    const state = initialBoardState(lastPage([a]));
    const renamed = { ...a, title: 'a2' };
    const added = makeTask({ title: 'b' });

    const next = boardReducer(state, { type: 'upserted', tasks: [renamed, added] });

    expect(next.tasks.map((t) => t.title)).toEqual(['b', 'a2']);
  });

  it('removes tasks by id', () => {
    const a = makeTask();
    const b = makeTask();
    const next = boardReducer(initialBoardState(lastPage([a, b])), {
      type: 'removed',
      ids: [a.id],
    });
    expect(next.tasks).toEqual([b]);
  });

  it('filters and searches without the server when every task is known', () => {
    let state = initialBoardState(lastPage([makeTask()]));
    state = boardReducer(state, { type: 'query-changed', filter: 'completed' });
    state = boardReducer(state, { type: 'query-changed', search: 'kube' });

    expect(state).toMatchObject({ filter: 'completed', search: 'kube' });
    expect(state.paging).toMatchObject({
      query: { filter: 'completed', search: 'kube' },
      loaded: true,
      request: 'idle',
      nextCursor: null,
    });
  });

  it('asks the server for the first page of a filter or search while tasks are missing', () => {
    const state = boardReducer(initialBoardState(pageWithMore([makeTask()])), {
      type: 'query-changed',
      search: 'passport',
    });

    expect(state.paging).toMatchObject({
      query: { filter: 'all', search: 'passport' },
      loaded: false,
      request: 'first',
      nextCursor: null,
    });
  });

  it('appends the next page and follows its cursor to the end', () => {
    const first = [makeTask(), makeTask()].reverse();
    const older = makeTask({ createdAt: '2025-01-01T00:00:00.000Z' });
    let state = initialBoardState(pageWithMore(first, 'c2'));

    state = boardReducer(state, { type: 'more-requested' });
    expect(state.paging.request).toBe('more');
    state = boardReducer(state, {
      type: 'page-loaded',
      query: state.paging.query,
      first: false,
      page: lastPage([older]),
    });

    expect(state.tasks.map((t) => t.id)).toEqual([...first, older].map((t) => t.id));
    expect(state.paging).toMatchObject({ loaded: true, request: 'idle', nextCursor: null });
    expect(state.complete.all).toBe(true);
  });

  it('continues a filter where it stopped when the person comes back to it', () => {
    let state = initialBoardState(pageWithMore([makeTask()], 'all-2'));
    state = boardReducer(state, { type: 'query-changed', filter: 'active' });
    state = boardReducer(state, {
      type: 'page-loaded',
      query: state.paging.query,
      first: true,
      page: pageWithMore([makeTask()], 'active-2'),
    });

    state = boardReducer(state, { type: 'query-changed', filter: 'all' });
    expect(state.paging).toMatchObject({ loaded: true, request: 'idle', nextCursor: 'all-2' });
    state = boardReducer(state, { type: 'query-changed', filter: 'active' });
    expect(state.paging).toMatchObject({ loaded: true, request: 'idle', nextCursor: 'active-2' });
  });

  it('keeps reading after the pages already read when the first page is reloaded', () => {
    let state = initialBoardState(pageWithMore([makeTask()], 'after-50'));
    state = boardReducer(state, { type: 'more-requested' });
    state = boardReducer(state, {
      type: 'page-loaded',
      query: state.paging.query,
      first: false,
      page: pageWithMore([makeTask({ createdAt: '2025-01-01T00:00:00.000Z' })], 'after-100'),
    });
    state = boardReducer(state, { type: 'reload-requested' });
    state = boardReducer(state, {
      type: 'page-loaded',
      query: state.paging.query,
      first: true,
      page: pageWithMore(state.tasks.slice(0, 1), 'after-50'),
    });

    expect(state.paging.nextCursor).toBe('after-100');
    expect(state.tasks).toHaveLength(2);
  });

  it('does not ask for more once the last page is in', () => {
    const state = initialBoardState(lastPage([makeTask()]));
    expect(boardReducer(state, { type: 'more-requested' })).toBe(state);
  });

  it('ignores a page that arrives after the query changed', () => {
    let state = initialBoardState(pageWithMore([makeTask()]));
    state = boardReducer(state, { type: 'query-changed', filter: 'active' });
    const before = boardReducer(state, { type: 'query-changed', filter: 'completed' });

    const late = boardReducer(before, {
      type: 'page-loaded',
      query: { filter: 'active', search: '' },
      first: true,
      page: lastPage([makeTask({ title: 'late' })]),
    });

    expect(late).toBe(before);
  });

  it('knows every task of a status once its last page is in', () => {
    let state = initialBoardState(pageWithMore([makeTask()]));
    state = boardReducer(state, { type: 'query-changed', filter: 'completed' });
    const done = makeTask({ completed: true });
    state = boardReducer(state, {
      type: 'page-loaded',
      query: state.paging.query,
      first: true,
      page: lastPage([done]),
    });

    expect(state.complete).toEqual({ all: false, active: false, completed: true });
    expect(visibleTasks(state)).toEqual([done]);
    const back = boardReducer(state, { type: 'query-changed', filter: 'active' });
    expect(back.paging.request).toBe('first');
    const again = boardReducer(back, { type: 'query-changed', filter: 'completed' });
    expect(again.paging).toMatchObject({ loaded: true, request: 'idle' });
  });

  it('drops tasks a fresh first page proves gone, and keeps those newer than it', () => {
    const gone = makeTask({ title: 'deleted elsewhere' });
    const kept = makeTask({ title: 'on the page' });
    const addedMeanwhile = makeTask({ title: 'added while the page loaded' });
    let state = initialBoardState(lastPage([kept, gone]));
    state = boardReducer(state, { type: 'upserted', tasks: [addedMeanwhile] });
    state = boardReducer(state, { type: 'reload-requested' });

    state = boardReducer(state, {
      type: 'page-loaded',
      query: state.paging.query,
      first: true,
      page: lastPage([kept]),
    });

    expect(state.tasks.map((t) => t.title)).toEqual(['added while the page loaded', 'on the page']);
  });

  it('keeps tasks older than a first page that has more after it', () => {
    const older = makeTask({ title: 'older, on page two' });
    const newer = makeTask({ title: 'newer' });
    let state = initialBoardState(lastPage([newer, older]));
    state = boardReducer(state, { type: 'reload-requested' });

    state = boardReducer(state, {
      type: 'page-loaded',
      query: state.paging.query,
      first: true,
      page: pageWithMore([newer]),
    });

    expect(state.tasks.map((t) => t.title)).toEqual(['newer', 'older, on page two']);
    expect(state.paging.nextCursor).toBeNull();
  });

  it('keeps the list on screen when a page fails, with the reason', () => {
    const state = initialBoardState(pageWithMore([makeTask()]));
    const asked = boardReducer(state, { type: 'more-requested' });
    const failed = boardReducer(asked, {
      type: 'page-failed',
      query: asked.paging.query,
      error: 'Offline.',
    });

    expect(failed.tasks).toEqual(state.tasks);
    expect(failed.paging).toMatchObject({
      request: 'idle',
      error: 'Offline.',
      nextCursor: 'cursor-2',
    });
  });
});

describe('countTasks', () => {
  it('counts all, open and completed tasks exactly when every task is known', () => {
    const state = initialBoardState(lastPage([makeTask(), makeTask({ completed: true })]));
    expect(countTasks(state)).toEqual({
      all: { count: 2, more: false },
      active: { count: 1, more: false },
      completed: { count: 1, more: false },
    });
  });

  it('says there may be more while pages are missing', () => {
    const state = initialBoardState(pageWithMore([makeTask(), makeTask({ completed: true })]));
    expect(countTasks(state)).toEqual({
      all: { count: 2, more: true },
      active: { count: 1, more: true },
      completed: { count: 1, more: true },
    });
  });
});

describe('applyChatActions', () => {
  it('adds the task the chatbot created', () => {
    const created = makeTask({ title: 'demo Kubernetes' });
    expect(applyChatActions([], [action('add_task', [created])])).toEqual([created]);
  });

  it('marks the task the chatbot completed', () => {
    const task = makeTask();
    const completed = { ...task, completed: true };
    expect(applyChatActions([task], [action('complete_task', [completed])])).toEqual([completed]);
  });

  it('removes the tasks the chatbot deleted, one or all completed', () => {
    const a = makeTask({ completed: true });
    const b = makeTask({ completed: true });
    const c = makeTask();
    expect(applyChatActions([a, b, c], [action('delete_completed_tasks', [a, b])])).toEqual([c]);
    expect(applyChatActions([a, c], [action('delete_task', [c])])).toEqual([a]);
  });

  it('ignores actions that failed', () => {
    const task = makeTask();
    expect(applyChatActions([task], [action('delete_task', [task], false)])).toEqual([task]);
  });

  it('applies several actions in order', () => {
    const task = makeTask();
    const done = { ...task, completed: true };
    const result = applyChatActions(
      [],
      [action('add_task', [task]), action('complete_task', [done]), action('delete_task', [done])],
    );
    expect(result).toEqual([]);
  });
});

describe('chatChangedTasks', () => {
  it('is false for a listing and true for anything that changed tasks', () => {
    expect(chatChangedTasks([action('list_tasks', [makeTask()])])).toBe(false);
    expect(chatChangedTasks([action('add_task', [makeTask()])])).toBe(true);
    expect(chatChangedTasks([action('add_task', [], false)])).toBe(false);
  });
});

describe('visibleTasks', () => {
  const open = makeTask({ title: 'Demo Kubernetes', description: 'minikube and helm' });
  const done = makeTask({ title: 'Buy milk', completed: true });

  it('filters by status', () => {
    const state = initialBoardState(lastPage([open, done]));
    expect(visibleTasks({ ...state, filter: 'active' })).toEqual([open]);
    expect(visibleTasks({ ...state, filter: 'completed' })).toEqual([done]);
    expect(visibleTasks({ ...state, filter: 'all' })).toHaveLength(2);
  });

  it('searches every word in the title and description, in any case', () => {
    expect(matchesSearch(open, 'kubernetes HELM')).toBe(true);
    expect(matchesSearch(open, 'kubernetes docker')).toBe(false);
    expect(matchesSearch(open, '   ')).toBe(true);
    const state = initialBoardState(lastPage([open, done]));
    expect(visibleTasks({ ...state, search: 'milk' })).toEqual([done]);
  });
});
