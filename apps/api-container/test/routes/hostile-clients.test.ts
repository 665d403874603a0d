import { setTimeout as sleep } from 'node:timers/promises';
import { API_ROUTES, SESSION_COOKIE } from '@pakaura/contract';
import { sql } from 'drizzle-orm';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  borrow,
  buildTestApp,
  newCredentials,
  register,
  toSession,
  type Session,
  type TestApp,
} from '../helpers/app';

const signIn = ({ email, password }: { email: string; password: string }) => ({ email, password });

/** Every 429 says when to come back, and how the limit stands. */
function expectRefusal(response: LightMyRequestResponse, message: RegExp): void {
  expect(response.statusCode).toBe(429);
  expect(response.json().message).toMatch(message);
  expect(Number(response.headers['retry-after'])).toBeGreaterThan(0);
  expect(response.headers['ratelimit-remaining']).toBe('0');
  expect(Number(response.headers['ratelimit-limit'])).toBeGreaterThan(0);
}

describe('sessions end on the server', () => {
  let ctx: TestApp;
  beforeAll(async () => {
    ctx = await buildTestApp();
  });
  afterAll(() => ctx.close());

  const me = (headers: Record<string, string>) =>
    ctx.app.inject({ method: 'GET', url: API_ROUTES.me, headers });

  it('refuses a token after its session logged out, while other sessions go on', async () => {
    const credentials = newCredentials();
    const first = await register(ctx.app, credentials);
    const second = toSession(
      await ctx.app.inject({ method: 'POST', url: API_ROUTES.login, payload: signIn(credentials) }),
    );
    const logout = await ctx.app.inject({
      method: 'POST',
      url: API_ROUTES.logout,
      headers: { authorization: first.bearer },
    });
    expect(logout.statusCode).toBe(204);
    const ways: Array<Record<string, string>> = [
      { authorization: first.bearer },
      { cookie: first.cookie },
    ];
    for (const headers of ways) {
      const refused = await me(headers);
      expect(refused.statusCode).toBe(401);
      expect(refused.json().message).toMatch(/session has ended/);
    }
    expect((await me({ authorization: second.bearer })).statusCode).toBe(200);
  });

  it('ends every session on a password change, and starts a new one', async () => {
    const credentials = newCredentials();
    const session = await register(ctx.app, credentials);
    const other = toSession(
      await ctx.app.inject({ method: 'POST', url: API_ROUTES.login, payload: signIn(credentials) }),
    );
    const change = (payload: object, authorization = session.bearer) =>
      ctx.app.inject({
        method: 'POST',
        url: API_ROUTES.password,
        headers: { authorization },
        payload,
      });
    const wrong = await change({ currentPassword: 'not it', newPassword: 'a new long password' });
    expect(wrong.statusCode).toBe(403);

    const changed = await change({
      currentPassword: credentials.password,
      newPassword: 'a new long password',
    });
    expect(changed.statusCode).toBe(200);
    const renewed = toSession(changed);
    for (const old of [session, other])
      expect((await me({ authorization: old.bearer })).statusCode).toBe(401);
    expect((await me({ authorization: renewed.bearer })).statusCode).toBe(200);
    const login = (password: string) =>
      ctx.app.inject({
        method: 'POST',
        url: API_ROUTES.login,
        payload: { email: credentials.email, password },
        remoteAddress: '127.0.0.44',
      });
    expect((await login(credentials.password)).statusCode).toBe(401);
    expect((await login('a new long password')).statusCode).toBe(200);
  });

  it('keeps at most 20 sessions per user, ending the oldest', async () => {
    const credentials = newCredentials();
    const first = await register(ctx.app, credentials);
    for (let i = 0; i < 20; i++) {
      await ctx.app.inject({
        method: 'POST',
        url: API_ROUTES.login,
        payload: signIn(credentials),
        remoteAddress: `127.0.1.${i}`,
      });
    }
    expect((await me({ authorization: first.bearer })).statusCode).toBe(401);
  });
});

