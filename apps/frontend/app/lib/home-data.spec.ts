import { API_ROUTES, SESSION_COOKIE, conversationRoute } from '@pakaura/contract/browser';
import type { ServerResponse } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { makeTask, makeUser } from '@/test/fixtures';
import {
  closedPortUrl,
  sendJson,
  startLocalServer,
  type LocalServer,
  type SeenRequest,
} from '@/test/local-server';
import { resolveApiUrl } from '@/app/lib/api-url';
import { loadHome } from '@/app/lib/home-data';

const OLD_ID = '44444444-4444-4444-8444-444444444444';
const NEW_ID = '55555555-5555-4555-8555-555555555555';
const user = makeUser();
const tasks = [makeTask()];

let api: LocalServer | undefined;
afterEach(async () => {
  await api?.close();
  api = undefined;
});

/** A fake API that knows one session token and answers the routes the home page reads. */
function fakeApi(overrides: Record<string, (res: ServerResponse) => void> = {}) {
  return (req: SeenRequest, res: ServerResponse) => {
    const override = overrides[req.url];
    if (override) return override(res);
    if (req.headers.cookie !== `${SESSION_COOKIE}=good`) {
      return sendJson(res, 401, { message: 'Sign in first' });
    }
    if (req.url === API_ROUTES.me) return sendJson(res, 200, { user });
    if (req.url === API_ROUTES.tasks) return sendJson(res, 200, { tasks });
    if (req.url === API_ROUTES.conversations) {
      return sendJson(res, 200, {
        conversations: [
          { id: OLD_ID, title: 'old', updatedAt: '2026-01-01T00:00:00.000Z' },
          { id: NEW_ID, title: 'new', updatedAt: '2026-01-02T00:00:00.000Z' },
        ],
      });
    }
    if (req.url === conversationRoute(NEW_ID)) {
      return sendJson(res, 200, {
        id: NEW_ID,
        messages: [],
        createdAt: '2026-01-02T00:00:00.000Z',
      });
    }
    sendJson(res, 404, { message: 'Not found' });
  };
}

describe('loadHome', () => {
  it('shows the sign-in form without calling the API when there is no session cookie', async () => {
    api = await startLocalServer(fakeApi());
    expect(await loadHome(undefined, resolveApiUrl(api.url))).toEqual({ kind: 'signed-out' });
    expect(api.seen).toEqual([]);
  });

  it('shows the sign-in form when the session is no longer valid', async () => {
    api = await startLocalServer(fakeApi());
    expect(await loadHome('expired', resolveApiUrl(api.url))).toEqual({ kind: 'signed-out' });
  });

  it('keeps the cursor of the next page of tasks', async () => {
    api = await startLocalServer(
      fakeApi({
        [API_ROUTES.tasks]: (res) => sendJson(res, 200, { tasks, nextCursor: 'opaque-2' }),
      }),
    );

    const view = await loadHome('good', resolveApiUrl(api.url));

    expect(view).toMatchObject({ kind: 'signed-in', tasks: { tasks, nextCursor: 'opaque-2' } });
  });

  it('loads the person, their tasks and their latest conversation with their cookie', async () => {
    api = await startLocalServer(fakeApi());

    const view = await loadHome('good', resolveApiUrl(api.url));

    expect(view).toEqual({
      kind: 'signed-in',
      user,
      tasks: { tasks, nextCursor: null },
      conversation: { id: NEW_ID, messages: [], createdAt: '2026-01-02T00:00:00.000Z' },
    });
    expect(api.seen.map((r) => r.url)).not.toContain(conversationRoute(OLD_ID));
  });

  it('still opens the workspace when only the task list failed, and logs the cause', async () => {
    api = await startLocalServer(
      fakeApi({ [API_ROUTES.tasks]: (res) => sendJson(res, 500, { message: 'db down' }) }),
    );
    const lines: string[] = [];

    const view = await loadHome('good', resolveApiUrl(api.url), { log: (l) => lines.push(l) });

    expect(view).toMatchObject({ kind: 'signed-in', tasks: null });
    expect(lines).toEqual([expect.stringMatching(/GET \/api\/v1\/tasks .* HTTP 500/)]);
  });

  it('starts a fresh conversation when the conversations cannot be read', async () => {
    api = await startLocalServer(
      fakeApi({ [API_ROUTES.conversations]: (res) => sendJson(res, 503, { message: 'x' }) }),
    );

    const view = await loadHome('good', resolveApiUrl(api.url), { log: () => undefined });

    expect(view).toMatchObject({ kind: 'signed-in', conversation: null, tasks: { tasks } });
  });

  it('explains instead of failing when the API is down', async () => {
    const lines: string[] = [];
    const view = await loadHome('good', resolveApiUrl(await closedPortUrl()), {
      log: (l) => lines.push(l),
    });
    expect(view).toEqual({ kind: 'unavailable' });
    expect(lines[0]).toMatch(/GET \/api\/v1\/auth\/me .* ECONNREFUSED/);
  });

  it('explains instead of hanging when the API is slow', async () => {
    api = await startLocalServer((_req, res) => {
      setTimeout(() => sendJson(res, 200, {}), 2_000);
    });
    const view = await loadHome('good', resolveApiUrl(api.url), {
      timeoutMs: 100,
      log: () => undefined,
    });
    expect(view).toEqual({ kind: 'unavailable' });
  });
});
