import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ChatTaskQueries } from '../../src/chat/task-queries';
import { ChatToolbox, TOOL_PARAMETERS } from '../../src/chat/tools';
import type { Database } from '../../src/db/database';
import { TaskStore } from '../../src/tasks/task-store';
import { UserStore } from '../../src/users/user-store';
import { openTestDatabase, type TestDatabase } from '../helpers/test-database';

/** Wednesday 9 January 2030. */
const NOW = new Date('2030-01-09T15:00:00Z');

describe('ChatToolbox', () => {
  let test: TestDatabase;
  let database: Database;
  let toolbox: ChatToolbox;
  let store: TaskStore;
  let queries: ChatTaskQueries;
  /** Every task of the user, straight from the database. */
  const all = async () => (await queries.list({}, 1000)).tasks;
  beforeAll(async () => {
    test = await openTestDatabase();
    database = test.database;
  });
  afterAll(async () => {
    await database.close();
    await test.dispose();
  });
  beforeEach(async () => {
    const user = await new UserStore(database.db).create({
      email: `tools-${Math.random()}@example.test`,
      name: 'T',
      passwordHash: 'x',
    });
    store = new TaskStore(database.db, user.id);
    queries = new ChatTaskQueries(database.db, user.id, NOW);
    toolbox = new ChatToolbox(store, queries);
  });

  it('offers exactly the tools of the contract, each with a closed argument schema', () => {
    expect(Object.keys(TOOL_PARAMETERS)).toEqual([
      'add_task',
      'list_tasks',
      'complete_task',
      'update_task',
      'delete_task',
      'delete_completed_tasks',
      'count_tasks',
      'update_tasks',
      'delete_tasks',
    ]);
    for (const schema of Object.values(TOOL_PARAMETERS))
      expect(schema.additionalProperties).toBe(false);
  });

  it('adds with every field, then lists, filtered and searched', async () => {
    const added = await toolbox.run('add_task', {
      title: 'Renew passport',
      priority: 'high',
      dueDate: '2030-03-05',
      description: 'photos',
    });
    expect(added).toMatchObject({
      ok: true,
      summary: 'Added "Renew passport" (high priority, due 2030-03-05)',
    });
    await toolbox.run('add_task', { title: 'Buy milk' });
    expect((await toolbox.run('list_tasks', {})).summary).toBe('2 tasks');
    expect((await toolbox.run('list_tasks', { status: 'completed' })).summary).toBe(
      'No completed tasks',
    );
    expect((await toolbox.run('list_tasks', { search: 'pass' })).tasks.map((t) => t.title)).toEqual(
      ['Renew passport'],
    );
  });

  it('lists at most a page of tasks and says how many match in all', async () => {
    for (let i = 0; i < 25; i++) await store.create({ title: `Chore ${i}` });
    const listed = await toolbox.run('list_tasks', {});
    expect(listed).toMatchObject({ ok: true, summary: '25 tasks', total: 25 });
    expect(listed.tasks).toHaveLength(20);
    expect(listed.taskIds).toEqual(listed.tasks.map((task) => task.id));
    expect((await toolbox.run('list_tasks', { limit: 5 })).tasks).toHaveLength(5);
    expect((await toolbox.run('list_tasks', { limit: 500 })).summary).toMatch(/invalid limit/);
  });

  it('names at most five tasks when a reference fits many, and changes none', async () => {
    for (let i = 0; i < 8; i++) await store.create({ title: `Call the plumber ${i}` });
    const action = await toolbox.run('complete_task', { task: 'call the plumber' });
    expect(action).toMatchObject({ ok: false, ambiguous: true });
    expect(action.summary).toMatch(
      /^"call the plumber" matches 8 tasks: (".+", ){4}".+" and 3 more\. Which one\?$/,
    );
    expect((await all()).every((task) => !task.completed)).toBe(true);
  });

  it('completes once, and says so when asked again', async () => {
    await toolbox.run('add_task', { title: 'Demo Kubernetes' });
    expect(await toolbox.run('complete_task', { task: 'kubernetes' })).toMatchObject({
      ok: true,
      summary: 'Completed "Demo Kubernetes"',
    });
    expect(await toolbox.run('complete_task', { task: 'kubernetes' })).toMatchObject({
      ok: true,
      summary: '"Demo Kubernetes" was already completed',
    });
  });

  it('prefers the open task when completing and the completed one when reopening', async () => {
    const first = (await toolbox.run('add_task', { title: 'Report' })).tasks[0];
    await toolbox.run('complete_task', { task: first.id });
    const second = (await toolbox.run('add_task', { title: 'Report' })).tasks[0];

    const completed = await toolbox.run('complete_task', { task: 'report' });
    expect(completed).toMatchObject({ ok: true, tasks: [{ id: second.id }] });
    expect(await toolbox.run('update_task', { task: 'report', completed: false })).toMatchObject({
      ok: false,
      summary: expect.stringMatching(/matches 2 tasks/),
    });

    await toolbox.run('update_task', { task: second.id, completed: false });
    const reopened = await toolbox.run('update_task', { task: 'report', completed: false });
    expect(reopened).toMatchObject({ ok: true, tasks: [{ id: first.id, completed: false }] });
  });

  it('updates the fields given and describes the change', async () => {
    await toolbox.run('add_task', { title: 'Draft', dueDate: '2030-01-01' });
    const action = await toolbox.run('update_task', {
      task: 'draft',
      title: 'Final',
      priority: 'low',
      dueDate: null,
    });
    expect(action).toMatchObject({
      ok: true,
      summary: 'Updated "Final": title "Final", low priority, no due date',
      tasks: [{ title: 'Final', priority: 'low', dueDate: null }],
    });
  });

  it.each([
    ['add_task', { title: '' }, /invalid title/],
    ['add_task', { title: 'x', dueDate: '2030-02-30' }, /invalid dueDate/],
    ['add_task', { title: 'x', owner: 'someone else' }, /invalid/],
    ['list_tasks', { status: 'deleted' }, /invalid status/],
    ['update_task', { task: 'x' }, /needs something to change/],
    ['complete_task', {}, /invalid/],
    ['delete_task', 'everything', /invalid/],
  ] as const)('refuses %s with %j, changing nothing', async (tool, args, summary) => {
    await toolbox.run('add_task', { title: 'Untouched' });
    const before = await all();
    const action = await toolbox.run(tool, args);
    expect(action.ok).toBe(false);
    expect(action.summary).toMatch(summary);
    expect(await all()).toEqual(before);
  });

  it('says there is nothing to delete, then deletes only completed tasks', async () => {
    expect((await toolbox.run('delete_completed_tasks', {})).summary).toBe(
      'There were no completed tasks to delete',
    );
    await toolbox.run('add_task', { title: 'Keep' });
    await toolbox.run('add_task', { title: 'Done one' });
    await toolbox.run('complete_task', { task: 'done one' });
    expect((await toolbox.run('delete_completed_tasks', {})).summary).toBe(
      'Deleted 1 completed task: "Done one"',
    );
    expect((await all()).map((t) => t.title)).toEqual(['Keep']);
  });
});
