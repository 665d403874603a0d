import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import pg from 'pg';
import { inject } from 'vitest';
import { openDatabase, type Database } from '../../src/db/database';

/** What the global setup prepared once per run: migrated (and empty) databases to copy. */
export type TestDatabaseSource =
  | { engine: 'pglite'; snapshotPath: string; emptySnapshotPath: string }
  | { engine: 'postgres'; adminUrl: string; template: string };

declare module 'vitest' {
  export interface ProvidedContext {
    testDatabase: TestDatabaseSource;
  }
}

export const MIGRATIONS_FOLDER = join(import.meta.dirname, '..', '..', 'migrations');
/** How many migrations the folder holds (drizzle's journal lists them). */
export const MIGRATION_COUNT = (
  JSON.parse(readFileSync(join(MIGRATIONS_FOLDER, 'meta', '_journal.json'), 'utf8')) as {
    entries: unknown[];
  }
).entries.length;

/** URL of `database` on the server `adminUrl` points at. */
export function databaseUrl(adminUrl: string, database: string): string {
  const url = new URL(adminUrl);
  url.pathname = `/${database}`;
  return url.toString();
}

export async function withAdminClient<T>(
  adminUrl: string,
  work: (client: pg.Client) => Promise<T>,
): Promise<T> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

export function uniqueDatabaseName(prefix: string): string {
  return `${prefix}_${randomBytes(6).toString('hex')}`;
}

/** A PGlite database in memory, started from a snapshot file instead of a fresh initdb. */
export async function openPgliteSnapshot(path: string): Promise<Database> {
  const snapshot = new Blob([await readFile(path)]);
  return openDatabase(
    { engine: 'pglite', dataDir: 'memory://', target: 'memory://' },
    { loadDataDir: snapshot },
  );
}

export interface TestDatabase {
  database: Database;
  /** Removes what `openTestDatabase` created (the database must be closed first). */
  dispose(): Promise<void>;
}

/**
 * A private, migrated database for one test file: PGlite loaded from the run's snapshot, or a
 * PostgreSQL database copied from the run's template when PAKAURA_TEST_DATABASE_URL is set.
 */
export async function openTestDatabase(): Promise<TestDatabase> {
  const source = inject('testDatabase');
  if (source.engine === 'pglite') {
    return {
      database: await openPgliteSnapshot(source.snapshotPath),
      dispose: async () => undefined,
    };
  }
  const copy = await createPostgresCopy();
  const database = await openDatabase({
    engine: 'postgres',
    connection: { connectionString: copy.url },
    target: copy.name,
  });
  return { database, dispose: copy.dispose };
}

/**
 * PostgreSQL only: a new database on the test server, migrated (a copy of the run's template) or
 * `empty`; its URL, and how to drop it.
 */
export async function createPostgresCopy(options: { empty?: boolean } = {}): Promise<{
  name: string;
  url: string;
  dispose(): Promise<void>;
}> {
  const source = inject('testDatabase');
  if (source.engine !== 'postgres') throw new Error('createPostgresCopy needs PostgreSQL');
  const name = uniqueDatabaseName('pakaura_api_test');
  await withAdminClient(source.adminUrl, (client) =>
    client.query(
      options.empty
        ? `CREATE DATABASE ${name}`
        : `CREATE DATABASE ${name} TEMPLATE ${source.template}`,
    ),
  );
  return {
    name,
    url: databaseUrl(source.adminUrl, name),
    dispose: async () => {
      await withAdminClient(source.adminUrl, (client) =>
        client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`),
      );
    },
  };
}