describe('rate limits', () => {
  let ctx: TestApp;
  beforeAll(async () => {
    ctx = await buildTestApp({
      app: {
        rateLimits: {
          loginPerAccount: { free: 3, baseMs: 400, maxMs: 10_000, forgetMs: 60_000 },
          registerPerClient: { max: 3, windowMs: 60_000 },
          registerPerEmail: { max: 2, windowMs: 60_000 },
          chatPerUser: { max: 2, windowMs: 60_000 },
          chatPerClient: { max: 4, windowMs: 60_000 },
        },
      },
    });
  });
  afterAll(() => ctx.close());

  const login = (payload: object, remoteAddress: string) =>
    ctx.app.inject({ method: 'POST', url: API_ROUTES.login, payload, remoteAddress });
  const registerFrom = (payload: object, remoteAddress: string) =>
    ctx.app.inject({ method: 'POST', url: API_ROUTES.register, payload, remoteAddress });
  const chat = (session: Session, remoteAddress: string) =>
    ctx.app.inject({
      method: 'POST',
      url: API_ROUTES.chat,
      headers: { authorization: session.bearer },
      payload: { message: 'what is on my list?' },
      remoteAddress,
    });

  let address = 0;
  /** A new account, registered from an address of its own. */
  const signUp = async (credentials = newCredentials()) =>
    toSession(await registerFrom(credentials, `192.0.2.${++address}`));

  it('backs off sign-ins to one account from any address, doubling, and forgets at a success', async () => {
    const registered = newCredentials();
    await signUp(registered);
    const credentials = signIn(registered);
    const wrong = { email: credentials.email, password: 'guessed wrong' };
    for (let i = 1; i <= 3; i++)
      expect((await login(wrong, `198.51.100.${i}`)).statusCode).toBe(401);
    // Even the right password waits: the account is blocked, whoever asks.
    const blocked = await login(credentials, '198.51.100.50');
    expect(blocked.statusCode).toBe(429);
    expect(blocked.json().message).toMatch(
      /^Too many failed sign-ins for this account; try again in \d+ s$/,
    );
    expect(blocked.headers['retry-after']).toBe('1');

    await sleep(450);
    expect((await login(wrong, '198.51.100.4')).statusCode).toBe(401);
    // The fourth failure blocks twice as long (800 ms): still refused after the first wait.
    await sleep(450);
    expect((await login(credentials, '198.51.100.51')).statusCode).toBe(429);
    await sleep(450);
    expect((await login(credentials, '198.51.100.52')).statusCode).toBe(200);
    // The success forgot the failures: a new failure does not block.
    expect((await login(wrong, '198.51.100.5')).statusCode).toBe(401);
    expect((await login(credentials, '198.51.100.53')).statusCode).toBe(200);
  });

  it('limits registrations per client address and per email address', async () => {
    for (let i = 0; i < 3; i++)
      expect((await registerFrom(newCredentials(), '203.0.113.20')).statusCode).toBe(201);
    expectRefusal(
      await registerFrom(newCredentials(), '203.0.113.20'),
      /^Too many accounts created from your address; try again in \d+ s$/,
    );

    const taken = newCredentials();
    expect((await registerFrom(taken, '203.0.113.21')).statusCode).toBe(201);
    expect((await registerFrom(taken, '203.0.113.22')).statusCode).toBe(409);
    expectRefusal(
      await registerFrom(taken, '203.0.113.23'),
      /^Too many registrations for this email address/,
    );
  });

  it('limits chat messages per user and per client address', async () => {
    const alice = await signUp();
    const bob = await signUp();
    expect((await chat(alice, '203.0.113.30')).statusCode).toBe(200);
    const counted = await chat(alice, '203.0.113.31');
    expect(counted.statusCode).toBe(200);
    expect(counted.headers['ratelimit-remaining']).toBe('0');
    expectRefusal(await chat(alice, '203.0.113.32'), /^Too many chat messages from this account/);
    // Bob, from one of Alice's addresses, has his own allowance...
    expect((await chat(bob, '203.0.113.30')).statusCode).toBe(200);
    // ...until the address itself has sent too many.
    const carol = await signUp();
    expect((await chat(carol, '203.0.113.30')).statusCode).toBe(200);
    expect((await chat(carol, '203.0.113.30')).statusCode).toBe(200);
    expectRefusal(await chat(bob, '203.0.113.30'), /^Too many chat messages from your address/);
  });

  it('holds a limit across replicas sharing one database', async () => {
    const replica = await buildTestApp({
      app: {
        database: borrow(ctx.app.database),
        rateLimits: { registerPerClient: { max: 3, windowMs: 60_000 } },
      },
    });
    try {
      const statuses: number[] = [];
      for (const app of [ctx.app, replica.app, ctx.app, replica.app]) {
        const response = await app.inject({
          method: 'POST',
          url: API_ROUTES.register,
          payload: newCredentials(),
          remoteAddress: '203.0.113.40',
        });
        statuses.push(response.statusCode);
      }
      expect(statuses).toEqual([201, 201, 201, 429]);
    } finally {
      await replica.close();
    }
  });
});

