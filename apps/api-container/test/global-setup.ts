import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { openDatabase } from '../src/db/database';
import { migrateDatabase } from '../src/db/migrations';
import {
  databaseUrl,
  MIGRATIONS_FOLDER,
  uniqueDatabaseName,
  withAdminClient,
} from './helpers/test-database';

/**
 * `nx run api-container:test` always runs on PGlite (the target blanks the variable);
 * `nx run api-container:test-postgres` (vitest `--mode postgres`) insists on a server.
 *
 * Migrates one database per run and hands each test file a cheap copy: a PGlite data-directory
 * snapshot (loading one takes a fraction of a fresh initdb + migrate; an unmigrated one is kept for
 * the migration tests), or, when
 * PAKAURA_TEST_DATABASE_URL names a PostgreSQL server, a template database to `CREATE DATABASE
 * ... TEMPLATE` from.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const adminUrl = process.env.PAKAURA_TEST_DATABASE_URL?.trim();
  if (project.vite.config.mode === 'postgres' && !adminUrl) {
    throw new Error(
      'test-postgres needs PAKAURA_TEST_DATABASE_URL (e.g. postgres://pakaura:pakaura-ci@127.0.0.1:5432/pakaura_test; see .ci/env.sh)',
    );
  }
  if (adminUrl) {
    const template = uniqueDatabaseName('pakaura_api_template');
    await withAdminClient(adminUrl, (client) => client.query(`CREATE DATABASE ${template}`));
    const database = await openDatabase({
      engine: 'postgres',
      connection: { connectionString: databaseUrl(adminUrl, template) },
      target: template,
    });
    try {
      await migrateDatabase(database, MIGRATIONS_FOLDER);
    } finally {
      await database.close();
    }
    project.provide('testDatabase', { engine: 'postgres', adminUrl, template });
    return () =>
      withAdminClient(
        adminUrl,
        async (client) =>
          void (await client.query(`DROP DATABASE IF EXISTS ${template} WITH (FORCE)`)),
      );
  }

  const dir = await mkdtemp(join(tmpdir(), 'pakaura-api-test-'));
  const emptySnapshotPath = join(dir, 'empty.tar');
  const snapshotPath = join(dir, 'migrated.tar');
  const database = await openDatabase({
    engine: 'pglite',
    dataDir: 'memory://',
    target: 'memory://',
  });
  try {
    if (database.client.kind !== 'pglite') throw new Error('expected PGlite');
    const { pglite } = database.client;
    const dump = async (path: string) =>
      writeFile(path, Buffer.from(await (await pglite.dumpDataDir('none')).arrayBuffer()));
    await dump(emptySnapshotPath);
    await migrateDatabase(database, MIGRATIONS_FOLDER);
    await dump(snapshotPath);
  } finally {
    await database.close();
  }
  project.provide('testDatabase', { engine: 'pglite', snapshotPath, emptySnapshotPath });
  return () => rm(dir, { recursive: true, force: true });
}
