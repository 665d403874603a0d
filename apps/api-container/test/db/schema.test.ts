import { execFile } from 'node:child_process';
import { cp, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { MIGRATIONS_FOLDER } from '../helpers/test-database';

const PROJECT = join(import.meta.dirname, '..', '..');

describe('the migrations folder', () => {
  it('is in step with src/db/schema.ts: drizzle-kit finds nothing new to generate', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'pakaura-drizzle-'));
    try {
      await cp(MIGRATIONS_FOLDER, join(dir, 'migrations'), { recursive: true });
      const config = join(dir, 'drizzle.config.json');
      // drizzle-kit reads paths relative to where it runs.
      await writeFile(
        config,
        JSON.stringify({
          dialect: 'postgresql',
          schema: relative(dir, join(PROJECT, 'src', 'db', 'schema.ts')),
          out: './migrations',
        }),
      );
      const { stdout } = await promisify(execFile)(
        join(PROJECT, '..', '..', 'node_modules', '.bin', 'drizzle-kit'),
        ['generate', '--config', config],
        { cwd: dir },
      );
      expect(stdout).toContain('No schema changes');
      expect(await readdir(join(dir, 'migrations'))).toEqual(await readdir(MIGRATIONS_FOLDER));
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
