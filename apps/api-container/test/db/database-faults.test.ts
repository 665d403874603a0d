import { setTimeout as sleep } from 'node:timers/promises';
import { API_ROUTES, type HealthResponse, type LiveResponse, type Task } from '@pakaura/contract';
import type pg from 'pg';
import { afterEach, beforeEach, describe, expect, inject, it } from 'vitest';
import { openDatabase, POOL_SIZE } from '../../src/db/database';
import { buildTestApp, register, type Session, type TestApp } from '../helpers/app';
import { createPostgresCopy, withAdminClient } from '../helpers/test-database';
import { TcpProxy } from '../helpers/tcp-proxy';

const source = inject('testDatabase');

/**
 * The API on a real PostgreSQL reached through a TCP proxy that refuses, resets and black-holes
 * connections, as a database restart, a failover or a lost node would. One process throughout:
 * whatever heals, heals without a restart.
 */
describe.runIf(source.engine === 'postgres')('database faults', { timeout: 90_000 }, () => {
  let proxy: TcpProxy;
  let ctx: TestApp;
  let session: Session;
  let dispose: () => Promise<void>;
  let directUrl: string;

  beforeEach(async () => {
    const copy = await createPostgresCopy();
    dispose = copy.dispose;
    directUrl = copy.url;
    const target = new URL(copy.url);
    proxy = new TcpProxy({ host: target.hostname, port: Number(target.port || 5432) });
    await proxy.listen();
    const database = await openDatabase({
      engine: 'postgres',
      connection: { connectionString: proxy.url(copy.url) },
      target: `${copy.name} through a proxy`,
    });
    ctx = await buildTestApp({ app: { database, livenessStallMs: 1_000 } });
    session = await register(ctx.app);
  });
  afterEach(async () => {
    await proxy.close();
    await ctx.close();
    await dispose();
  });

  const timed = async (url: string, method: 'GET' | 'POST' = 'GET', payload?: object) => {
    const started = Date.now();
    const response = await ctx.app.inject({
      method,
      url,
      payload,
      headers:
        url === API_ROUTES.health || url === API_ROUTES.live
          ? {}
          : { authorization: session.bearer },
    });
    return { response, ms: Date.now() - started };
  };
  /** Polls readiness until it answers 200; resolves with how long that took. */
  const untilHealthy = async (withinMs: number) => {
    const started = Date.now();
    for (;;) {
      const { response } = await timed(API_ROUTES.health);
      if (response.statusCode === 200) return Date.now() - started;
      if (Date.now() - started > withinMs)
        throw new Error(`still ${response.statusCode} after ${withinMs} ms: ${response.body}`);
      await sleep(100);
    }
  };
  /** Opens several pooled connections at once, so that there are some to kill. */
  const warmPool = async () => {
    await Promise.all(Array.from({ length: 5 }, () => timed(API_ROUTES.tasks)));
  };

  it('answers 503 within 2 s while the database refuses, and 200 within 5 s of its return', async () => {
    await warmPool();
    expect((await timed(API_ROUTES.health)).response.statusCode).toBe(200);
    await proxy.refuse();

    const health = await timed(API_ROUTES.health);
    expect(health.response.statusCode).toBe(503);
    expect(health.ms).toBeLessThan(2_000);
    expect(health.response.json<HealthResponse>()).toMatchObject({
      status: 'unhealthy',
      database: 'error',
    });
    const list = await timed(API_ROUTES.tasks);
    expect(list.response.statusCode).toBe(503);
    expect(list.ms).toBeLessThan(2_000);
    expect(list.response.headers['retry-after']).toBe('5');
    expect(list.response.json().message).toMatch(/database is not answering/);

    await proxy.restore();
    expect(await untilHealthy(5_000)).toBeLessThan(5_000);
    expect((await timed(API_ROUTES.tasks)).response.statusCode).toBe(200);
  });

  it('answers 503 within 2 s when the database accepts connections and never answers', async () => {
    proxy.blackHole({ newConnections: true });
    const health = await timed(API_ROUTES.health);
    expect(health.response.statusCode).toBe(503);
    expect(health.ms).toBeLessThan(2_000);
    await proxy.restore();
    expect(await untilHealthy(15_000)).toBeLessThan(15_000);
  });

  it('answers within 15 s when the pooled connections are black-holed, then heals by itself', async () => {
    await warmPool();
    proxy.blackHole({ newConnections: false });
    const list = await timed(API_ROUTES.tasks);
    expect(list.ms).toBeLessThan(15_000);
    expect([200, 503]).toContain(list.response.statusCode);

    await untilHealthy(30_000);
    // Healed: a burst as large as the pool all succeeds, on new connections.
    const deadline = Date.now() + 30_000;
    let statuses: number[] = [];
    do {
      statuses = (
        await Promise.all(Array.from({ length: POOL_SIZE }, () => timed(API_ROUTES.tasks)))
      ).map(({ response }) => response.statusCode);
    } while (statuses.some((status) => status !== 200) && Date.now() < deadline);
    expect(statuses.every((status) => status === 200)).toBe(true);
  });

  it('loses no acknowledged write through resets, an outage and black holes', async () => {
    const acknowledged: string[] = [];
    const statuses = new Set<number>();
    let writing = true;
    const writer = async (worker: number) => {
      for (let i = 0; writing; i++) {
        const { response } = await timed(API_ROUTES.tasks, 'POST', { title: `w${worker}-${i}` });
        statuses.add(response.statusCode);
        if (response.statusCode === 201) acknowledged.push(response.json<Task>().id);
        else await sleep(50);
      }
    };
    const writers = [1, 2, 3].map(writer);
    await sleep(500);
    proxy.drop();
    await sleep(500);
    await proxy.refuse();
    await sleep(1_000);
    await proxy.restore();
    await sleep(500);
    proxy.blackHole({ newConnections: false });
    await sleep(1_000);
    proxy.drop();
    await sleep(1_500);
    writing = false;
    await Promise.all(writers);

    expect(acknowledged.length).toBeGreaterThan(0);
    expect([...statuses].filter((status) => status !== 201 && status !== 503)).toEqual([]);
    const stored = await withAdminClient(directUrl, (client: pg.Client) =>
      client.query<{ id: string }>('SELECT id FROM tasks WHERE id = ANY($1::uuid[])', [
        acknowledged,
      ]),
    );
    expect(stored.rows.map((row) => row.id).sort()).toEqual([...acknowledged].sort());
  });

  it('keeps liveness up while the database is down, and fails it when the pool is wedged', async () => {
    await proxy.refuse();
    for (let i = 0; i < 3; i++) {
      await timed(API_ROUTES.health);
      await sleep(500);
    }
    // The pool has failed for longer than the stall time, but so do new connections: a restart
    // would not help.
    expect((await timed(API_ROUTES.live)).response.statusCode).toBe(200);
    await proxy.restore();
    await untilHealthy(5_000);

    // Every pooled connection taken and never given back: a leak no request can get past.
    const { client } = ctx.app.database;
    if (client.kind !== 'postgres') throw new Error('expected PostgreSQL');
    const held = await Promise.all(Array.from({ length: POOL_SIZE }, () => client.pool.connect()));
    try {
      expect((await timed(API_ROUTES.health)).response.statusCode).toBe(503);
      await sleep(1_100);
      const live = await timed(API_ROUTES.live);
      expect(live.response.statusCode).toBe(503);
      expect(live.response.json<LiveResponse>()).toMatchObject({
        status: 'stuck',
        reason: expect.stringMatching(/pool has served no query for \d+ s while new connections/),
      });
    } finally {
      for (const client of held) client.release();
    }
    await untilHealthy(5_000);
    expect((await timed(API_ROUTES.live)).response.statusCode).toBe(200);
  });
});
