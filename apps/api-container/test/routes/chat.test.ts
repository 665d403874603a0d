import {
  API_ROUTES,
  conversationRoute,
  type ChatResponse,
  type Conversation,
  type ConversationList,
  type Task,
} from '@pakaura/contract';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, register, type Session, type TestApp } from '../helpers/app';

const NOW = new Date('2030-01-09T15:00:00Z');

describe('chat route with the built-in assistant', () => {
  let ctx: TestApp;
  beforeAll(async () => {
    ctx = await buildTestApp({ app: { now: () => NOW } });
  });
  afterAll(() => ctx.close());

  const say = async (session: Session, message: string, conversationId?: string) => {
    const response = await ctx.app.inject({
      method: 'POST',
      url: API_ROUTES.chat,
      headers: { authorization: session.bearer },
      payload: { message, ...(conversationId && { conversationId }) },
    });
    expect(response.statusCode, response.body).toBe(200);
    return response.json<ChatResponse>();
  };
  const tasksOf = async (session: Session) =>
    (
      await ctx.app.inject({
        method: 'GET',
        url: API_ROUTES.tasks,
        headers: { authorization: session.bearer },
      })
    ).json<{ tasks: Task[] }>().tasks;

  it('walks through the four sentences of the demo, the task list matching after each', async () => {
    const session = await register(ctx.app);

    const added = await say(session, 'Add a task to demo Kubernetes');
    expect(added.provider).toBe('builtin');
    expect(added.actions).toMatchObject([
      { tool: 'add_task', ok: true, tasks: [{ title: 'Demo Kubernetes' }] },
    ]);
    expect(added.reply).toBe('Added "Demo Kubernetes".');
    expect((await tasksOf(session)).map((t) => [t.title, t.completed])).toEqual([
      ['Demo Kubernetes', false],
    ]);

    const listed = await say(session, 'Show my tasks', added.conversationId);
    expect(listed.conversationId).toBe(added.conversationId);
    expect(listed.actions).toMatchObject([
      { tool: 'list_tasks', ok: true, tasks: [{ title: 'Demo Kubernetes' }] },
    ]);
    expect(listed.reply).toContain('Demo Kubernetes');

    const completed = await say(session, 'Complete the Kubernetes task', added.conversationId);
    expect(completed.actions).toMatchObject([
      { tool: 'complete_task', ok: true, tasks: [{ title: 'Demo Kubernetes', completed: true }] },
    ]);
    expect((await tasksOf(session)).map((t) => [t.title, t.completed])).toEqual([
      ['Demo Kubernetes', true],
    ]);

    const deleted = await say(session, 'Delete completed tasks', added.conversationId);
    expect(deleted.actions).toMatchObject([
      { tool: 'delete_completed_tasks', ok: true, tasks: [{ title: 'Demo Kubernetes' }] },
    ]);
    expect(deleted.reply).toBe('Deleted 1 completed task: "Demo Kubernetes".');
    expect(await tasksOf(session)).toEqual([]);
  });

  it('understands other phrasings of the same four steps, with a typo in the task name', async () => {
    const session = await register(ctx.app);
    await say(session, 'please create a new task called "Write the Helm chart" due tomorrow');
    expect(await tasksOf(session)).toMatchObject([
      { title: 'Write the Helm chart', dueDate: '2030-01-10' },
    ]);
    expect((await say(session, "what's still open?")).actions[0]).toMatchObject({
      tool: 'list_tasks',
      args: { status: 'active' },
    });
    expect((await say(session, 'I finished the helm chrat')).actions[0]).toMatchObject({
      tool: 'complete_task',
      ok: true,
    });
    expect((await say(session, "get rid of everything I've finished")).actions[0]).toMatchObject({
      tool: 'delete_completed_tasks',
      ok: true,
    });
    expect(await tasksOf(session)).toEqual([]);
  });

  it('asks which task is meant when a name fits several, and changes none', async () => {
    const session = await register(ctx.app);
    await say(session, 'add demo Kubernetes');
    await say(session, 'add demo Helm');
    const answer = await say(session, 'complete the demo');
    expect(answer.actions).toMatchObject([{ tool: 'complete_task', ok: false }]);
    expect(answer.reply).toMatch(/matches 2 tasks: .*Which one\?$/);
    expect((await tasksOf(session)).every((t) => !t.completed)).toBe(true);
  });

  it('takes the answer to "which one?" from the next message, by words or by position', async () => {
    const session = await register(ctx.app);
    await say(session, 'add demo Kubernetes, demo Helm');
    const asked = await say(session, 'finished the demo');
    expect(asked.actions).toMatchObject([{ tool: 'complete_task', ok: false, ambiguous: true }]);
    expect(asked.reply).toMatch(/"Demo Helm", "Demo Kubernetes"|"Demo Kubernetes", "Demo Helm"/);
    const answered = await say(session, 'the helm one', asked.conversationId);
    expect(answered.actions).toMatchObject([
      { tool: 'complete_task', ok: true, tasks: [{ title: 'Demo Helm', completed: true }] },
    ]);

    const again = await say(session, 'delete the demo', asked.conversationId);
    expect(again.actions[0].ambiguous).toBe(true);
    const first = again.actions[0].tasks[0].title;
    const byPosition = await say(session, 'the first one', asked.conversationId);
    expect(byPosition.actions).toMatchObject([
      { tool: 'delete_task', ok: true, tasks: [{ title: first }] },
    ]);
    expect(await tasksOf(session)).toHaveLength(1);
  });

  it('does several things from one message, in order', async () => {
    const session = await register(ctx.app);
    const added = await say(session, 'add buy milk and call mom tomorrow');
    expect(added.actions.map((a) => [a.tool, a.tasks[0].title, a.tasks[0].dueDate])).toEqual([
      ['add_task', 'Buy milk', null],
      ['add_task', 'Call mom', '2030-01-10'],
    ]);
    const done = await say(session, 'called mom. and bought milk');
    expect(done.actions.map((a) => [a.tool, a.ok, a.tasks[0].title])).toEqual([
      ['complete_task', true, 'Call mom'],
      ['complete_task', true, 'Buy milk'],
    ]);
    await say(session, 'add salt and pepper');
    const both = await say(session, 'delete salt and pepper');
    expect(both.actions).toMatchObject([
      { tool: 'delete_task', ok: true, tasks: [{ title: 'Salt and pepper' }] },
    ]);
  });

  it('acts on many tasks at once, counts them, and lists by due window', async () => {
    const session = await register(ctx.app);
    await say(session, 'add pay rent by jan 5th 2030, call mom today, book flights next week');
    expect((await say(session, 'whats overdue')).reply).toBe(
      '1 overdue task:\n○ Pay rent (due 2030-01-05)',
    );
    expect((await say(session, 'how many are left')).reply).toBe(
      '3 open tasks: 1 overdue; 1 due today.',
    );
    const done = await say(session, 'mark everything done');
    expect(done.actions).toMatchObject([{ tool: 'update_tasks', ok: true, total: 3 }]);
    expect(done.actions[0].tasks).toHaveLength(3);
    expect((await tasksOf(session)).every((t) => t.completed)).toBe(true);
    const removed = await say(session, 'delete the ones i finished');
    expect(removed.reply).toMatch(/^Deleted 3 completed tasks: /);
    expect(await tasksOf(session)).toEqual([]);
  });

  it('says so when no task matches', async () => {
    const session = await register(ctx.app);
    await say(session, 'add water the plants');
    const answer = await say(session, 'delete the Kubernetes task');
    expect(answer.actions).toMatchObject([
      { tool: 'delete_task', ok: false, summary: 'No task matches "Kubernetes"' },
    ]);
    expect(await tasksOf(session)).toHaveLength(1);
  });

  it("acts only on the caller's tasks", async () => {
    const alice = await register(ctx.app);
    const bob = await register(ctx.app);
    await say(alice, 'add demo Kubernetes');
    const answer = await say(bob, 'complete the Kubernetes task');
    expect(answer.actions[0]).toMatchObject({ ok: false, summary: 'You have no tasks yet' });
    expect(await tasksOf(alice)).toMatchObject([{ completed: false }]);
    expect((await say(bob, 'delete completed tasks')).actions[0].tasks).toEqual([]);
  });

  it('answers with help and no action when it does not understand', async () => {
    const session = await register(ctx.app);
    const answer = await say(session, 'what is the meaning of life');
    expect(answer.actions).toEqual([]);
    expect(answer.reply).toMatch(/Add a task to demo Kubernetes/);
  });

  it('keeps the conversation: listed, read back with its actions, deleted', async () => {
    const session = await register(ctx.app);
    const first = await say(session, 'Add a task to demo Kubernetes');
    await say(session, 'Show my tasks', first.conversationId);
    const auth = { authorization: session.bearer };

    const list = (
      await ctx.app.inject({ method: 'GET', url: API_ROUTES.conversations, headers: auth })
    ).json<ConversationList>();
    expect(list.conversations).toMatchObject([
      { id: first.conversationId, title: 'Add a task to demo Kubernetes' },
    ]);

    const conversation = (
      await ctx.app.inject({
        method: 'GET',
        url: conversationRoute(first.conversationId),
        headers: auth,
      })
    ).json<Conversation>();
    expect(conversation.messages.map((m) => [m.role, m.content.split('\n')[0]])).toEqual([
      ['user', 'Add a task to demo Kubernetes'],
      ['assistant', 'Added "Demo Kubernetes".'],
      ['user', 'Show my tasks'],
      ['assistant', '1 task:'],
    ]);
    expect(conversation.messages[1].actions).toMatchObject([{ tool: 'add_task', ok: true }]);

    const removed = await ctx.app.inject({
      method: 'DELETE',
      url: conversationRoute(first.conversationId),
      headers: auth,
    });
    expect(removed.statusCode).toBe(204);
    expect(
      (
        await ctx.app.inject({
          method: 'GET',
          url: conversationRoute(first.conversationId),
          headers: auth,
        })
      ).statusCode,
    ).toBe(404);
    expect(await tasksOf(session)).toHaveLength(1);
  });

  it('keeps task ids in the conversation, not copies of the tasks it listed', async () => {
    const session = await register(ctx.app);
    const first = await say(session, 'add buy milk');
    const listed = await say(session, 'show my tasks', first.conversationId);
    expect(listed.actions[0].tasks).toHaveLength(1);
    const conversation = (
      await ctx.app.inject({
        method: 'GET',
        url: conversationRoute(first.conversationId),
        headers: { authorization: session.bearer },
      })
    ).json<Conversation>();
    const stored = conversation.messages[3].actions[0];
    expect(stored).toMatchObject({ tool: 'list_tasks', tasks: [], total: 1 });
    expect(stored.taskIds).toEqual([listed.actions[0].tasks[0].id]);
  });

  it('pages through a long conversation from the newest messages back, and through conversations', async () => {
    const session = await register(ctx.app);
    const auth = { authorization: session.bearer };
    const first = await say(session, 'add chapter 0');
    for (let i = 1; i < 5; i++) await say(session, `add chapter ${i}`, first.conversationId);
    const page = async (query: string) => {
      const response = await ctx.app.inject({
        method: 'GET',
        url: `${conversationRoute(first.conversationId)}${query}`,
        headers: auth,
      });
      expect(response.statusCode, response.body).toBe(200);
      return response.json<Conversation>();
    };
    const newest = await page('?limit=4');
    expect(newest.messages.map((m) => m.content)).toEqual([
      'add chapter 3',
      'Added "Chapter 3".',
      'add chapter 4',
      'Added "Chapter 4".',
    ]);
    const older = await page(`?limit=4&cursor=${newest.nextCursor}`);
    expect(older.messages.map((m) => m.content)).toEqual([
      'add chapter 1',
      'Added "Chapter 1".',
      'add chapter 2',
      'Added "Chapter 2".',
    ]);
    const oldest = await page(`?limit=4&cursor=${older.nextCursor}`);
    expect(oldest.messages.map((m) => m.content)).toEqual(['add chapter 0', 'Added "Chapter 0".']);
    expect(oldest.nextCursor).toBeNull();

    const second = await say(session, 'add another');
    const lists = async (query: string) =>
      (
        await ctx.app.inject({
          method: 'GET',
          url: `${API_ROUTES.conversations}${query}`,
          headers: auth,
        })
      ).json<ConversationList>();
    const top = await lists('?limit=1');
    expect(top.conversations.map((c) => c.id)).toEqual([second.conversationId]);
    const next = await lists(`?limit=1&cursor=${top.nextCursor}`);
    expect(next.conversations.map((c) => c.id)).toEqual([first.conversationId]);
    expect(next.nextCursor).toBeNull();
  });

  it.each([
    [
      'a cursor it did not hand out',
      '?cursor=bm90LWEtY3Vyc29y',
      /cursor is not one this API handed out/,
    ],
    ['a page size over the maximum', '?limit=101', /querystring\.limit must match/],
  ])('refuses %s when reading conversations', async (_name, query, message) => {
    const session = await register(ctx.app);
    const { conversationId } = await say(session, 'add something');
    for (const url of [
      `${API_ROUTES.conversations}${query}`,
      `${conversationRoute(conversationId)}${query}`,
    ]) {
      const response = await ctx.app.inject({
        method: 'GET',
        url,
        headers: { authorization: session.bearer },
      });
      expect(response.statusCode, url).toBe(400);
      expect(response.json().message).toMatch(message);
    }
  });

  describe('bad input', () => {
    let session: Session;
    let othersConversation: string;
    beforeAll(async () => {
      session = await register(ctx.app);
      othersConversation = (await say(await register(ctx.app), 'add something private'))
        .conversationId;
    });
    const post = (payload: unknown) =>
      ctx.app.inject({
        method: 'POST',
        url: API_ROUTES.chat,
        headers: { authorization: session.bearer },
        payload: payload as object,
      });

    it.each([
      ['an empty message', { message: '' }, 400, /body\.message must not be empty/],
      ['a blank message', { message: '   ' }, 400, /body\.message must not be blank/],
      [
        'a message over 2000 characters',
        { message: 'add '.repeat(501) },
        400,
        /at most 2000 characters/,
      ],
      [
        'a message that is not a string',
        { message: ['add x'] },
        400,
        /body\.message must be a string/,
      ],
      ['an unknown field', { message: 'hi', provider: 'cohere' }, 400, /unknown field "provider"/],
      [
        'a conversation id that is not a UUID',
        { message: 'hi', conversationId: "1' OR 1=1" },
        400,
        /conversationId must be a UUID/,
      ],
      [
        'an unknown conversation id',
        { message: 'hi', conversationId: '00000000-0000-4000-8000-000000000000' },
        404,
        /No conversation/,
      ],
    ])('refuses %s', async (_name, payload, status, message) => {
      const response = await post(payload);
      expect(response.statusCode).toBe(status);
      expect(response.json().message).toMatch(message);
      expect(await tasksOf(session)).toEqual([]);
    });

    it("treats another user's conversation as unknown, and stores nothing in it", async () => {
      const response = await post({ message: 'add sneaky', conversationId: othersConversation });
      expect(response.statusCode).toBe(404);
      const read = await ctx.app.inject({
        method: 'GET',
        url: conversationRoute(othersConversation),
        headers: { authorization: session.bearer },
      });
      expect(read.statusCode).toBe(404);
      expect(await tasksOf(session)).toEqual([]);
    });

    it('needs a session', async () => {
      const response = await ctx.app.inject({
        method: 'POST',
        url: API_ROUTES.chat,
        payload: { message: 'show my tasks' },
      });
      expect(response.statusCode).toBe(401);
    });
  });
});