describe('the client address', () => {
  it('ignores X-Forwarded-For from a private address unless TRUSTED_PROXIES names it', async () => {
    const ctx = await buildTestApp({
      app: { rateLimits: { loginPerClient: { max: 2, windowMs: 60_000 } } },
    });
    try {
      const statuses: number[] = [];
      for (let i = 0; i < 3; i++) {
        const response = await ctx.app.inject({
          method: 'POST',
          url: API_ROUTES.login,
          payload: { email: `pod-${i}@example.test`, password: 'guess' },
          remoteAddress: '10.244.0.9',
          headers: { 'x-forwarded-for': `198.51.100.${i + 1}` },
        });
        statuses.push(response.statusCode);
      }
      expect(statuses).toEqual([401, 401, 429]);
    } finally {
      await ctx.close();
    }
  });
});

describe('security headers and cross-site requests', () => {
  let ctx: TestApp;
  let session: Session;
  beforeAll(async () => {
    ctx = await buildTestApp({ env: { FRONTEND_URL: 'https://pakaura.example' } });
    session = await register(ctx.app);
  });
  afterAll(() => ctx.close());

  it('sends helmet’s headers, with a CSP that allows nothing and no framing', async () => {
    const response = await ctx.app.inject({ method: 'GET', url: API_ROUTES.live });
    expect(response.headers['content-security-policy']).toMatch(/default-src 'none'/);
    expect(response.headers['content-security-policy']).toMatch(/frame-ancestors 'none'/);
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    expect(response.headers['x-frame-options']).toBe('SAMEORIGIN');
    expect(response.headers['referrer-policy']).toBe('no-referrer');
  });

  const createWithCookie = (headers: Record<string, string>) =>
    ctx.app.inject({
      method: 'POST',
      url: API_ROUTES.tasks,
      headers: { cookie: session.cookie, ...headers },
      payload: { title: 'from a page' },
    });

  it.each([
    ['another site’s Origin', { origin: 'https://evil.example' }],
    ['a cross-site fetch', { 'sec-fetch-site': 'cross-site' }],
    [
      'a same-site page that is not the app',
      { 'sec-fetch-site': 'same-site', origin: 'https://blog.pakaura.example' },
    ],
  ])('refuses a cookie-authenticated change from %s with 403', async (_name, headers) => {
    const response = await createWithCookie(headers);
    expect(response.statusCode).toBe(403);
    expect(response.json().message).toMatch(/comes from another site/);
  });

  it.each([
    ['the frontend’s Origin', { origin: 'https://pakaura.example' }],
    ['a same-origin fetch', { 'sec-fetch-site': 'same-origin' }],
    ['the API’s own origin', { origin: 'http://localhost:80' }],
    ['a client that is not a browser', {}],
  ])('accepts a cookie-authenticated change from %s', async (_name, headers) => {
    const response = await createWithCookie(headers);
    expect(response.statusCode).toBe(201);
  });

  it('leaves Bearer-authenticated calls alone, whatever their Origin', async () => {
    const response = await ctx.app.inject({
      method: 'POST',
      url: API_ROUTES.tasks,
      headers: { authorization: session.bearer, origin: 'https://tool.example' },
      payload: { title: 'from a script' },
    });
    expect(response.statusCode).toBe(201);
  });

  it('refuses a cross-site logout that would end the session', async () => {
    const response = await ctx.app.inject({
      method: 'POST',
      url: API_ROUTES.logout,
      headers: { cookie: session.cookie, origin: 'https://evil.example' },
    });
    expect(response.statusCode).toBe(403);
    expect(
      (
        await ctx.app.inject({
          method: 'GET',
          url: API_ROUTES.me,
          headers: { cookie: `${SESSION_COOKIE}=${session.token}` },
        })
      ).statusCode,
    ).toBe(200);
  });
});

