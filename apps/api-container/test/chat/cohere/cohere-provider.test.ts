import { API_ROUTES, CHAT_TOOLS, type ChatResponse, type Task } from '@pakaura/contract';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHAT_ACTIVE, CHAT_QUEUED } from '../../../src/routes/chat';
import { buildTestApp, register, type Session, type TestApp } from '../../helpers/app';
import { FakeCohere, textResponse, toolCallsResponse } from '../../helpers/fake-cohere';

const API_KEY = 'co-test-key-0123456789';
const NOW = new Date('2030-01-09T15:00:00Z');

describe('chat with Cohere (against a local fake of its v2 chat API)', () => {
  const cohere = new FakeCohere();
  let ctx: TestApp;
  let session: Session;

  beforeAll(async () => {
    const baseUrl = await cohere.start();
    ctx = await buildTestApp({
      env: {
        COHERE_API_KEY: API_KEY,
        AI_MODEL: 'command-test',
        AI_TEMPERATURE: '0.2',
        AI_MAX_TOKENS: '300',
      },
      // 5 s: long enough for a loaded CI machine, short enough for the 504 case below.
      app: { cohere: { baseUrl, maxRetries: 0, timeoutSeconds: 5 }, now: () => NOW },
    });
    session = await register(ctx.app);
  });
  afterAll(async () => {
    await ctx.close();
    await cohere.stop();
  });

  const say = (message: string, conversationId?: string) =>
    ctx.app.inject({
      method: 'POST',
      url: API_ROUTES.chat,
      headers: { authorization: session.bearer },
      payload: { message, ...(conversationId && { conversationId }) },
    });
  const tasks = async () =>
    (
      await ctx.app.inject({
        method: 'GET',
        url: API_ROUTES.tasks,
        headers: { authorization: session.bearer },
      })
    ).json<{ tasks: Task[] }>().tasks;

  it('runs the tool the model calls, sends the result back, and answers with its text', async () => {
    cohere.answer(
      {
        body: toolCallsResponse([
          { name: 'add_task', arguments: { title: 'Demo Kubernetes', priority: 'high' } },
        ]),
      },
      { body: textResponse('Added "Demo Kubernetes" for you.') },
    );
    const response = await say('Add a task to demo Kubernetes, it is important');
    expect(response.statusCode, response.body).toBe(200);
    const body = response.json<ChatResponse>();
    expect(body.provider).toBe('cohere');
    expect(body.reply).toBe('Added "Demo Kubernetes" for you.');
    expect(body.actions).toMatchObject([
      { tool: 'add_task', ok: true, args: { title: 'Demo Kubernetes', priority: 'high' } },
    ]);
    expect(await tasks()).toMatchObject([{ title: 'Demo Kubernetes', priority: 'high' }]);

    const [first, second] = cohere.requests;
    expect(first.url).toBe('/v2/chat');
    expect(first.headers.authorization).toBe(`Bearer ${API_KEY}`);
    expect(first.body).toMatchObject({ model: 'command-test', temperature: 0.2, max_tokens: 300 });
    expect(
      (first.body.tools as Array<{ function: { name: string } }>).map((t) => t.function.name),
    ).toEqual([...CHAT_TOOLS]);
    const messages = first.body.messages as Array<{ role: string; content: string }>;
    expect(messages[0]).toMatchObject({
      role: 'system',
      content: expect.stringContaining('Today is 2030-01-09'),
    });
    expect(messages.at(-1)).toEqual({
      role: 'user',
      content: 'Add a task to demo Kubernetes, it is important',
    });

    const followUp = second.body.messages as Array<Record<string, unknown>>;
    expect(followUp.at(-2)).toMatchObject({
      role: 'assistant',
      tool_calls: [{ id: 'call_0_add_task', function: { name: 'add_task' } }],
    });
    expect(followUp.at(-1)).toMatchObject({ role: 'tool', tool_call_id: 'call_0_add_task' });
    expect(JSON.parse(String(followUp.at(-1)?.content))).toMatchObject({
      ok: true,
      tasks: [{ title: 'Demo Kubernetes' }],
    });
  });

  it('carries out several calls over several turns, and passes earlier turns as history', async () => {
    cohere.answer(
      { body: toolCallsResponse([{ name: 'add_task', arguments: { title: 'Write the chart' } }]) },
      { body: textResponse('Added.') },
    );
    const first = (await say('add write the chart')).json<ChatResponse>();
    cohere.answer(
      { body: toolCallsResponse([{ name: 'list_tasks', arguments: { status: 'active' } }]) },
      {
        body: toolCallsResponse([
          { name: 'complete_task', arguments: { task: 'chart' } },
          { name: 'complete_task', arguments: { task: 'kubernetes' } },
        ]),
      },
      { body: textResponse('Both are done.') },
    );
    const second = await say('finish everything', first.conversationId);
    const body = second.json<ChatResponse>();
    expect(body.actions.map((a) => [a.tool, a.ok])).toEqual([
      ['list_tasks', true],
      ['complete_task', true],
      ['complete_task', true],
    ]);
    expect((await tasks()).every((t) => t.completed)).toBe(true);
    const history = cohere.requests[0].body.messages as Array<{ role: string; content: unknown }>;
    expect(history.slice(1, 3)).toEqual([
      { role: 'user', content: 'add write the chart' },
      { role: 'assistant', content: 'Added.' },
    ]);
  });

  it('offers the same filters and bulk tools as the built-in engine, and runs them', async () => {
    cohere.answer(
      {
        body: toolCallsResponse([
          { name: 'add_task', arguments: { title: 'Late report', dueDate: '2030-01-02' } },
          { name: 'add_task', arguments: { title: 'Fresh idea', priority: 'high' } },
        ]),
      },
      { body: textResponse('Added both.') },
    );
    await say('add late report due jan 2 and a high priority fresh idea');
    cohere.answer(
      {
        body: toolCallsResponse([
          { name: 'count_tasks', arguments: { due: 'overdue' } },
          { name: 'list_tasks', arguments: { priority: 'high', status: 'active', limit: 5 } },
          {
            name: 'update_tasks',
            arguments: { where: { due: 'overdue' }, set: { completed: true } },
          },
        ]),
      },
      { body: textResponse('One task was overdue; I completed it.') },
    );
    const body = (await say('finish whatever is overdue')).json<ChatResponse>();
    expect(body.actions.map((a) => [a.tool, a.ok, a.summary])).toEqual([
      ['count_tasks', true, '1 overdue task'],
      ['list_tasks', true, '1 open high-priority task'],
      ['update_tasks', true, 'Completed 1 task ("Late report")'],
    ]);
    expect((await tasks()).filter((t) => t.completed).map((t) => t.title)).toContain('Late report');

    const [first, second] = cohere.requests;
    const tools = first.body.tools as Array<{
      function: { name: string; parameters: { properties: Record<string, { enum?: unknown }> } };
    }>;
    const list = tools.find((t) => t.function.name === 'list_tasks');
    expect(Object.keys(list?.function.parameters.properties ?? {})).toEqual([
      'status',
      'priority',
      'due',
      'dueFrom',
      'dueTo',
      'search',
      'limit',
    ]);
    expect(JSON.stringify(list)).toContain('this_week');
    const results = (second.body.messages as Array<{ role: string; content: string }>)
      .filter((m) => m.role === 'tool')
      .map((m) => JSON.parse(m.content));
    expect(results[0]).toMatchObject({ ok: true, total: 1 });
  });

  it('works on a few messages at once, queues some, and answers the rest 503 with Retry-After', async () => {
    const room = CHAT_ACTIVE + CHAT_QUEUED;
    cohere.answer(
      ...Array.from({ length: room }, () => ({ body: textResponse('Noted.'), delayMs: 300 })),
    );
    const responses = await Promise.all(
      Array.from({ length: room + 3 }, (_, i) => say(`message ${i}`)),
    );
    const busy = responses.filter((response) => response.statusCode === 503);
    const statuses = responses.map((response) => response.statusCode);
    expect(busy, `statuses: ${statuses.join(' ')}`).toHaveLength(3);
    expect(busy[0].headers['retry-after']).toBe('1');
    expect(busy[0].json().message).toMatch(/busy/);
    expect(responses.filter((response) => response.statusCode === 200)).toHaveLength(room);
  });

  it('reports bad tool arguments back to the model instead of acting on them', async () => {
    cohere.answer(
      {
        body: toolCallsResponse([
          { name: 'add_task', arguments: { title: '', dueDate: '2030-02-30' } },
          { name: 'add_task', arguments: '{not json' },
          { name: 'drop_database', arguments: {} },
        ]),
      },
      { body: textResponse('Sorry, I could not add that.') },
    );
    const before = await tasks();
    const body = (await say('add nothing')).json<ChatResponse>();
    expect(body.actions).toMatchObject([
      { tool: 'add_task', ok: false, summary: expect.stringMatching(/invalid/) },
      { tool: 'add_task', ok: false, summary: expect.stringMatching(/not JSON/) },
    ]);
    const results = (
      cohere.requests[1].body.messages as Array<{ role: string; content: string }>
    ).filter((m) => m.role === 'tool');
    expect(results.map((m) => JSON.parse(m.content).ok)).toEqual([false, false, false]);
    expect(JSON.parse(results[2].content).error).toMatch(/no tool named "drop_database"/);
    expect(await tasks()).toEqual(before);
  });

  it('acts only on the caller’s tasks even when the model names another user’s task id', async () => {
    const other = await register(ctx.app);
    const theirs = (
      await ctx.app.inject({
        method: 'POST',
        url: API_ROUTES.tasks,
        headers: { authorization: other.bearer },
        payload: { title: 'Private' },
      })
    ).json<Task>();
    cohere.answer(
      { body: toolCallsResponse([{ name: 'delete_task', arguments: { task: theirs.id } }]) },
      { body: textResponse('Deleted.') },
    );
    const body = (await say(`delete ${theirs.id}`)).json<ChatResponse>();
    expect(body.actions).toMatchObject([{ tool: 'delete_task', ok: false }]);
    const still = await ctx.app.inject({
      method: 'GET',
      url: `${API_ROUTES.tasks}/${theirs.id}`,
      headers: { authorization: other.bearer },
    });
    expect(still.statusCode).toBe(200);
  });

  it.each([
    ['a server error', { status: 500, body: { message: 'internal' } }],
    ['a rejected key', { status: 401, body: { message: 'invalid api token' } }],
    ['an unexpected body', { status: 200, body: '<html>' }],
  ])(
    'answers 502 with a safe message when Cohere returns %s, storing nothing',
    async (_name, answer) => {
      cohere.answer(answer);
      const before = await tasks();
      const response = await say('show my tasks');
      expect(response.statusCode).toBe(502);
      expect(response.json()).toEqual({
        message: 'The assistant (Cohere) is not available right now; try again in a moment',
      });
      expect(await tasks()).toEqual(before);
      expect(JSON.stringify(ctx.logs)).not.toContain(API_KEY);
    },
  );

  it('logs that the key was rejected, without the key', () => {
    expect(ctx.logs.some((line) => line.reason === 'Cohere rejected COHERE_API_KEY')).toBe(true);
  });

  it('answers 504 when Cohere does not answer in time', async () => {
    cohere.answer({ body: textResponse('too late'), delayMs: 6_000 });
    const response = await say('show my tasks');
    expect(response.statusCode).toBe(504);
    expect(response.json().message).toMatch(/not available right now/);
    expect(ctx.logs.some((line) => line.reason === 'no answer within 5 s')).toBe(true);
  }, 20_000);
});
