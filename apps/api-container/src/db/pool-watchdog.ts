import type { Database } from './database';

/**
 * How long the pool may fail every query, while a new connection to the same database works,
 * before liveness fails. The chart's liveness probe (every 15 s, 3 failures) then restarts the
 * pod: at most about 75 s after the pool stopped serving.
 */
export const LIVENESS_STALL_MS = 30_000;
/** Liveness pings the pool itself when readiness has not done so this recently. */
const FRESH_RESULT_MS = 5_000;
const POOL_PING_MS = 1_000;
const NEW_CONNECTION_PING_MS = 1_500;

/**
 * Tells the kubelet to restart the process only when a restart would help: the pool has served
 * nothing for LIVENESS_STALL_MS while the database accepts new connections (the pool is wedged,
 * not the database down). When the database itself is unreachable, a restart changes nothing,
 * so liveness stays up and readiness alone keeps traffic away.
 */
export class PoolWatchdog {
  private failingSince: number | undefined;
  private checkedAt = Number.NEGATIVE_INFINITY;

  constructor(
    private readonly database: Database,
    private readonly stallMs = LIVENESS_STALL_MS,
    private readonly now: () => number = Date.now,
  ) {}

  /** What a pool query (readiness's ping) just did. */
  record(served: boolean): void {
    this.checkedAt = this.now();
    if (served) this.failingSince = undefined;
    else this.failingSince ??= this.checkedAt;
  }

  /** Why the process should be restarted, or undefined while it can still recover by itself. */
  async stuckReason(): Promise<string | undefined> {
    if (this.now() - this.checkedAt > FRESH_RESULT_MS) {
      this.record(
        await this.database.ping(POOL_PING_MS).then(
          () => true,
          () => false,
        ),
      );
    }
    if (this.failingSince === undefined) return undefined;
    const failingMs = this.now() - this.failingSince;
    if (failingMs < this.stallMs) return undefined;
    if (!(await this.database.pingNewConnection(NEW_CONNECTION_PING_MS))) return undefined;
    return `the connection pool has served no query for ${Math.round(failingMs / 1000)} s while new connections to the database work`;
  }
}
