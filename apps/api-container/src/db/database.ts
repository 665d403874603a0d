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
  close(): Promise<void>;
  /** The raw client, for what drizzle cannot express (advisory locks, the migrator). */
  client: { kind: 'postgres'; pool: pg.Pool } | { kind: 'pglite'; pglite: PGlite };
}

/** How long a pooled connection attempt may take before the request fails. */
const CONNECT_TIMEOUT_MS = 5_000;

export interface OpenOptions {
  /** PGlite only: start from this data directory snapshot (a `dumpDataDir` tarball). */
  loadDataDir?: Blob;
}

export async function openDatabase(
  config: DatabaseConfig,
  options: OpenOptions = {},
): Promise<Database> {
  return config.engine === 'postgres' ? openPostgres(config) : openPglite(config, options);
}

function openPostgres(config: PostgresConfig): Database {
  const pool = new pg.Pool({
    ...config.connection,
    max: 10,
    connectionTimeoutMillis: CONNECT_TIMEOUT_MS,
    idleTimeoutMillis: 30_000,
    application_name: 'pakaura-api',
    // Timestamps come back as UTC text, which isoTimestamp rearranges without a Date.
    options: '-c TimeZone=UTC',
  });
  // An idle client losing its server (a database restart) must not crash the process; the next
  // query reconnects and readiness reports the outage meanwhile.
  pool.on('error', () => undefined);
  const db = drizzlePg({ client: pool, schema }) as unknown as Db;
  return {
    engine: 'postgres',
    db,
    target: config.target,
    ping: (timeoutMs) => withTimeout(pool.query('SELECT 1'), timeoutMs),
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
    close: () => (pglite.closed ? Promise.resolve() : pglite.close()),
    client: { kind: 'pglite', pglite },
  };
}

async function withTimeout(work: Promise<unknown>, timeoutMs: number): Promise<void> {
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
