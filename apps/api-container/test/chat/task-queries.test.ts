import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ChatTaskQueries, dueWindowRange } from '../../src/chat/task-queries';
import type { Database } from '../../src/db/database';
import { tasks } from '../../src/db/schema';
import { TaskStore } from '../../src/tasks/task-store';
import { UserStore } from '../../src/users/user-store';
import { openTestDatabase, type TestDatabase } from '../helpers/test-database';

/** Wednesday 9 January 2030. */
const NOW = new Date('2030-01-09T15:00:00Z');
const FILLER = ['review', 'quarterly', 'budget', 'meeting', 'notes', 'server', 'backup', 'plan'];

describe('ChatTaskQueries', () => {
  let test: TestDatabase;
  let database: Database;
  const newUser = async () => {
    const user = await new UserStore(database.db).create({
      email: `queries-${Math.random()}@example.test`,
      name: 'Q',
      passwordHash: 'x',
    });
    return user.id;
  };
  beforeAll(async () => {
    test = await openTestDatabase();
    database = test.database;
  });
  afterAll(async () => {
    await database.close();
    await test.dispose();
  });

  describe('with 400 long titles', () => {
    let queries: ChatTaskQueries;
    beforeAll(async () => {
      const userId = await newUser();
      const titles = Array.from({ length: 400 }, (_, i) =>
        Array.from({ length: 24 }, (_, j) => FILLER[(i * 7 + j * 3) % FILLER.length])
          .join(' ')
          .slice(0, 190),
      );
      titles[123] = 'Book the dentist appointment for the kids';
      titles[321] = 'Pick up groceries after work';
      await database.db.insert(tasks).values(titles.map((title) => ({ userId, title })));
      await database.db.execute(sql`ANALYZE tasks`);
      queries = new ChatTaskQueries(database.db, userId, NOW);
    });

    it('finds the task a typo-ridden reference means among its few nearest candidates', async () => {
      const dentist = 'Book the dentist appointment for the kids';
      // A typo after the fourth letter: found by the words' beginnings.
      expect((await queries.candidates('the dentst apointment thing', 5))[0].title).toBe(dentist);
      // A typo in the first four letters: found by the words' endings.
      expect((await queries.candidates('dnetist', 5))[0].title).toBe(dentist);
      // Typos at both ends of every word: found by the trigram index's nearest neighbours.
      const nearest = await queries.candidates('dnetsit apointmnet', 5);
      expect(nearest).toHaveLength(5);
      expect(nearest[0].title).toBe(dentist);
      expect((await queries.candidates('groceries', 3))[0].title).toBe(
        'Pick up groceries after work',
      );
    });

    it("reads the nearest titles from the trigram index, never sorting all the owner's tasks", async () => {
      const query = queries.nearest('dentist', 20).toSQL();
      const explain = `EXPLAIN ${query.sql}`;
      const rows =
        database.client.kind === 'pglite'
          ? (await database.client.pglite.query<Record<string, string>>(explain, query.params)).rows
          : (await database.client.pool.query(explain, query.params)).rows;
      const plan = rows.map((row) => Object.values(row)[0]).join('\n');
      expect(plan).toMatch(/Index Scan using tasks_user_title_trgm_idx/);
      expect(plan).toMatch(/Order By: \(title <->> /);
      expect(plan).not.toMatch(/Sort/);
    });

    it('lists a bounded page and still says how many match', async () => {
      const page = await queries.list({ search: 'budget' }, 10);
      expect(page.tasks).toHaveLength(10);
      expect(page.total).toBeGreaterThan(10);
      expect(page.tasks.every((task) => /budget/.test(task.title))).toBe(true);
    });
  });

  it('filters by status, priority and due windows, and counts with a breakdown', async () => {
    const userId = await newUser();
    const store = new TaskStore(database.db, userId);
    const queries = new ChatTaskQueries(database.db, userId, NOW);
    await store.create({ title: 'Late report', dueDate: '2030-01-08', priority: 'high' });
    await store.create({ title: 'Pay rent', dueDate: '2030-01-09' });
    await store.create({ title: 'Call mom', dueDate: '2030-01-10', priority: 'low' });
    await store.create({ title: 'Plan trip', dueDate: '2030-01-15' });
    const done = await store.create({ title: 'Old thing', dueDate: '2030-01-01' });
    await store.update(done.id, { completed: true });
    await store.create({ title: 'Someday' });

    const titles = async (filter: Parameters<ChatTaskQueries['list']>[0]) =>
      (await queries.list(filter, 50)).tasks.map((task) => task.title);
    expect(await titles({ due: 'overdue' })).toEqual(['Late report']);
    expect(await titles({ due: 'today' })).toEqual(['Pay rent']);
    expect(await titles({ due: 'this_week' })).toEqual(['Pay rent', 'Call mom']);
    expect(await titles({ due: 'next_week' })).toEqual(['Plan trip']);
    expect(await titles({ due: 'no_date' })).toEqual(['Someday']);
    expect(await titles({ priority: 'high' })).toEqual(['Late report']);
    expect(await titles({ status: 'completed' })).toEqual(['Old thing']);
    expect(await titles({ dueTo: '2030-01-09', status: 'active' })).toEqual([
      'Late report',
      'Pay rent',
    ]);
    expect(await queries.counts({})).toEqual({
      total: 6,
      active: 5,
      completed: 1,
      overdue: 1,
      dueToday: 1,
      highPriority: 1,
      capped: false,
    });
  });

  it('changes at most the limit in one call, and the next call continues with the rest', async () => {
    const userId = await newUser();
    const store = new TaskStore(database.db, userId);
    const queries = new ChatTaskQueries(database.db, userId, NOW);
    for (let i = 0; i < 5; i++) await store.create({ title: `Task ${i}` });

    const first = await queries.updateMany({}, { priority: 'high' }, 3);
    expect(first.tasks).toHaveLength(3);
    expect(first.remaining).toBe(2);
    const second = await queries.updateMany({}, { priority: 'high' }, 3);
    expect(second.tasks).toHaveLength(2);
    expect(second.remaining).toBe(0);
    const touched = [...first.tasks, ...second.tasks].map((task) => task.title).sort();
    expect(touched).toEqual(['Task 0', 'Task 1', 'Task 2', 'Task 3', 'Task 4']);

    const removed = await queries.removeMany({ priority: 'high' }, 4);
    expect(removed.tasks).toHaveLength(4);
    expect(removed.remaining).toBe(1);
  });

  it('finds nothing of another user, by words or by id', async () => {
    const owner = await newUser();
    const stranger = await newUser();
    const task = await new TaskStore(database.db, owner).create({ title: 'Secret plan' });
    const queries = new ChatTaskQueries(database.db, stranger, NOW);
    expect(await queries.candidates('secret plan')).toEqual([]);
    expect(await queries.candidates(task.id)).toEqual([]);
    expect(await queries.byIds([task.id])).toEqual([]);
    expect(await queries.isEmpty()).toBe(true);
  });
});

describe('dueWindowRange', () => {
  it('counts weeks from Monday to Sunday, seen from a Wednesday', () => {
    expect(dueWindowRange('this_week', NOW)).toEqual({ from: '2030-01-09', to: '2030-01-13' });
    expect(dueWindowRange('next_week', NOW)).toEqual({ from: '2030-01-14', to: '2030-01-20' });
    expect(dueWindowRange('this_month', NOW)).toEqual({ from: '2030-01-09', to: '2030-01-31' });
    expect(dueWindowRange('overdue', NOW)).toEqual({ to: '2030-01-08' });
  });
});
