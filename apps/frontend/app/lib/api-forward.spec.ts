import { gzipSync } from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import { closedPortUrl, sendJson, startLocalServer, type LocalServer } from '@/test/local-server';
import { forwardToApi } from '@/app/lib/api-forward';
import { resolveApiUrl } from '@/app/lib/api-url';

let api: LocalServer | undefined;
afterEach(async () => {
  await api?.close();
  api = undefined;
});

const browserRequest = (path: string, init: RequestInit = {}) =>
  new Request(`http://127.0.0.1:3000${path}`, init);

describe('forwardToApi', () => {
  it('passes method, path, query, body and cookie through to the API', async () => {
    api = await startLocalServer((_req, res) => sendJson(res, 201, { id: 'new' }));

    const response = await forwardToApi(
      browserRequest('/api/v1/tasks?status=active', {
        method: 'POST',
        headers: {
          cookie: 'pakaura_session=abc',
          'content-type': 'application/json',
          origin: 'http://127.0.0.1:3000',
          'sec-fetch-site': 'same-origin',
        },
        body: JSON.stringify({ title: 'Demo' }),
      }),
      resolveApiUrl(api.url),
    );

    expect(response.status).toBe(201);
    expect(await response.json()).toEqual({ id: 'new' });
    const seen = api.seen[0];
    expect(seen).toMatchObject({ method: 'POST', url: '/api/v1/tasks?status=active' });
    expect(JSON.parse(seen?.body ?? '')).toEqual({ title: 'Demo' });
    expect(seen?.headers).toMatchObject({
      cookie: 'pakaura_session=abc',
      origin: 'http://127.0.0.1:3000',
      'sec-fetch-site': 'same-origin',
      host: new URL(api.url).host,
    });
  });

  it('tells the API who the client really is, whatever the client claimed', async () => {
    api = await startLocalServer((_req, res) => sendJson(res, 200, {}));

    await forwardToApi(
      browserRequest('/api/v1/auth/login', {
        method: 'POST',
        headers: {
          'x-forwarded-for': '203.0.113.7, 10.0.0.1',
          'x-forwarded-host': 'evil.example',
          'x-forwarded-proto': 'https',
          'x-forwarded-port': '443',
          forwarded: 'for=198.51.100.1;proto=https',
          'x-real-ip': '198.51.100.2',
        },
        body: '{}',
      }),
      resolveApiUrl(api.url),
      { client: { address: '127.0.0.1', proto: 'http', host: '127.0.0.1:3000' } },
    );

    const headers = api.seen[0]?.headers ?? {};
    expect(headers).toMatchObject({
      'x-forwarded-for': '127.0.0.1',
      'x-forwarded-proto': 'http',
      'x-forwarded-host': '127.0.0.1:3000',
    });
    expect(headers['x-forwarded-port']).toBeUndefined();
    expect(headers.forwarded).toBeUndefined();
    expect(headers['x-real-ip']).toBeUndefined();
  });

  it("keeps this server's own response headers, which Next.js copies onto the request, off the API call", async () => {
    api = await startLocalServer((_req, res) => sendJson(res, 200, {}));

    await forwardToApi(
      browserRequest('/api/v1/tasks', {
        headers: {
          'content-security-policy': "default-src 'self'",
          'x-content-type-options': 'nosniff',
          'referrer-policy': 'same-origin',
          'x-frame-options': 'DENY',
          accept: 'application/json',
        },
      }),
      resolveApiUrl(api.url),
    );

    const names = Object.keys(api.seen[0]?.headers ?? {});
    expect(names).toContain('accept');
    expect(names).not.toContain('content-security-policy');
    expect(names).not.toContain('x-content-type-options');
    expect(names).not.toContain('referrer-policy');
    expect(names).not.toContain('x-frame-options');
  });

  it('sends no forwarding headers at all when it does not know the connection', async () => {
    api = await startLocalServer((_req, res) => sendJson(res, 200, {}));

    await forwardToApi(
      browserRequest('/api/v1/tasks', { headers: { 'x-forwarded-for': '203.0.113.7' } }),
      resolveApiUrl(api.url),
    );

    const names = Object.keys(api.seen[0]?.headers ?? {});
    expect(names.filter((name) => name.startsWith('x-forwarded-'))).toEqual([]);
  });

  it('hands every Set-Cookie of the API back to the browser', async () => {
    api = await startLocalServer((_req, res) => {
      res.setHeader('set-cookie', ['pakaura_session=t; HttpOnly; Path=/', 'other=1; Path=/']);
      sendJson(res, 200, { ok: true });
    });

    const response = await forwardToApi(
      browserRequest('/api/v1/auth/login', { method: 'POST', body: '{}' }),
      resolveApiUrl(api.url),
    );

    expect(response.headers.getSetCookie()).toEqual([
      'pakaura_session=t; HttpOnly; Path=/',
      'other=1; Path=/',
    ]);
  });

  it("keeps the API's error status and body", async () => {
    api = await startLocalServer((_req, res) =>
      sendJson(res, 429, { message: 'Too many attempts' }, { 'retry-after': '30' }),
    );

    const response = await forwardToApi(
      browserRequest('/api/v1/auth/login', { method: 'POST', body: '{}' }),
      resolveApiUrl(api.url),
    );

    expect(response.status).toBe(429);
    expect(response.headers.get('retry-after')).toBe('30');
    expect(await response.json()).toEqual({ message: 'Too many attempts' });
  });

  it('serves a compressed answer decoded, without a stale Content-Encoding', async () => {
    api = await startLocalServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json', 'content-encoding': 'gzip' });
      res.end(gzipSync(JSON.stringify({ tasks: [] })));
    });

    const response = await forwardToApi(browserRequest('/api/v1/tasks'), resolveApiUrl(api.url));

    expect(response.headers.get('content-encoding')).toBeNull();
    expect(await response.json()).toEqual({ tasks: [] });
  });

  it('answers 502 with the API error shape when the API refuses, and logs why', async () => {
    const lines: string[] = [];

    const response = await forwardToApi(
      browserRequest('/api/v1/tasks'),
      resolveApiUrl(await closedPortUrl()),
      { log: (line) => lines.push(line) },
    );

    expect(response.status).toBe(502);
    expect(await response.json()).toEqual({
      message: 'The Pakaura API is not reachable right now. Try again in a moment.',
    });
    expect(lines).toEqual([expect.stringMatching(/GET \/api\/v1\/tasks -> .*ECONNREFUSED/)]);
  });

  it('answers 504 when the API does not answer in time', async () => {
    api = await startLocalServer((_req, res) => {
      setTimeout(() => sendJson(res, 200, {}), 2_000);
    });

    const response = await forwardToApi(browserRequest('/api/v1/tasks'), resolveApiUrl(api.url), {
      timeoutMs: 100,
      log: () => undefined,
    });

    expect(response.status).toBe(504);
    expect((await response.json()).message).toMatch(/took too long/);
  });
});
