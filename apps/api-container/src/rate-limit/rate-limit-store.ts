import { createHmac } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { Db } from '../db/database';

/** A fixed-window counter after one more hit. */
export interface WindowCount {
  hits: number;
  /** Milliseconds until the window starts over. */
  resetsInMs: number;
}

/**
 * Repeated failures of one subject (sign-ins to one account): the `free`-th failure blocks the
 * subject for `baseMs`, and each further one for twice as long as the last, up to `maxMs`. The count is
 * forgotten `forgetMs` after the last failure, and at once on a success: a backoff, never a lock.
 */
export interface BackoffPolicy {
  free: number;
  baseMs: number;
  maxMs: number;
  forgetMs: number;
}

/** Keys this process saw refused, with when they are free again (a flood skips the database). */
const KNOWN_BLOCKED_MAX = 10_000;

function rows<T>(result: unknown): T[] {
  return (result as { rows: T[] }).rows;
}

/**
 * Rate-limit counters in the application's database (PostgreSQL or PGlite), so that every replica
 * of the API counts the same hits: each operation is one atomic statement on `rate_limits`.
 * Subjects (addresses, emails, user ids) are stored as HMACs, never as they are.
 */
export class RateLimitStore {
  private readonly knownBlocked = new Map<string, number>();

  constructor(
    private readonly db: Db,
    private readonly secret: string,
    private readonly now: () => number = Date.now,
  ) {}

  /** The row key for `subject` in `scope` (`login-client`, `chat-user`, ...). */
  key(scope: string, subject: string): string {
    const digest = createHmac('sha256', this.secret).update(subject).digest('base64url');
    return `${scope}:${digest.slice(0, 32)}`;
  }

  /** Milliseconds `key` is known (by this process) to stay refused, or 0. */
  knownBlockedFor(key: string): number {
    const until = this.knownBlocked.get(key);
    if (until === undefined) return 0;
    const left = until - this.now();
    if (left <= 0) this.knownBlocked.delete(key);
    return Math.max(0, left);
  }

  /** Remembers locally that `key` is refused for `ms` (bounded, oldest forgotten first). */
  rememberBlocked(key: string, ms: number): void {
    if (this.knownBlocked.size >= KNOWN_BLOCKED_MAX) {
      const oldest = this.knownBlocked.keys().next().value;
      if (oldest !== undefined) this.knownBlocked.delete(oldest);
    }
    this.knownBlocked.set(key, this.now() + ms);
  }

  /** Counts one hit in the current window of `windowMs` (a new window starts when it ended). */
  async hit(key: string, windowMs: number): Promise<WindowCount> {
    const result = await this.db.execute(sql`
      INSERT INTO rate_limits AS r (key, hits, resets_at)
      VALUES (${key}, 1, now() + ${windowMs}::integer * interval '1 millisecond')
      ON CONFLICT (key) DO UPDATE SET
        hits = CASE WHEN r.resets_at <= now() THEN 1 ELSE r.hits + 1 END,
        resets_at = CASE WHEN r.resets_at <= now() THEN excluded.resets_at ELSE r.resets_at END
      RETURNING hits,
        greatest(0, ceil(extract(epoch FROM r.resets_at - now()) * 1000))::integer AS resets_in_ms`);
    const [row] = rows<{ hits: number; resets_in_ms: number }>(result);
    return { hits: Number(row.hits), resetsInMs: Number(row.resets_in_ms) };
  }

  /** Milliseconds `key` stays blocked by its backoff, or 0. */
  async blockedFor(key: string): Promise<number> {
    const known = this.knownBlockedFor(key);
    if (known > 0) return known;
    const result = await this.db.execute(sql`
      SELECT ceil(extract(epoch FROM blocked_until - now()) * 1000)::integer AS blocked_ms
      FROM rate_limits WHERE key = ${key} AND blocked_until > now()`);
    return Number(rows<{ blocked_ms: number }>(result)[0]?.blocked_ms ?? 0);
  }

  /** Counts a failure under `policy`; answers how long `key` is now blocked (0: not blocked). */
  async recordFailure(key: string, policy: BackoffPolicy): Promise<number> {
    const failures = sql`(CASE WHEN r.resets_at <= now() THEN 1 ELSE r.hits + 1 END)`;
    const result = await this.db.execute(sql`
      INSERT INTO rate_limits AS r (key, hits, resets_at, blocked_until)
      VALUES (${key}, 1, now() + ${policy.forgetMs}::integer * interval '1 millisecond',
        CASE WHEN ${policy.free}::integer <= 1
          THEN now() + ${policy.baseMs}::integer * interval '1 millisecond' END)
      ON CONFLICT (key) DO UPDATE SET
        hits = ${failures},
        resets_at = excluded.resets_at,
        blocked_until = CASE WHEN ${failures} >= ${policy.free}::integer
          THEN now() + least(${policy.maxMs}::float8,
            ${policy.baseMs}::float8 * power(2, ${failures} - ${policy.free}::integer))
            * interval '1 millisecond'
        END
      RETURNING coalesce(greatest(0, ceil(extract(epoch FROM blocked_until - now()) * 1000)), 0)::integer
        AS blocked_ms`);
    const blockedMs = Number(rows<{ blocked_ms: number }>(result)[0]?.blocked_ms ?? 0);
    if (blockedMs > 0) this.rememberBlocked(key, blockedMs);
    return blockedMs;
  }

  /** Forgets `key` (a successful sign-in clears its failures). */
  async clear(key: string): Promise<void> {
    this.knownBlocked.delete(key);
    await this.db.execute(sql`DELETE FROM rate_limits WHERE key = ${key}`);
  }

  /** Deletes counters whose window and block have both ended. */
  async sweep(): Promise<void> {
    await this.db.execute(sql`
      DELETE FROM rate_limits
      WHERE resets_at < now() AND (blocked_until IS NULL OR blocked_until < now())`);
  }
}
