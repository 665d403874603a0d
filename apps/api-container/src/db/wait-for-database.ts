import { setTimeout as sleep } from 'node:timers/promises';
import type { Database } from './database';
import { describeDatabaseError, errorCode } from './errors';

export interface WaitOptions {
  /** Give up after this long. */
  timeoutMs: number;
  /** Pause between attempts. */
  intervalMs?: number;
  /** Told about each failed attempt that will be retried. */
  onRetry?: (line: string) => void;
}

/** Failures that waiting cannot fix: the server answered, and said no. */
const FATAL: Record<string, string> = {
  '28P01': 'the password was rejected: check DB_PASSWORD (or the password in DATABASE_URL)',
  '28000': 'the server refused this user: check DB_USER and the server’s pg_hba.conf',
  '3D000': 'the database does not exist: check DB_NAME (or the database in DATABASE_URL)',
};

/**
 * Waits until the database answers, retrying while it is unreachable or still starting (the
 * migration Job may start before PostgreSQL does). Credentials or a missing database fail at once.
 */
export async function waitForDatabase(database: Database, options: WaitOptions): Promise<void> {
  const { timeoutMs, intervalMs = 1_000, onRetry } = options;
  const deadline = Date.now() + timeoutMs;
  for (let attempt = 1; ; attempt++) {
    try {
      await database.ping(Math.max(1_000, Math.min(5_000, deadline - Date.now())));
      return;
    } catch (error) {
      const code = errorCode(error);
      const reason = describeDatabaseError(error);
      if (code && FATAL[code]) {
        throw new Error(`Cannot use the database at ${database.target}: ${FATAL[code]}`, {
          cause: error,
        });
      }
      const left = deadline - Date.now();
      if (left <= intervalMs) {
        throw new Error(
          `The database at ${database.target} did not accept connections within ${Math.round(timeoutMs / 1000)} s (${reason}); is it running?`,
          { cause: error },
        );
      }
      onRetry?.(
        `Waiting for the database at ${database.target} (attempt ${attempt}: ${reason}); retrying for up to ${Math.ceil(left / 1000)} s`,
      );
      await sleep(intervalMs);
    }
  }
}
