import { readMigrationFiles, type MigrationMeta } from 'drizzle-orm/migrator';
import { withTimeout, type Database } from './database';
import { countPending } from './migrations';

/**
 * Whether the database's schema has every migration this build ships. Asked by readiness until
 * the answer is "none pending"; after that it only pings, since a schema never loses migrations.
 */
export class SchemaStatus {
  private readonly migrations: MigrationMeta[];
  private current = false;

  constructor(
    private readonly database: Database,
    migrationsFolder: string,
  ) {
    this.migrations = readMigrationFiles({ migrationsFolder });
  }

  /** Migrations the database lacks (0 when current); rejects when it does not answer in time. */
  async pending(timeoutMs: number): Promise<number> {
    if (this.current) {
      await this.database.ping(timeoutMs);
      return 0;
    }
    let pending = 0;
    await withTimeout(
      countPending(this.database.db, this.migrations).then((count) => (pending = count)),
      timeoutMs,
    );
    this.current = pending === 0;
    return pending;
  }
}
