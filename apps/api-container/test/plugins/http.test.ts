import { API_ROUTES, APP_VERSION } from '@pakaura/contract';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, register, type TestApp } from '../helpers/app';

/** The value of the Prometheus sample `name` carrying all of `labels`, whatever their order. */
function sample(body: string, name: string, labels: Record<string, string>): number | undefined {
  const line = body
    .split('\n')
    .find(
      (text) =>
        text.startsWith(`${name}{`) &&
        Object.entries(labels).every(([key, value]) => text.includes(`${key}="${value}"`)),
    );
  return line === undefined ? undefined : Number(line.split(' ').at(-1));
}

describe('cross-cutting HTTP behaviour', () => {
  let ctx: TestApp;
  beforeAll(async () => {
    ctx = await buildTestApp({
      env: { FRONTEND_URL: 'http://pakaura.local,http://localhost:3000' },
    });
  });
  afterAll(() => ctx.close());

  describe('request ids', () => {
    it('keeps a sane x-request-id from the caller and logs the request under it', async () => {
      const response = await ctx.app.inject({
        method: 'GET',
        url: API_ROUTES.tasks,
        headers: { 'x-request-id': 'ingress-abc.123' },
      });
      expect(response.headers['x-request-id']).toBe('ingress-abc.123');
      expect(ctx.logs.some((line) => line.reqId === 'ingress-abc.123')).toBe(true);
    });

    it('replaces a missing or unsafe one with a fresh UUID', async () => {
      const ids = await Promise.all(
        [undefined, 'x'.repeat(300), 'bad id\nwith newline'].map(async (header) => {
          const response = await ctx.app.inject({
            method: 'GET',
            url: API_ROUTES.live,
            headers: header ? { 'x-request-id': header } : {},
          });
          return response.headers['x-request-id'];
        }),
      );
      for (const id of ids) expect(id).toMatch(/^[0-9a-f-]{36}$/);
      expect(new Set(ids).size).toBe(3);
    });
  });

  describe('CORS', () => {
    it('lets each frontend origin call with credentials', async () => {
      for (const origin of ['http://pakaura.local', 'http://localhost:3000']) {
        const response = await ctx.app.inject({
          method: 'OPTIONS',
          url: API_ROUTES.tasks,
          headers: {
            origin,
            'access-control-request-method': 'POST',
            'access-control-request-headers': 'content-type',
          },
        });
        expect(response.statusCode).toBe(204);
        expect(response.headers['access-control-allow-origin']).toBe(origin);
        expect(response.headers['access-control-allow-credentials']).toBe('true');
      }
    });

    it('gives other origins no CORS permission', async () => {
      const response = await ctx.app.inject({
        method: 'GET',
        url: API_ROUTES.live,
        headers: { origin: 'http://evil.example' },
      });
      expect(response.headers['access-control-allow-origin']).toBeUndefined();
    });
  });

  describe('metrics', () => {
    it('counts requests by route pattern and status, outside /api', async () => {
      const session = await register(ctx.app);
      await ctx.app.inject({
        method: 'GET',
        url: `${API_ROUTES.tasks}/00000000-0000-4000-8000-000000000000`,
        headers: { authorization: session.bearer },
      });
      const response = await ctx.app.inject({ method: 'GET', url: API_ROUTES.metrics });
      expect(response.statusCode).toBe(200);
      expect(response.headers['content-type']).toMatch(/^text\/plain/);
      expect(
        sample(response.body, 'http_request_duration_seconds_count', {
          method: 'GET',
          route: '/api/v1/tasks/:id',
          status_code: '404',
        }),
      ).toBe(1);
      expect(response.body).toContain('process_cpu_user_seconds_total');
      expect(response.body).not.toContain('00000000-0000-4000-8000-000000000000');
    });

    it('counts the assistant’s tool calls', async () => {
      const session = await register(ctx.app);
      await ctx.app.inject({
        method: 'POST',
        url: API_ROUTES.chat,
        headers: { authorization: session.bearer },
        payload: { message: 'add water the plants' },
      });
      const response = await ctx.app.inject({ method: 'GET', url: API_ROUTES.metrics });
      expect(
        sample(response.body, 'pakaura_chat_tool_calls_total', { tool: 'add_task', ok: 'true' }),
      ).toBeGreaterThan(0);
    });
  });

  describe('OpenAPI', () => {
    it('documents every API route with its request and response schemas', async () => {
      const response = await ctx.app.inject({ method: 'GET', url: API_ROUTES.openapi });
      expect(response.statusCode).toBe(200);
      const document = response.json<{
        info: { version: string };
        paths: Record<
          string,
          Record<string, { responses: object; requestBody?: object; parameters?: object[] }>
        >;
      }>();
      expect(document.info.version).toBe(APP_VERSION);
      const documented = Object.keys(document.paths);
      for (const path of [
        API_ROUTES.health,
        API_ROUTES.live,
        API_ROUTES.register,
        API_ROUTES.login,
        API_ROUTES.logout,
        API_ROUTES.me,
        API_ROUTES.tasks,
        API_ROUTES.completedTasks,
        API_ROUTES.chat,
        API_ROUTES.conversations,
      ]) {
        expect(documented).toContain(path);
      }
      expect(documented).toContain(`${API_ROUTES.tasks}/{id}`);
      expect(document.paths[API_ROUTES.tasks].post.requestBody).toBeDefined();
      expect(document.paths[`${API_ROUTES.tasks}/{id}`].patch.parameters).toBeDefined();
      for (const methods of Object.values(document.paths)) {
        for (const operation of Object.values(methods))
          expect(Object.keys(operation.responses).length).toBeGreaterThan(0);
      }
      expect(
        documented.filter(
          (path) => path.startsWith(API_ROUTES.docs) || path === API_ROUTES.metrics,
        ),
      ).toEqual([]);
    });

    it('serves the docs page', async () => {
      const response = await ctx.app.inject({ method: 'GET', url: `${API_ROUTES.docs}/` });
      expect(response.statusCode).toBe(200);
      expect(response.headers['content-type']).toMatch(/text\/html/);
    });
  });

  it('never logs a password, token or the session cookie while using every route', async () => {
    const credentials = {
      email: `logs-${Date.now()}@example.test`,
      password: 'a very secret phrase',
      name: 'Logs',
    };
    const session = await register(ctx.app, credentials);
    const auth = { authorization: session.bearer, cookie: session.cookie };
    await ctx.app.inject({ method: 'POST', url: API_ROUTES.login, payload: credentials });
    await ctx.app.inject({
      method: 'POST',
      url: API_ROUTES.login,
      payload: { ...credentials, password: 'wrong secret phrase' },
    });
    await ctx.app.inject({
      method: 'POST',
      url: API_ROUTES.tasks,
      headers: auth,
      payload: { title: 'logged?' },
    });
    await ctx.app.inject({
      method: 'POST',
      url: API_ROUTES.chat,
      headers: auth,
      payload: { message: 'show my tasks' },
    });
    await ctx.app.inject({
      method: 'POST',
      url: API_ROUTES.register,
      payload: { ...credentials, password: 'x' },
    });
    const text = JSON.stringify(ctx.logs);
    for (const secret of [
      credentials.password,
      'wrong secret phrase',
      session.token,
      ctx.config.jwt.secret,
    ]) {
      expect(text).not.toContain(secret);
    }
  });
});
