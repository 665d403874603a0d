import { createServer, type Server, type Socket } from 'node:net';
import { API_ROUTES, APP_VERSION, type HealthResponse } from '@pakaura/contract';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { openDatabase, type Database } from '../../src/db/database';
import { migrateDatabase } from '../../src/db/migrations';
import { buildTestApp, type TestApp } from '../helpers/app';
import {
  createPostgresCopy,
  MIGRATION_COUNT,
  MIGRATIONS_FOLDER,
  openPgliteSnapshot,
} from '../helpers/test-database';

/** A database with no schema at all, on the engine of this run. */
async function openEmptyDatabase(): Promise<{ database: Database; dispose(): Promise<void> }> {
  const source = inject('testDatabase');
  if (source.engine === 'pglite') {
    return {
      database: await openPgliteSnapshot(source.emptySnapshotPath),
      dispose: async () => undefined,
    };
  }
  const copy = await createPostgresCopy({ empty: true });
  const database = await openDatabase({
    engine: 'postgres',
    connection: { connectionString: copy.url },
    target: copy.name,
  });
  return { database, dispose: copy.dispose };
}

describe('health while migrations are pending', () => {
  it('stays 503 with the command to run until the schema is current, then turns 200', async () => {
    const { database, dispose } = await openEmptyDatabase();
    const ctx = await buildTestApp({ app: { database } });
    try {
      const pending = await ctx.app.inject({ method: 'GET', url: API_ROUTES.health });
      expect(pending.statusCode).toBe(503);
      expect(pending.json<HealthResponse>()).toMatchObject({
        status: 'unhealthy',
        database: 'migrations-pending',
        reason: expect.stringContaining(
          `${MIGRATION_COUNT} database migrations are pending: run "node migrate.js"`,
        ),
      });
      await migrateDatabase(database, MIGRATIONS_FOLDER);
      const current = await ctx.app.inject({ method: 'GET', url: API_ROUTES.health });
      expect(current.statusCode).toBe(200);
    } finally {
      await ctx.close();
      await dispose();
    }
  });
});

describe('health routes', () => {
  let ctx: TestApp;
  beforeAll(async () => {
    ctx = await buildTestApp();
  });
  afterAll(() => ctx.close());

  it('reports healthy with the version and the engine when the database answers', async () => {
    const response = await ctx.app.inject({ method: 'GET', url: API_ROUTES.health });
    expect(response.statusCode).toBe(200);
    expect(response.json<HealthResponse>()).toEqual({
      status: 'healthy',
      database: 'ok',
      version: APP_VERSION,
      engine: inject('testDatabase').engine,
    });
  });

  it('answers liveness without touching the database', async () => {
    const response = await ctx.app.inject({ method: 'GET', url: API_ROUTES.live });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ status: 'alive' });
  });
});

describe('health when the database does not answer', () => {
  let silent: Server;
  const sockets: Socket[] = [];
  let port: number;
  beforeAll(async () => {
    // Accepts connections and never says a word: a hung PostgreSQL.
    silent = createServer((socket) => sockets.push(socket));
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    port = (silent.address() as { port: number }).port;
  });
  afterAll(async () => {
    for (const socket of sockets) socket.destroy();
    await new Promise((resolve) => silent.close(resolve));
  });

  it('answers 503 unhealthy within 2 seconds, while liveness stays 200', async () => {
    const database = await openDatabase({
      engine: 'postgres',
      connection: { connectionString: `postgres://nobody:secret@127.0.0.1:${port}/none` },
      target: `127.0.0.1:${port}`,
    });
    const ctx = await buildTestApp({ app: { database } });
    try {
      const started = Date.now();
      const response = await ctx.app.inject({ method: 'GET', url: API_ROUTES.health });
      expect(Date.now() - started).toBeLessThan(2_000);
      expect(response.statusCode).toBe(503);
      expect(response.json<HealthResponse>()).toMatchObject({
        status: 'unhealthy',
        database: 'error',
        version: APP_VERSION,
      });
      expect((await ctx.app.inject({ method: 'GET', url: API_ROUTES.live })).statusCode).toBe(200);
    } finally {
      for (const socket of sockets) socket.destroy();
      await ctx.close();
    }
  });

  it('answers 503 at once when nothing listens on the database port', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const freePort = (closed.address() as { port: number }).port;
    await new Promise((resolve) => closed.close(resolve));
    const database = await openDatabase({
      engine: 'postgres',
      connection: { connectionString: `postgres://nobody:secret@127.0.0.1:${freePort}/none` },
      target: `127.0.0.1:${freePort}`,
    });
    const ctx = await buildTestApp({ app: { database } });
    try {
      const response = await ctx.app.inject({ method: 'GET', url: API_ROUTES.health });
      expect(response.statusCode).toBe(503);
      expect(ctx.logs.some((line) => line.reason === 'connection refused')).toBe(true);
    } finally {
      await ctx.close();
    }
  });
});