describe('the docs page', () => {
  it('is off in production unless API_DOCS_ENABLED is set, while the document stays', async () => {
    const production = { ENVIRONMENT: 'production' as const };
    const off = await buildTestApp({ env: production });
    const on = await buildTestApp({
      env: { ...production, API_DOCS_ENABLED: 'true' },
      app: { database: borrow(off.app.database) },
    });
    try {
      expect((await off.app.inject({ method: 'GET', url: `${API_ROUTES.docs}/` })).statusCode).toBe(
        404,
      );
      expect((await off.app.inject({ method: 'GET', url: API_ROUTES.openapi })).statusCode).toBe(
        200,
      );
      const page = await on.app.inject({ method: 'GET', url: `${API_ROUTES.docs}/` });
      expect(page.statusCode).toBe(200);
      // The page's own CSP lets its scripts run.
      expect(page.headers['content-security-policy']).toMatch(/script-src 'self'/);
    } finally {
      await on.close();
      await off.close();
    }
  });
});

describe('error logs', () => {
  it('carry no email, password, hash, token or query parameter when the database fails', async () => {
    const ctx = await buildTestApp();
    const credentials = newCredentials();
    const session = await register(ctx.app, credentials);
    const other = newCredentials();
    try {
      // A failure inside the insert itself: drizzle's error quotes the email and the hash.
      await ctx.app.database.db.execute(sql.raw('ALTER TABLE users RENAME TO users_away'));
      const failed = await ctx.app.inject({
        method: 'POST',
        url: API_ROUTES.register,
        payload: other,
      });
      expect(failed.statusCode).toBe(500);
      await ctx.app.database.db.execute(sql.raw('ALTER TABLE users_away RENAME TO users'));

      // The database gone altogether.
      await ctx.app.database.close();
      const down = await ctx.app.inject({
        method: 'POST',
        url: API_ROUTES.register,
        payload: newCredentials(),
      });
      expect(down.statusCode).toBeGreaterThanOrEqual(500);
      await ctx.app.inject({ method: 'POST', url: API_ROUTES.login, payload: credentials });
      await ctx.app.inject({
        method: 'GET',
        url: `${API_ROUTES.tasks}?search=${encodeURIComponent(credentials.email)}`,
        headers: { authorization: session.bearer },
      });

      const errors = ctx.logs.filter((line) => Number(line.level) >= 40);
      expect(errors.length).toBeGreaterThan(0);
      const text = JSON.stringify(errors);
      for (const secret of [
        other.email,
        other.password,
        credentials.email,
        credentials.password,
        session.token,
      ])
        expect(text).not.toContain(secret);
      expect(text).not.toMatch(/scrypt\$|params: (?!\[redacted\])|Failed query/);
    } finally {
      await ctx.close().catch(() => undefined);
    }
  });
});
