import { mkdir } from 'node:fs/promises';
import { PGlite } from '@electric-sql/pglite';
import { btree_gist } from '@electric-sql/pglite/contrib/btree_gist';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { sql } from 'drizzle-orm';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import pg from 'pg';
import type { DatabaseConfig, PgliteConfig, PostgresConfig } from '../config/database-config';
import * as schema from './schema';

export type Schema = typeof schema;
/** The query builder both engines share: routes and stores never know which one runs. */
export type Db = PgDatabase<PgQueryResultHKT, Schema>;

export interface Database {
  engine: DatabaseConfig['engine'];
  db: Db;
  /** Where the data lives, for logs; never contains a password. */
  target: string;
  /** Resolves when the database answers `SELECT 1` within `timeoutMs`, rejects otherwise. */
  ping(timeoutMs: number): Promise<void>;
  /**
   * Like `ping`, on a new connection outside the pool (PostgreSQL only; PGlite has no other
   * connection and answers false): tells a wedged pool from a database that is down.
   */
  pingNewConnection(timeoutMs: number): Promise<boolean>;
  close(): Promise<void>;
  /** The raw client, for what drizzle cannot express (advisory locks, the migrator). */
  client: { kind: 'postgres'; pool: pg.Pool } | { kind: 'pglite'; pglite: PGlite };
}

/**
 * The bounds on every wait for PostgreSQL while serving requests. A request's first query gets a
 * pooled connection within CONNECT (or fails), and an answer within QUERY (or fails): a request
 * that needs the database answers within their sum, 9 s, even when the server or the network
 * silently died. The server cancels a statement after STATEMENT (before the client gives up, so
 * a merely slow query leaves its connection usable) and ends a session left idle inside a
 * transaction after IDLE_IN_TRANSACTION, releasing its locks.
 */
export const DB_TIMEOUTS = {
  /** Waiting for a pooled connection, or for a new one to connect and authenticate. */
  connectMs: 3_000,
  /** Server side: `statement_timeout`. */
  statementMs: 5_000,
  /** Client side: a query whose answer does not arrive (a dead connection) fails here. */
  queryMs: 6_000,
  /** Server side: `idle_in_transaction_session_timeout`. */
  idleInTransactionMs: 10_000,
  /**
   * Idle pooled connections close after this, so connections that died unnoticed (a failover)
   * leave the pool within seconds even when no request trips over them.
   */
  idleMs: 10_000,
  /** TCP keepalive on every connection: the kernel probes a silent peer after this much quiet. */
  keepAliveDelayMs: 10_000,
} as const;

/** Connections per process: PostgreSQL's default 100 allows several replicas and the migrations. */
export const POOL_SIZE = 10;

export interface OpenOptions {
  /** PGlite only: start from this data directory snapshot (a `dumpDataDir` tarball). */
  loadDataDir?: Blob;
  /**
   * `migrate`: no statement or query timeouts (a migration or the wait for the migration lock may
   * take longer than any request should) and a single connection.
   */
  purpose?: 'serve' | 'migrate';
}

export async function openDatabase(
  config: DatabaseConfig,
  options: OpenOptions = {},
): Promise<Database> {
  return config.engine === 'postgres'
    ? openPostgres(config, options.purpose ?? 'serve')
    : openPglite(config, options);
}

function connectionSettings(config: PostgresConfig, purpose: 'serve' | 'migrate'): pg.PoolConfig {
  return {
    ...config.connection,
    connectionTimeoutMillis: DB_TIMEOUTS.connectMs,
    keepAlive: true,
    keepAliveInitialDelayMillis: DB_TIMEOUTS.keepAliveDelayMs,
    application_name: purpose === 'serve' ? 'pakaura-api' : 'pakaura-migrate',
    // Timestamps come back as UTC text, which isoTimestamp rearranges without a Date.
    options: '-c TimeZone=UTC',
    idle_in_transaction_session_timeout: DB_TIMEOUTS.idleInTransactionMs,
    ...(purpose === 'serve' && {
      statement_timeout: DB_TIMEOUTS.statementMs,
      query_timeout: DB_TIMEOUTS.queryMs,
    }),
  };
}

function openPostgres(config: PostgresConfig, purpose: 'serve' | 'migrate'): Database {
  const settings = connectionSettings(config, purpose);
  const pool = new pg.Pool({
    ...settings,
    max: purpose === 'serve' ? POOL_SIZE : 1,
    idleTimeoutMillis: DB_TIMEOUTS.idleMs,
  });
  // An idle client losing its server (a database restart) must not crash the process; the next
  // query reconnects and readiness reports the outage meanwhile.
  pool.on('error', () => undefined);
  const db = drizzlePg({ client: pool, schema }) as unknown as Db;
  return {
    engine: 'postgres',
    db,
    target: config.target,
    // The query's own timeout discards a dead connection from the pool; the race bounds the
    // wait for a free one.
    ping: (timeoutMs) =>
      withTimeout(
        pool.query({ text: 'SELECT 1', query_timeout: timeoutMs } as pg.QueryConfig),
        timeoutMs,
      ),
    pingNewConnection: async (timeoutMs) => {
      const client = new pg.Client({
        ...settings,
        connectionTimeoutMillis: timeoutMs,
        query_timeout: timeoutMs,
      });
      client.on('error', () => undefined);
      try {
        await withTimeout(
          client.connect().then(() => client.query('SELECT 1')),
          timeoutMs,
        );
        return true;
      } catch {
        return false;
      } finally {
        void client.end().catch(() => undefined);
      }
    },
    close: () => pool.end(),
    client: { kind: 'postgres', pool },
  };
}

async function openPglite(config: PgliteConfig, options: OpenOptions): Promise<Database> {
  const inMemory = config.dataDir.startsWith('memory://');
  if (!inMemory) await mkdir(config.dataDir, { recursive: true });
  const pglite = await PGlite.create({
    dataDir: inMemory ? undefined : config.dataDir,
    loadDataDir: options.loadDataDir,
    // The extensions the migrations create (the chat's title search); PGlite ships them.
    extensions: { pg_trgm, btree_gist },
  });
  await pglite.exec("SET TIME ZONE 'UTC'");
  const db = drizzlePglite({ client: pglite, schema }) as unknown as Db;
  return {
    engine: 'pglite',
    db,
    target: config.target,
    ping: (timeoutMs) => withTimeout(db.execute(sql`SELECT 1`), timeoutMs),
    pingNewConnection: async () => false,
    close: () => (pglite.closed ? Promise.resolve() : pglite.close()),
    client: { kind: 'pglite', pglite },
  };
}

export async function withTimeout(work: Promise<unknown>, timeoutMs: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new Error(`the database did not answer within ${timeoutMs} ms`)),
      timeoutMs,
    );
  });
  try {
    await Promise.race([work, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
