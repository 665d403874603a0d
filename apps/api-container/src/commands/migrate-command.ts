import { parseArgs } from 'node:util';
import { loadDatabaseConfig } from '../config/database-config';
import type { Env } from '../config/env';
import { openDatabase } from '../db/database';
import { migrateDatabase } from '../db/migrations';
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
  const database = await openDatabase(loadDatabaseConfig(env));
  try {
    await waitForDatabase(database, { timeoutMs: waitMs, onRetry: print });
    const report = await migrateDatabase(database, migrationsFolder);
    print(
      report.applied > 0
        ? `Applied ${report.applied} of ${report.total} migrations to ${database.target}`
        : `Database schema at ${database.target} is up to date (${report.total} migrations)`,
    );
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
