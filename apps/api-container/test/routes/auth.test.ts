import { API_ROUTES, SESSION_COOKIE, type AuthResponse, type MeResponse } from '@pakaura/contract';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { users } from '../../src/db/schema';
import {
  borrow,
  buildTestApp,
  newCredentials,
  register,
  TEST_JWT_SECRET,
  toSession,
  type TestApp,
} from '../helpers/app';
import { craftToken, decodePart } from '../helpers/jwt';

const nowSeconds = () => Math.floor(Date.now() / 1000);

describe('auth routes', () => {
  let ctx: TestApp;
  beforeAll(async () => {
    ctx = await buildTestApp({
      // The ingress's pod network is a trusted proxy here, as the chart makes it.
      env: { TRUSTED_PROXIES: 'loopback,10.244.0.0/16' },
      app: { rateLimits: { loginPerClient: { max: 4, windowMs: 60_000 } } },
    });
  });
  afterAll(() => ctx.close());

  const me = (headers: Record<string, string>) =>
    ctx.app.inject({ method: 'GET', url: API_ROUTES.me, headers });
  const login = (
    payload: object,
    remoteAddress = '127.0.0.1',
    headers: Record<string, string> = {},
  ) => ctx.app.inject({ method: 'POST', url: API_ROUTES.login, payload, remoteAddress, headers });

  it('registers an account and starts a session in an httpOnly SameSite=Lax cookie', async () => {
    const credentials = newCredentials('Grace');
    const response = await ctx.app.inject({
      method: 'POST',
      url: API_ROUTES.register,
      payload: credentials,
    });
    expect(response.statusCode).toBe(201);
    const body = response.json<AuthResponse>();
    expect(body.user).toMatchObject({ email: credentials.email, name: 'Grace' });
    expect(new Date(body.expiresAt).getTime()).toBeGreaterThan(Date.now());
    const cookie = response.cookies.find((c) => c.name === SESSION_COOKIE);
    expect(cookie).toMatchObject({ value: body.token, httpOnly: true, sameSite: 'Lax', path: '/' });
    expect(cookie?.secure).toBeUndefined();
  });

  it('marks the cookie Secure when the request came over https through the ingress', async () => {
    const response = await ctx.app.inject({
      method: 'POST',
      url: API_ROUTES.register,
      payload: newCredentials(),
      headers: { 'x-forwarded-proto': 'https' },
    });
    expect(response.cookies.find((c) => c.name === SESSION_COOKIE)?.secure).toBe(true);
  });

  it('stores a scrypt hash, never the password', async () => {
    const credentials = newCredentials();
    const session = await register(ctx.app, credentials);
    const [row] = await ctx.app.database.db
      .select()
      .from(users)
      .where(eq(users.id, session.user.id));
    expect(row.passwordHash).toMatch(/^scrypt\$\d+\$\d+\$\d+\$[\w-]+\$[\w-]+$/);
    expect(row.passwordHash).not.toContain(credentials.password);
  });

  it('refuses a second account for the same email in any case, leaving the first intact', async () => {
    const credentials = newCredentials('First');
    await register(ctx.app, credentials);
    const again = await ctx.app.inject({
      method: 'POST',
      url: API_ROUTES.register,
      payload: {
        ...credentials,
        email: credentials.email.toUpperCase(),
        name: 'Second',
        password: 'another password',
      },
    });
    expect(again.statusCode).toBe(409);
    expect(again.json().message).toMatch(/already exists/);
    const session = toSession(
      await login({ email: credentials.email, password: credentials.password }),
    );
    expect(session.user.name).toBe('First');
  });

  it('signs in with the right password, whatever the email case', async () => {
    const credentials = newCredentials();
    await register(ctx.app, credentials);
    const response = await login({
      email: ` ${credentials.email.toUpperCase()}`.trim(),
      password: credentials.password,
    });
    expect(response.statusCode).toBe(200);
    expect(toSession(response).user.email).toBe(credentials.email);
  });

  it('answers a wrong password and an unknown email with the same 401', async () => {
    const credentials = newCredentials();
    await register(ctx.app, credentials);
    const wrong = await login(
      { email: credentials.email, password: 'not the password' },
      '127.0.0.2',
    );
    const unknown = await login(
      { email: 'nobody@example.test', password: 'whatever' },
      '127.0.0.2',
    );
    expect(wrong.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    expect(wrong.json()).toEqual(unknown.json());
    expect(wrong.json().message).toBe('Email or password is incorrect');
  });

  it('rate-limits sign-in attempts per client address with 429 and a retry hint', async () => {
    // A different account each time: only the address repeats.
    const attempt = (i: number) =>
      login({ email: `client-limit-${i}@example.test`, password: 'guess' }, '127.0.0.9');
    for (let i = 0; i < 4; i++) expect((await attempt(i)).statusCode).toBe(401);
    const limited = await attempt(5);
    expect(limited.statusCode).toBe(429);
    expect(limited.json().message).toMatch(
      /^Too many sign-in attempts from your address; try again in \d+ s$/,
    );
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    expect(limited.headers['ratelimit-limit']).toBe('4');
    expect(limited.headers['ratelimit-remaining']).toBe('0');
    expect(
      (await login({ email: 'client-limit-9@example.test', password: 'guess' }, '127.0.0.10'))
        .statusCode,
    ).toBe(401);
  });

  it('counts a direct caller by its own address, whatever X-Forwarded-For it sends', async () => {
    const wrong = { email: 'spoofer@example.test', password: 'guess' };
    const statuses: number[] = [];
    for (let i = 0; i < 5; i++) {
      const spoofed = { 'x-forwarded-for': `198.51.100.${i + 1}` };
      statuses.push((await login(wrong, '203.0.113.5', spoofed)).statusCode);
    }
    expect(statuses).toEqual([401, 401, 401, 401, 429]);
  });

  it('counts the client a trusted proxy names, so clients behind one ingress are apart', async () => {
    const wrong = { email: 'behind-ingress@example.test', password: 'guess' };
    const viaIngress = (client: string) =>
      login(wrong, '10.244.0.7', { 'x-forwarded-for': `6.6.6.6, ${client}` });
    for (let i = 0; i < 4; i++) expect((await viaIngress('198.51.100.77')).statusCode).toBe(401);
    expect((await viaIngress('198.51.100.77')).statusCode).toBe(429);
    // The ingress appended the real peer; the spoofed 6.6.6.6 before it is not what counts.
    expect((await viaIngress('198.51.100.78')).statusCode).toBe(401);
  });

  it('tells who is signed in, from the cookie or from a Bearer token', async () => {
    const session = await register(ctx.app);
    const byCookie = await me({ cookie: session.cookie });
    const byBearer = await me({ authorization: session.bearer });
    expect(byCookie.statusCode).toBe(200);
    expect(byCookie.json<MeResponse>().user).toEqual(session.user);
    expect(byBearer.json<MeResponse>().user).toEqual(session.user);
  });

  it('clears the cookie on logout', async () => {
    const response = await ctx.app.inject({ method: 'POST', url: API_ROUTES.logout });
    expect(response.statusCode).toBe(204);
    const cleared = response.cookies.find((c) => c.name === SESSION_COOKIE);
    expect(cleared?.value).toBe('');
    expect(new Date(String(cleared?.expires)).getTime()).toBeLessThanOrEqual(Date.now());
  });

  it('accepts logout from clients that send a JSON content type with no body', async () => {
    const response = await ctx.app.inject({
      method: 'POST',
      url: API_ROUTES.logout,
      headers: { 'content-type': 'application/json' },
    });
    expect(response.statusCode).toBe(204);
  });

  it('signs tokens with the configured algorithm and lifetime', async () => {
    const other = await buildTestApp({
      env: { JWT_ALGORITHM: 'HS384', JWT_EXPIRATION_HOURS: '2' },
      app: { database: borrow(ctx.app.database) },
    });
    try {
      const session = await register(other.app);
      expect(decodePart(session.token, 0).alg).toBe('HS384');
      const payload = decodePart(session.token, 1) as { iat: number; exp: number; sub: string };
      expect(payload.exp - payload.iat).toBe(7200);
      expect(payload.sub).toBe(session.user.id);
    } finally {
      await other.close();
    }
  });

  describe('rejects every token it did not issue, or no longer honours, with 401', () => {
    let session: Awaited<ReturnType<typeof register>>;
    beforeAll(async () => {
      session = await register(ctx.app);
    });
    const cases: Array<[string, () => string, RegExp]> = [
      [
        'an expired token',
        () =>
          craftToken(
            { sub: session.user.id, iat: nowSeconds() - 7200, exp: nowSeconds() - 60 },
            { secret: TEST_JWT_SECRET },
          ),
        /expired/,
      ],
      [
        'a token signed with another secret',
        () => craftToken({ sub: session.user.id, iat: nowSeconds() }, { secret: 'someone else' }),
        /not valid/,
      ],
      [
        'an unsigned token (alg none)',
        () => craftToken({ sub: session.user.id, iat: nowSeconds() }, { secret: '', alg: 'none' }),
        /not (valid|signed)/,
      ],
      [
        'a token signed with another HMAC algorithm',
        () =>
          craftToken(
            { sub: session.user.id, iat: nowSeconds() },
            { secret: TEST_JWT_SECRET, alg: 'HS512' },
          ),
        /not valid/,
      ],
      [
        'a token whose payload was edited',
        () => {
          const [head, , signature] = session.token.split('.');
          const forged = Buffer.from(
            JSON.stringify({
              ...decodePart(session.token, 1),
              sub: '00000000-0000-4000-8000-000000000000',
            }),
          ).toString('base64url');
          return `${head}.${forged}.${signature}`;
        },
        /not valid/,
      ],
      [
        'a token without a user',
        () => craftToken({ iat: nowSeconds() }, { secret: TEST_JWT_SECRET }),
        /names no user/,
      ],
      [
        'a token for an account that does not exist',
        () =>
          craftToken(
            { sub: '00000000-0000-4000-8000-000000000000', iat: nowSeconds() },
            { secret: TEST_JWT_SECRET },
          ),
        /session has ended/,
      ],
      ['random text', () => 'not-a-jwt', /not valid/],
    ];
    it.each(cases)('%s', async (_name, token, message) => {
      const viaHeader = await me({ authorization: `Bearer ${token()}` });
      const viaCookie = await me({ cookie: `${SESSION_COOKIE}=${token()}` });
      for (const response of [viaHeader, viaCookie]) {
        expect(response.statusCode).toBe(401);
        expect(response.json().message).toMatch(message);
      }
    });

    it('asks for a session when none is sent', async () => {
      const response = await me({});
      expect(response.statusCode).toBe(401);
      expect(response.json().message).toMatch(/^Sign in first/);
    });

    it('answers a malformed Authorization header with 400', async () => {
      const response = await me({ authorization: 'Bearer ' });
      expect(response.statusCode).toBe(400);
      expect(response.json().message).toMatch(/Bearer <token>/);
    });
  });

  it('never writes a password, token, cookie or the JWT secret into the logs', async () => {
    const credentials = newCredentials();
    const session = await register(ctx.app, credentials);
    await login({ email: credentials.email, password: credentials.password }, '127.0.0.3');
    await me({ authorization: session.bearer, cookie: session.cookie });
    const text = JSON.stringify(ctx.logs);
    expect(ctx.logs.length).toBeGreaterThan(3);
    for (const secret of [credentials.password, session.token, TEST_JWT_SECRET])
      expect(text).not.toContain(secret);
  });
});
