import { connect, createServer, type Server, type Socket } from 'node:net';
import { sql } from 'drizzle-orm';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { runMigrateCommand } from '../../src/commands/migrate-command';
import { openDatabase, type Database } from '../../src/db/database';
import { migrateDatabase } from '../../src/db/migrations';
import { waitForDatabase } from '../../src/db/wait-for-database';
import {
  databaseUrl,
  MIGRATION_COUNT,
  MIGRATIONS_FOLDER,
  openPgliteSnapshot,
  uniqueDatabaseName,
  withAdminClient,
} from '../helpers/test-database';

const source = inject('testDatabase');
const onPostgres = source.engine === 'postgres';

async function tables(database: Database): Promise<string[]> {
  const result = await database.db.execute(
    sql`SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY table_name`,
  );
  return (result as unknown as { rows: Array<{ table_name: string }> }).rows.map(
    (row) => row.table_name,
  );
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

describe.runIf(source.engine === 'pglite')('migrateDatabase on PGlite', () => {
  it('creates the schema once, then finds it up to date', async () => {
    const database = await openPgliteSnapshot(
      source.engine === 'pglite' ? source.emptySnapshotPath : '',
    );
    try {
      expect(await migrateDatabase(database, MIGRATIONS_FOLDER)).toEqual({
        total: MIGRATION_COUNT,
        applied: MIGRATION_COUNT,
      });
      expect(await migrateDatabase(database, MIGRATIONS_FOLDER)).toEqual({
        total: MIGRATION_COUNT,
        applied: 0,
      });
      expect(await tables(database)).toEqual([
        'conversations',
        'messages',
        'rate_limits',
        'sessions',
        'tasks',
        'users',
      ]);
    } finally {
      await database.close();
    }
  });
});

describe('waitForDatabase', () => {
  it('gives up after the timeout with one line saying where and why, having said it was waiting', async () => {
    const port = await freePort();
    const database = await openDatabase({
      engine: 'postgres',
      connection: { connectionString: `postgres://app:secret@127.0.0.1:${port}/app` },
      target: `app@127.0.0.1:${port}/app`,
    });
    const lines: string[] = [];
    try {
      await expect(
        waitForDatabase(database, {
          timeoutMs: 1_500,
          intervalMs: 300,
          onRetry: (line) => lines.push(line),
        }),
      ).rejects.toThrow(
        new RegExp(
          `^The database at app@127.0.0.1:${port}/app did not accept connections within 2 s \\(connection refused\\); is it running\\?$`,
        ),
      );
    } finally {
      await database.close();
    }
    expect(lines.length).toBeGreaterThanOrEqual(2);
    expect(lines[0]).toMatch(
      /^Waiting for the database at .* \(attempt 1: connection refused\); retrying for up to \d s$/,
    );
    expect(lines.join('\n')).not.toContain('secret');
  });

  it('stops with a usage line on a bad --wait-seconds', async () => {
    await expect(
      runMigrateCommand(['--wait-seconds', 'soon'], {}, MIGRATIONS_FOLDER, () => undefined),
    ).rejects.toThrow(
      /^--wait-seconds must be a whole number from 0 to 3600 \(got "soon"\); usage: node migrate.js/,
    );
    await expect(
      runMigrateCommand(['--force'], {}, MIGRATIONS_FOLDER, () => undefined),
    ).rejects.toThrow(/Unknown option '--force'.*usage/);
  });
});

describe.runIf(onPostgres)('migrate on PostgreSQL', () => {
  const adminUrl = onPostgres ? source.adminUrl : '';
  const created: string[] = [];
  const freshDatabase = async () => {
    const name = uniqueDatabaseName('pakaura_api_migrate');
    await withAdminClient(adminUrl, (client) => client.query(`CREATE DATABASE ${name}`));
    created.push(name);
    return name;
  };
  const open = (name: string) =>
    openDatabase({
      engine: 'postgres',
      connection: { connectionString: databaseUrl(adminUrl, name) },
      target: name,
    });
  afterAll(async () => {
    for (const name of created) {
      await withAdminClient(adminUrl, (client) =>
        client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`),
      );
    }
  });

  it('applies the history once when several migrate commands run at the same time', async () => {
    const name = await freshDatabase();
    const databases = await Promise.all([open(name), open(name), open(name), open(name)]);
    try {
      const reports = await Promise.all(
        databases.map((database) => migrateDatabase(database, MIGRATIONS_FOLDER)),
      );
      expect(reports.map((r) => r.applied).sort()).toEqual([0, 0, 0, MIGRATION_COUNT]);
      const rows = await databases[0].db.execute(
        sql`SELECT count(*)::int AS n FROM drizzle.__drizzle_migrations`,
      );
      expect((rows as unknown as { rows: Array<{ n: number }> }).rows[0].n).toBe(MIGRATION_COUNT);
      expect(await tables(databases[0])).toEqual([
        'conversations',
        'messages',
        'rate_limits',
        'sessions',
        'tasks',
        'users',
      ]);
    } finally {
      await Promise.all(databases.map((database) => database.close()));
    }
  });

  it('runs as the migrate command: applies, then reports up to date', async () => {
    const name = await freshDatabase();
    const lines: string[] = [];
    const env = { DATABASE_URL: databaseUrl(adminUrl, name) };
    await runMigrateCommand([], env, MIGRATIONS_FOLDER, (line) => lines.push(line));
    await runMigrateCommand([], env, MIGRATIONS_FOLDER, (line) => lines.push(line));
    expect(lines).toEqual([
      expect.stringMatching(
        new RegExp(
          `^Applied ${MIGRATION_COUNT} of ${MIGRATION_COUNT} migrations to .*/pakaura_api_migrate_\\w+$`,
        ),
      ),
      expect.stringMatching(
        new RegExp(`^Database schema at .* is up to date \\(${MIGRATION_COUNT} migrations\\)$`),
      ),
    ]);
    expect(lines.join()).not.toContain(new URL(adminUrl).password);
  });

  it('waits for a server that starts accepting connections a moment later', async () => {
    const name = await freshDatabase();
    const target = new URL(adminUrl);
    const port = await freePort();
    // A TCP relay to the real server, opened only after a delay: PostgreSQL "starting up".
    let relay: Server | undefined;
    const sockets: Socket[] = [];
    const opening = setTimeout(() => {
      relay = createServer((client) => {
        const upstream = connect(Number(target.port || 5432), target.hostname);
        sockets.push(client, upstream);
        client.pipe(upstream).pipe(client);
        client.on('error', () => upstream.destroy());
        upstream.on('error', () => client.destroy());
      }).listen(port, '127.0.0.1');
    }, 1_200);
    const url = new URL(databaseUrl(adminUrl, name));
    url.hostname = '127.0.0.1';
    url.port = String(port);
    const lines: string[] = [];
    try {
      await runMigrateCommand(
        ['--wait-seconds', '20'],
        { DATABASE_URL: url.toString() },
        MIGRATIONS_FOLDER,
        (line) => lines.push(line),
      );
    } finally {
      clearTimeout(opening);
      for (const socket of sockets) socket.destroy();
      await new Promise((resolve) => (relay ? relay.close(resolve) : resolve(undefined)));
    }
    expect(lines[0]).toMatch(/^Waiting for the database at .* \(attempt 1: connection refused\)/);
    expect(lines.at(-1)).toMatch(
      new RegExp(`^Applied ${MIGRATION_COUNT} of ${MIGRATION_COUNT} migrations`),
    );
  });

  it('fails at once, without waiting, on a wrong password or a missing database', async () => {
    const wrongPassword = new URL(adminUrl);
    wrongPassword.password = 'not-the-password';
    const started = Date.now();
    await expect(
      runMigrateCommand(
        ['--wait-seconds', '30'],
        { DATABASE_URL: wrongPassword.toString() },
        MIGRATIONS_FOLDER,
        () => undefined,
      ),
    ).rejects.toThrow(/the password was rejected: check DB_PASSWORD/);
    await expect(
      runMigrateCommand(
        ['--wait-seconds', '30'],
        { DATABASE_URL: databaseUrl(adminUrl, 'no_such_database') },
        MIGRATIONS_FOLDER,
        () => undefined,
      ),
    ).rejects.toThrow(/the database does not exist: check DB_NAME/);
    expect(Date.now() - started).toBeLessThan(10_000);
  });
});
