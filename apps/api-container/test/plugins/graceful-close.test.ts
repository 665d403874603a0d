import { API_ROUTES } from '@pakaura/contract';
import { describe, expect, it } from 'vitest';
import { DEFAULT_SCRYPT } from '../../src/auth/password';
import { buildTestApp, newCredentials } from '../helpers/app';

describe('closing the app', () => {
  it('finishes in-flight requests, refuses new connections and does not wait for keep-alive clients', async () => {
    // The production scrypt cost makes each registration take a noticeable time.
    const ctx = await buildTestApp({ app: { passwordCost: DEFAULT_SCRYPT } });
    const arrived = () => ctx.logs.filter((line) => line.msg === 'incoming request').length;
    const base = await ctx.app.listen({ host: '127.0.0.1', port: 0 });

    const inFlight = [1, 2, 3].map(() =>
      fetch(`${base}${API_ROUTES.register}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(newCredentials()),
      }),
    );
    while (arrived() < 3) await new Promise((resolve) => setTimeout(resolve, 10));

    const started = Date.now();
    await ctx.close();
    const responses = await Promise.all(inFlight);
    expect(responses.map((r) => r.status)).toEqual([201, 201, 201]);
    expect(responses.map((r) => r.headers.get('connection'))).toEqual(['close', 'close', 'close']);
    expect(Date.now() - started).toBeLessThan(9_000);
    await expect(fetch(`${base}${API_ROUTES.live}`)).rejects.toThrow();
  });
});
