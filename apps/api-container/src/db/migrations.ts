import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { readMigrationFiles, type MigrationMeta } from 'drizzle-orm/migrator';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import type { Database, Db } from './database';

/**
 * Key of the PostgreSQL advisory lock held while migrating, so that several `migrate` processes
 * (a Job and init containers, say) apply the history once, one after the other.
 */
export const MIGRATION_LOCK_KEY = 4_061_994_017;

export interface MigrationReport {
  /** Migrations in the folder. */
  total: number;
  /** Migrations this run applied (0 when the database was already up to date). */
  applied: number;
}

/**
 * The migrations folder, found from the entry script's folder: beside the bundle
 * (`dist/apps/api-container/migrations`) or, running from `src/`, at the project root.
 */
export function findMigrationsFolder(entryDir: string): string {
  const candidates = [join(entryDir, 'migrations'), join(entryDir, '..', 'migrations')];
  const found = candidates.find((dir) => existsSync(join(dir, 'meta', '_journal.json')));
  if (!found) throw new Error(`No migrations folder found (looked in ${candidates.join(', ')})`);
  return found;
}

/** Applies every migration the database lacks; safe to run from several processes at once. */
export async function migrateDatabase(
  database: Database,
  folder: string,
): Promise<MigrationReport> {
  const migrations = readMigrationFiles({ migrationsFolder: folder });
  if (database.client.kind === 'pglite') {
    // One process owns an embedded database: there is nobody to race with.
    const db = drizzlePglite({ client: database.client.pglite });
    const applied = await countPending(db as unknown as Db, migrations);
    if (applied > 0) await migratePglite(db, { migrationsFolder: folder });
    return { total: migrations.length, applied };
  }

  const client = await database.client.pool.connect();
  let broken: Error | undefined;
  try {
    await client.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
    try {
      const db = drizzlePg({ client });
      const applied = await countPending(db as unknown as Db, migrations);
      if (applied > 0) await migratePg(db, { migrationsFolder: folder });
      return { total: migrations.length, applied };
    } finally {
      await client.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]);
    }
  } catch (error) {
    broken = error as Error;
    throw error;
  } finally {
    // A connection that failed mid-way is discarded rather than returned to the pool.
    client.release(broken);
  }
}

/** Number of migrations newer than the last one recorded (drizzle applies by timestamp). */
export async function countPending(db: Db, migrations: MigrationMeta[]): Promise<number> {
  const table = await db.execute(
    sql`SELECT to_regclass('drizzle.__drizzle_migrations') IS NOT NULL AS "exists"`,
  );
  if (!rows<{ exists: boolean }>(table)[0]?.exists) return migrations.length;
  const last = await db.execute(
    sql`SELECT max(created_at)::text AS created_at FROM drizzle.__drizzle_migrations`,
  );
  const lastMillis = Number(rows<{ created_at: string | null }>(last)[0]?.created_at ?? 0);
  return migrations.filter((migration) => migration.folderMillis > lastMillis).length;
}

/** node-postgres and PGlite both answer `execute` with an object holding `rows`. */
function rows<T>(result: unknown): T[] {
  return (result as { rows: T[] }).rows;
}
