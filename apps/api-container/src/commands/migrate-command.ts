import { parseArgs } from 'node:util';
import { loadDatabaseConfig, type DatabaseConfig } from '../config/database-config';
import type { Env } from '../config/env';
import { openDatabase } from '../db/database';
import { migrateDatabase, type MigrationReport } from '../db/migrations';
import { waitForDatabase } from '../db/wait-for-database';

const USAGE = 'usage: node migrate.js [--wait-seconds <seconds>] (default 60)';

/**
 * `node migrate.js`: brings the configured database's schema up to date. Waits for the database
 * to accept connections first; safe to run from several processes at once.
 */
export async function runMigrateCommand(
  argv: string[],
  env: Env,
  migrationsFolder: string,
  print: (line: string) => void,
): Promise<void> {
  const waitMs = parseWaitSeconds(argv) * 1000;
  await migrateConfiguredDatabase(loadDatabaseConfig(env), migrationsFolder, { waitMs, print });
}

/**
 * Waits up to `waitMs` for the database, applies the migrations it lacks on a connection of its
 * own (no request timeouts), prints one line saying what it did, and closes that connection.
 */
export async function migrateConfiguredDatabase(
  config: DatabaseConfig,
  migrationsFolder: string,
  options: { waitMs: number; print: (line: string) => void },
): Promise<MigrationReport> {
  const database = await openDatabase(config, { purpose: 'migrate' });
  try {
    await waitForDatabase(database, { timeoutMs: options.waitMs, onRetry: options.print });
    const report = await migrateDatabase(database, migrationsFolder);
    options.print(
      report.applied > 0
        ? `Applied ${report.applied} of ${report.total} migrations to ${database.target}`
        : `Database schema at ${database.target} is up to date (${report.total} migrations)`,
    );
    return report;
  } finally {
    await database.close();
  }
}

function parseWaitSeconds(argv: string[]): number {
  let values: { 'wait-seconds'?: string };
  try {
    ({ values } = parseArgs({ args: argv, options: { 'wait-seconds': { type: 'string' } } }));
  } catch (error) {
    throw new Error(`${(error as Error).message}; ${USAGE}`);
  }
  const raw = values['wait-seconds'] ?? '60';
  if (!/^\d+$/.test(raw) || Number(raw) > 3600) {
    throw new Error(
      `--wait-seconds must be a whole number from 0 to 3600 (got "${raw}"); ${USAGE}`,
    );
  }
  return Number(raw);
}
