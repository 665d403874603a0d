import {
  API_ROUTES,
  TASK_PAGE_SIZE_DEFAULT,
  TASK_PAGE_SIZE_MAX,
  TASKS_PER_USER_MAX,
  taskRoute,
  type Task,
  type TaskList,
} from '@pakaura/contract';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { users } from '../../src/db/schema';
import { buildTestApp, register, type Session, type TestApp } from '../helpers/app';

describe('task routes', () => {
  let ctx: TestApp;
  let alice: Session;
  let bob: Session;
  beforeAll(async () => {
    ctx = await buildTestApp();
    alice = await register(ctx.app);
    bob = await register(ctx.app);
  });
  afterAll(() => ctx.close());

  const as = (session: Session) => ({ authorization: session.bearer });
  const create = async (session: Session, payload: Record<string, unknown>) => {
    const response = await ctx.app.inject({
      method: 'POST',
      url: API_ROUTES.tasks,
      headers: as(session),
      payload,
    });
    expect(response.statusCode).toBe(201);
    return response.json<Task>();
  };
  const listPage = async (session: Session, query = '') => {
    const response = await ctx.app.inject({
      method: 'GET',
      url: `${API_ROUTES.tasks}${query}`,
      headers: as(session),
    });
    expect(response.statusCode).toBe(200);
    return response.json<TaskList>();
  };
  const list = async (session: Session, query = '') => (await listPage(session, query)).tasks;
  /** Adds `count` tasks straight in the database, in one statement (so they share created_at). */
  const seed = async (session: Session, count: number, prefix = 'seeded') => {
    await ctx.app.database.db.execute(
      sql`INSERT INTO tasks (user_id, title) SELECT ${session.user.id}::uuid, ${prefix} || ' ' || n FROM generate_series(1, ${count}) AS n`,
    );
  };
  const getList = (session: Session, query: string) =>
    ctx.app.inject({ method: 'GET', url: `${API_ROUTES.tasks}${query}`, headers: as(session) });
  const patch = (session: Session, id: string, payload: Record<string, unknown>) =>
    ctx.app.inject({ method: 'PATCH', url: taskRoute(id), headers: as(session), payload });

  it('creates a task with defaults for the optional fields', async () => {
    const task = await create(alice, { title: '  Write the chart  ' });
    expect(task).toMatchObject({
      title: 'Write the chart',
      description: '',
      completed: false,
      priority: 'medium',
      dueDate: null,
      completedAt: null,
    });
    expect(task.createdAt).toBe(task.updatedAt);
  });

  it('creates a task with every field given', async () => {
    const task = await create(alice, {
      title: 'Ship',
      description: 'v4',
      priority: 'high',
      dueDate: '2030-02-28',
    });
    expect(task).toMatchObject({
      title: 'Ship',
      description: 'v4',
      priority: 'high',
      dueDate: '2030-02-28',
    });
  });

  it('lists the newest first and reads one task back', async () => {
    const first = await create(bob, { title: 'first' });
    const second = await create(bob, { title: 'second' });
    const titles = (await list(bob)).map((t) => t.title);
    expect(titles.indexOf('second')).toBeLessThan(titles.indexOf('first'));
    const response = await ctx.app.inject({
      method: 'GET',
      url: taskRoute(first.id),
      headers: as(bob),
    });
    expect(response.json()).toEqual(first);
    expect(second.id).not.toBe(first.id);
  });

  it('updates title, description, priority and due date, and clears the due date with null', async () => {
    const task = await create(alice, { title: 'Draft', dueDate: '2030-01-01' });
    const changed = await patch(alice, task.id, {
      title: 'Final',
      description: 'done soon',
      priority: 'low',
      dueDate: '2030-03-01',
    });
    expect(changed.statusCode).toBe(200);
    expect(changed.json()).toMatchObject({
      title: 'Final',
      description: 'done soon',
      priority: 'low',
      dueDate: '2030-03-01',
    });
    expect(new Date(changed.json<Task>().updatedAt).getTime()).toBeGreaterThanOrEqual(
      new Date(task.updatedAt).getTime(),
    );
    const cleared = await patch(alice, task.id, { dueDate: null });
    expect(cleared.json<Task>().dueDate).toBeNull();
  });

  it('records when a task was completed, keeps that time, and clears it when reopened', async () => {
    const task = await create(alice, { title: 'Complete me' });
    const done = (await patch(alice, task.id, { completed: true })).json<Task>();
    expect(done.completed).toBe(true);
    expect(done.completedAt).not.toBeNull();
    const again = (await patch(alice, task.id, { completed: true })).json<Task>();
    expect(again.completedAt).toBe(done.completedAt);
    const reopened = (await patch(alice, task.id, { completed: false })).json<Task>();
    expect(reopened).toMatchObject({ completed: false, completedAt: null });
  });

  it('filters by status', async () => {
    const session = await register(ctx.app);
    const open = await create(session, { title: 'open one' });
    const closed = await create(session, { title: 'closed one' });
    await patch(session, closed.id, { completed: true });
    expect((await list(session, '?status=active')).map((t) => t.id)).toEqual([open.id]);
    expect((await list(session, '?status=completed')).map((t) => t.id)).toEqual([closed.id]);
    expect((await list(session, '?status=all')).map((t) => t.id).sort()).toEqual(
      [open.id, closed.id].sort(),
    );
  });

  it('searches titles without case, treating % and _ as plain characters', async () => {
    const session = await register(ctx.app);
    await create(session, { title: 'Demo Kubernetes' });
    await create(session, { title: '100% done' });
    await create(session, { title: 'snake_case' });
    await create(session, { title: 'snakeXcase' });
    expect((await list(session, '?search=kubernetes')).map((t) => t.title)).toEqual([
      'Demo Kubernetes',
    ]);
    expect((await list(session, '?search=100%25')).map((t) => t.title)).toEqual(['100% done']);
    expect((await list(session, '?search=e_c')).map((t) => t.title)).toEqual(['snake_case']);
    expect(await list(session, '?search=%25%25')).toEqual([]);
  });

  it('deletes one task, after which it answers 404', async () => {
    const task = await create(alice, { title: 'Delete me' });
    const response = await ctx.app.inject({
      method: 'DELETE',
      url: taskRoute(task.id),
      headers: as(alice),
    });
    expect(response.statusCode).toBe(204);
    expect(response.body).toBe('');
    const gone = await ctx.app.inject({
      method: 'GET',
      url: taskRoute(task.id),
      headers: as(alice),
    });
    expect(gone.statusCode).toBe(404);
    expect(gone.json().message).toMatch(/No task with this id/);
  });

  it('deletes every completed task of the caller and only those', async () => {
    const session = await register(ctx.app);
    const keep = await create(session, { title: 'keep' });
    for (const title of ['a', 'b']) {
      const task = await create(session, { title });
      await patch(session, task.id, { completed: true });
    }
    const bobsDone = await create(bob, { title: 'bob done' });
    await patch(bob, bobsDone.id, { completed: true });

    const response = await ctx.app.inject({
      method: 'DELETE',
      url: API_ROUTES.completedTasks,
      headers: as(session),
    });
    expect(response.json()).toEqual({ deleted: 2 });
    expect((await list(session)).map((t) => t.id)).toEqual([keep.id]);
    expect((await list(bob, '?status=completed')).map((t) => t.id)).toContain(bobsDone.id);
  });

  it('works with the session cookie as well as a Bearer token', async () => {
    const response = await ctx.app.inject({
      method: 'GET',
      url: API_ROUTES.tasks,
      headers: { cookie: alice.cookie },
    });
    expect(response.statusCode).toBe(200);
  });

  describe("keeps each user's tasks private", () => {
    let secret: Task;
    beforeAll(async () => {
      secret = await create(alice, { title: 'Alice only', priority: 'high' });
    });

    it("answers 404 for another user's task, as for an unknown id, and changes nothing", async () => {
      const attempts = [
        ctx.app.inject({ method: 'GET', url: taskRoute(secret.id), headers: as(bob) }),
        patch(bob, secret.id, { title: 'stolen', completed: true }),
        ctx.app.inject({ method: 'DELETE', url: taskRoute(secret.id), headers: as(bob) }),
      ];
      for (const response of await Promise.all(attempts)) {
        expect(response.statusCode).toBe(404);
        expect(response.json().message).toMatch(/No task with this id/);
      }
      const unchanged = await ctx.app.inject({
        method: 'GET',
        url: taskRoute(secret.id),
        headers: as(alice),
      });
      expect(unchanged.json()).toEqual(secret);
    });

    it("never lists or searches another user's tasks", async () => {
      expect((await list(bob)).map((t) => t.id)).not.toContain(secret.id);
      expect(await list(bob, '?search=Alice')).toEqual([]);
    });
  });

  describe('pages', () => {
    it('answers the first 50 tasks and a cursor by default, and at most 100 a page', async () => {
      const session = await register(ctx.app);
      await seed(session, TASK_PAGE_SIZE_MAX + 5);
      const first = await listPage(session);
      expect(first.tasks).toHaveLength(TASK_PAGE_SIZE_DEFAULT);
      expect(first.nextCursor).toEqual(expect.any(String));
      const biggest = await listPage(session, `?limit=${TASK_PAGE_SIZE_MAX}`);
      expect(biggest.tasks).toHaveLength(TASK_PAGE_SIZE_MAX);
      for (const limit of [0, TASK_PAGE_SIZE_MAX + 1, -1]) {
        const refused = await getList(session, `?limit=${limit}`);
        expect(refused.statusCode).toBe(400);
        expect(refused.json().message).toMatch(/^querystring\.limit must be/);
      }
      expect((await getList(session, '?limit=ten')).json().message).toMatch(/integer/);
    });

    it('walks every task once, newest first, even when several share a creation time', async () => {
      const session = await register(ctx.app);
      await seed(session, 7, 'same instant');
      const newest = await create(session, { title: 'newest' });
      const everything = await list(session, '?limit=100');
      const seen: Task[] = [];
      let cursor: string | null = null;
      let pages = 0;
      do {
        const page: TaskList = await listPage(
          session,
          `?limit=3${cursor ? `&cursor=${cursor}` : ''}`,
        );
        expect(page.tasks.length).toBeLessThanOrEqual(3);
        seen.push(...page.tasks);
        cursor = page.nextCursor;
        pages += 1;
      } while (cursor);
      expect(pages).toBe(3);
      expect(seen.map((t) => t.id)).toEqual(everything.map((t) => t.id));
      expect(new Set(seen.map((t) => t.id)).size).toBe(8);
      expect(seen[0].id).toBe(newest.id);
    });

    it('keeps the filters while paging, and says null on the last page', async () => {
      const session = await register(ctx.app);
      for (const title of ['alpha 1', 'beta', 'alpha 2', 'alpha 3'])
        await create(session, { title });
      const first = await listPage(session, '?search=alpha&limit=2');
      expect(first.tasks.map((t) => t.title)).toEqual(['alpha 3', 'alpha 2']);
      const second = await listPage(session, `?search=alpha&limit=2&cursor=${first.nextCursor}`);
      expect(second).toEqual({
        tasks: [expect.objectContaining({ title: 'alpha 1' })],
        nextCursor: null,
      });
    });

    it.each([
      ['text that is not base64', 'not a cursor!'],
      ['base64 of something else', Buffer.from('hello|world').toString('base64url')],
      [
        'a cursor with a forged field',
        Buffer.from("2030-01-01 00:00:00+00|1' OR 1=1").toString('base64url'),
      ],
      ['an overlong cursor', 'a'.repeat(500)],
    ])('answers 400 with what to do for a bad cursor: %s', async (_name, cursor) => {
      const session = await register(ctx.app);
      const response = await getList(session, `?cursor=${encodeURIComponent(cursor)}`);
      expect(response.statusCode).toBe(400);
      expect(response.json().message).toMatch(/cursor/);
    });
  });

  describe(`caps an account at ${TASKS_PER_USER_MAX} tasks`, () => {
    it('refuses one more with 409 and the reason, and accepts again after a delete', async () => {
      const session = await register(ctx.app);
      await seed(session, TASKS_PER_USER_MAX - 1);
      const last = await create(session, { title: 'the last one that fits' });
      const refused = await ctx.app.inject({
        method: 'POST',
        url: API_ROUTES.tasks,
        headers: as(session),
        payload: { title: 'one too many' },
      });
      expect(refused.statusCode).toBe(409);
      expect(refused.json().message).toMatch(/limit of 10,000 tasks; delete some/);
      await ctx.app.inject({ method: 'DELETE', url: taskRoute(last.id), headers: as(session) });
      await create(session, { title: 'fits again' });
    });

    it('lets exactly one of many simultaneous creates take the last place', async () => {
      const session = await register(ctx.app);
      await seed(session, TASKS_PER_USER_MAX - 1);
      const statuses = await Promise.all(
        Array.from({ length: 8 }, (_, i) =>
          ctx.app
            .inject({
              method: 'POST',
              url: API_ROUTES.tasks,
              headers: as(session),
              payload: { title: `racer ${i}` },
            })
            .then((response) => response.statusCode),
        ),
      );
      expect(statuses.filter((status) => status === 201)).toHaveLength(1);
      expect(statuses.filter((status) => status === 409)).toHaveLength(7);
      const [owner] = await ctx.app.database.db
        .select({ taskCount: users.taskCount })
        .from(users)
        .where(eq(users.id, session.user.id));
      expect(owner.taskCount).toBe(TASKS_PER_USER_MAX);
    });
  });

  it('answers 401 without a session', async () => {
    const response = await ctx.app.inject({ method: 'GET', url: API_ROUTES.tasks });
    expect(response.statusCode).toBe(401);
  });
});
