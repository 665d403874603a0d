import { API_ROUTES, taskRoute } from '@pakaura/contract/browser';
import { afterEach, describe, expect, it } from 'vitest';
import { closedPortUrl, sendJson, startLocalServer, type LocalServer } from '@/test/local-server';
import { makeTask, makeUser } from '@/test/fixtures';
import { createApiClient } from '@/app/lib/api-client';
import { ApiError } from '@/app/lib/api-error';

let server: LocalServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

describe('createApiClient', () => {
  it('sends JSON to the contract route and returns the parsed answer', async () => {
    const user = makeUser();
    server = await startLocalServer((_req, res) =>
      sendJson(res, 200, { user, token: 't', expiresAt: '2026-01-02T00:00:00.000Z' }),
    );
    const client = createApiClient({ baseUrl: server.url });

    const answer = await client.signIn({ email: 'ada@example.com', password: 'secret-pass' });

    expect(answer.user).toEqual(user);
    expect(server.seen[0]).toMatchObject({ method: 'POST', url: API_ROUTES.login });
    expect(server.seen[0]?.headers['content-type']).toBe('application/json');
    expect(JSON.parse(server.seen[0]?.body ?? '')).toEqual({
      email: 'ada@example.com',
      password: 'secret-pass',
    });
  });

  it('patches a task at its encoded route with only the changed fields', async () => {
    const task = makeTask({ completed: true });
    server = await startLocalServer((_req, res) => sendJson(res, 200, task));
    const client = createApiClient({ baseUrl: server.url });

    await client.updateTask(task.id, { completed: true });

    expect(server.seen[0]).toMatchObject({ method: 'PATCH', url: taskRoute(task.id) });
    expect(JSON.parse(server.seen[0]?.body ?? '')).toEqual({ completed: true });
  });

  it('accepts an empty answer (204) from a delete', async () => {
    server = await startLocalServer((_req, res) => {
      res.writeHead(204);
      res.end();
    });
    const client = createApiClient({ baseUrl: server.url });

    await expect(client.deleteTask('abc')).resolves.toBeUndefined();
    expect(server.seen[0]?.method).toBe('DELETE');
  });

  it('turns a rate-limited answer into an ApiError that says how long to wait', async () => {
    server = await startLocalServer((_req, res) =>
      sendJson(res, 429, { message: 'Too many requests' }, { 'retry-after': '12' }),
    );
    const client = createApiClient({ baseUrl: server.url });

    const error = await client.signIn({ email: 'a@b.co', password: 'x' }).catch((e) => e);

    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({
      kind: 'rate-limited',
      status: 429,
      retryAfterSeconds: 12,
      message: 'Too many requests. Wait 12 seconds and try again.',
    });
  });

  it('reads one page of tasks at a time, after the cursor of the page before', async () => {
    const task = makeTask();
    server = await startLocalServer((_req, res) =>
      sendJson(res, 200, { tasks: [task], nextCursor: 'next-page' }),
    );
    const client = createApiClient({ baseUrl: server.url });

    const page = await client.listTasks({ status: 'completed', cursor: 'this-page' });

    expect(page).toEqual({ tasks: [task], nextCursor: 'next-page' });
    expect(server.seen[0]?.url).toBe('/api/v1/tasks?status=completed&cursor=this-page');
  });

  it('reports a refused connection as a network error, not a crash', async () => {
    const client = createApiClient({ baseUrl: await closedPortUrl() });

    const error = await client.listTasks().catch((e) => e);

    expect(error).toMatchObject({ kind: 'network', status: 0 });
    expect(error.message).toMatch(/can't reach Pakaura/);
  });

  it('gives up on a slow API at its deadline', async () => {
    server = await startLocalServer((_req, res) => {
      setTimeout(() => sendJson(res, 200, { tasks: [] }), 2_000);
    });
    const client = createApiClient({ baseUrl: server.url, timeoutMs: 100 });

    const error = await client.listTasks().catch((e) => e);

    expect(error).toMatchObject({ kind: 'timeout' });
  });

  it('gives the chatbot its own, longer deadline', async () => {
    server = await startLocalServer((_req, res) => {
      setTimeout(
        () =>
          sendJson(res, 200, {
            conversationId: '22222222-2222-4222-8222-222222222222',
            reply: 'Done',
            actions: [],
            provider: 'builtin',
          }),
        200,
      );
    });
    const client = createApiClient({ baseUrl: server.url, timeoutMs: 50, chatTimeoutMs: 5_000 });

    await expect(client.sendChat({ message: 'Show my tasks' })).resolves.toMatchObject({
      reply: 'Done',
    });
  });
});
