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

describe('initialBoardState', () => {
  it('starts ready with the tasks the server rendered', () => {
    const tasks = [makeTask()];
    expect(initialBoardState(tasks)).toMatchObject({ tasks, status: 'ready', filter: 'all' });
  });

  it('starts in the error state when the server could not load the tasks', () => {
    expect(initialBoardState(null)).toMatchObject({ tasks: [], status: 'error' });
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
    const state = initialBoardState([a]);
    const renamed = { ...a, title: 'a2' };
    const added = makeTask({ title: 'b' });

    const next = boardReducer(state, { type: 'upserted', tasks: [renamed, added] });

    expect(next.tasks.map((t) => t.title)).toEqual(['b', 'a2']);
  });

  it('removes tasks by id', () => {
    const a = makeTask();
    const b = makeTask();
    const next = boardReducer(initialBoardState([a, b]), { type: 'removed', ids: [a.id] });
    expect(next.tasks).toEqual([b]);
  });

  it('shows the skeleton only when a reload starts from an empty error state', () => {
    const errored = initialBoardState(null);
    expect(boardReducer(errored, { type: 'reload-started' }).status).toBe('loading');
    const ready = initialBoardState([makeTask()]);
    expect(boardReducer(ready, { type: 'reload-started' }).status).toBe('ready');
  });

  it('keeps the list on screen when a background reload fails', () => {
    const ready = initialBoardState([makeTask()]);
    expect(boardReducer(ready, { type: 'reload-failed' })).toEqual(ready);
    const loading = boardReducer(initialBoardState(null), { type: 'reload-started' });
    expect(boardReducer(loading, { type: 'reload-failed' }).status).toBe('error');
  });

  it('takes the reloaded list as the truth', () => {
    const fresh = [makeTask()];
    const next = boardReducer(initialBoardState([makeTask()]), { type: 'reloaded', tasks: fresh });
    expect(next).toMatchObject({ tasks: fresh, status: 'ready' });
  });

  it('remembers the filter and the search', () => {
    let state = initialBoardState([]);
    state = boardReducer(state, { type: 'filter-changed', filter: 'completed' });
    state = boardReducer(state, { type: 'search-changed', search: 'kube' });
    expect(state).toMatchObject({ filter: 'completed', search: 'kube' });
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
    const state = initialBoardState([open, done]);
    expect(visibleTasks({ ...state, filter: 'active' })).toEqual([open]);
    expect(visibleTasks({ ...state, filter: 'completed' })).toEqual([done]);
    expect(visibleTasks({ ...state, filter: 'all' })).toHaveLength(2);
  });

  it('searches every word in the title and description, in any case', () => {
    expect(matchesSearch(open, 'kubernetes HELM')).toBe(true);
    expect(matchesSearch(open, 'kubernetes docker')).toBe(false);
    expect(matchesSearch(open, '   ')).toBe(true);
    const state = initialBoardState([open, done]);
    expect(visibleTasks({ ...state, search: 'milk' })).toEqual([done]);
  });

  it('counts all, open and completed tasks', () => {
    expect(countTasks([open, done])).toEqual({ all: 2, active: 1, completed: 1 });
  });
});
