import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { API_ROUTES, APP_VERSION } from '@pakaura/contract';
import { readMigrationFiles } from 'drizzle-orm/migrator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApi, pinnedVersions, RUNTIME_EXTERNALS, type BuildReport } from '../../scripts/build';

const WORKSPACE = join(import.meta.dirname, '..', '..', '..', '..');
/** Migrations in the source folder: the bundle must apply every one of them. */
const MIGRATION_COUNT = readMigrationFiles({
  migrationsFolder: join(import.meta.dirname, '..', '..', 'migrations'),
}).length;

interface Started {
  child: ChildProcess;
  output: () => string;
  exited: Promise<number | null>;
}

/** Runs a built entry point with only the given environment (plus PATH). */
function start(
  outDir: string,
  script: string,
  env: Record<string, string>,
  args: string[] = [],
): Started {
  const child = spawn(process.execPath, [script, ...args], {
    cwd: outDir,
    env: { PATH: process.env.PATH ?? '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk) => (output += chunk));
  child.stderr?.on('data', (chunk) => (output += chunk));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, output: () => output, exited };
}

async function waitFor<T>(probe: () => T | undefined, timeoutMs: number, what: string): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** Each test starts Node on a 3 MB bundle, some on a fresh PGlite: seconds, more on a busy machine. */
const PROCESS_TIMEOUT_MS = 120_000;

describe('the production build', { timeout: PROCESS_TIMEOUT_MS }, () => {
  // Inside the workspace, so the external packages resolve from its node_modules as they would
  // from the image's own after `npm ci`.
  let outDir: string;
  let dataDir: string;
  let report: BuildReport;

  beforeAll(async () => {
    await mkdir(join(WORKSPACE, 'tmp'), { recursive: true });
    outDir = await mkdtemp(join(WORKSPACE, 'tmp', 'api-build-test-'));
    dataDir = join(outDir, 'data');
    report = await buildApi({ workspaceRoot: WORKSPACE, outDir });
  }, 180_000);
  afterAll(() => outDir && rm(outDir, { recursive: true, force: true }));

  it('writes a self-contained folder: two bundles, migrations, a minimal manifest and lockfile', async () => {
    for (const file of [
      'main.js',
      'migrate.js',
      'migrations/meta/_journal.json',
      'package.json',
      'package-lock.json',
    ]) {
      expect(existsSync(join(outDir, file)), file).toBe(true);
    }
    const manifest = JSON.parse(await readFile(join(outDir, 'package.json'), 'utf8'));
    expect(manifest).toMatchObject({ name: '@pakaura/api', version: APP_VERSION, main: 'main.js' });
    expect(Object.keys(manifest.dependencies)).toEqual([...RUNTIME_EXTERNALS]);
    const lock = JSON.parse(await readFile(join(outDir, 'package-lock.json'), 'utf8'));
    const locked = Object.keys(lock.packages);
    expect(locked).toContain('node_modules/@electric-sql/pglite');
    expect(locked).toContain('node_modules/@fastify/swagger-ui');
    expect(locked).toContain('node_modules/@fastify/static');
    expect(
      locked.filter((path) => /node_modules\/(fastify|pg|drizzle-orm|cohere-ai)$/.test(path)),
    ).toEqual([]);
    expect(report.bundles['main.js']).toBeGreaterThan(100_000);
  });

  it('bundles the workspace library instead of importing it', async () => {
    const main = await readFile(join(outDir, 'main.js'), 'utf8');
    expect(main).not.toMatch(/require\(["']@pakaura\//);
    for (const name of RUNTIME_EXTERNALS) expect(main).toContain(`require("${name}")`);
  });

  it('migrates with migrate.js, then reports the schema up to date', async () => {
    const first = start(outDir, 'migrate.js', { PGLITE_DATA_DIR: dataDir });
    expect(await first.exited, first.output()).toBe(0);
    expect(first.output()).toMatch(
      new RegExp(`^Applied ${MIGRATION_COUNT} of ${MIGRATION_COUNT} migrations to .*data\\n$`),
    );
    const second = start(outDir, 'migrate.js', { PGLITE_DATA_DIR: dataDir });
    expect(await second.exited).toBe(0);
    expect(second.output()).toMatch(
      new RegExp(`is up to date \\(${MIGRATION_COUNT} migrations\\)\\n$`),
    );
  });

  it('serves health, docs and metrics, and on SIGTERM finishes in-flight requests and exits 0', async () => {
    // DEBUG logs each request as it arrives, which tells the test when all are in flight.
    const server = start(outDir, 'main.js', {
      PGLITE_DATA_DIR: dataDir,
      HOST: '127.0.0.1',
      PORT: '0',
      JWT_SECRET: 'x'.repeat(40),
      DEBUG: 'true',
    });
    const count = (pattern: RegExp) => server.output().match(pattern)?.length ?? 0;
    try {
      const base = await waitFor(
        () => /Server listening at (http:\/\/127\.0\.0\.1:\d+)/.exec(server.output())?.[1],
        60_000,
        'the server to listen',
      );
      const health = await fetch(`${base}${API_ROUTES.health}`);
      expect(await health.json()).toEqual({
        status: 'healthy',
        database: 'ok',
        version: APP_VERSION,
        engine: 'pglite',
      });
      expect((await fetch(`${base}${API_ROUTES.docs}/`)).status).toBe(200);
      expect((await fetch(`${base}${API_ROUTES.openapi}`)).status).toBe(200);
      expect(await (await fetch(`${base}${API_ROUTES.metrics}`)).text()).toContain(
        'http_request_duration_seconds',
      );

      // Registrations hash with the production scrypt cost: slow enough to still be running
      // when SIGTERM arrives.
      const registrations = Array.from({ length: 6 }, (_, i) =>
        fetch(`${base}${API_ROUTES.register}`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({
            email: `shutdown-${i}@example.test`,
            password: 'long enough password',
            name: 'In flight',
          }),
        }),
      );
      await waitFor(
        () =>
          count(/"url":"\/api\/v1\/auth\/register"[^\n]*"msg":"incoming request"/g) >= 6
            ? true
            : undefined,
        20_000,
        'the requests to arrive',
      );
      const answeredBeforeSignal = count(/"statusCode":201/g);
      server.child.kill('SIGTERM');
      const statuses = (await Promise.all(registrations)).map((response) => response.status);
      expect(statuses).toEqual([201, 201, 201, 201, 201, 201]);
      expect(answeredBeforeSignal).toBeLessThan(6);
      expect(await server.exited, server.output().slice(-3000)).toBe(0);
      expect(server.output()).toContain('SIGTERM: finishing in-flight requests, then exiting');
      await expect(fetch(`${base}${API_ROUTES.live}`)).rejects.toThrow();
    } finally {
      server.child.kill('SIGKILL');
    }
  });

  it('refuses a bad configuration with exit 1 and one line', async () => {
    const run = start(outDir, 'main.js', { ENVIRONMENT: 'production', PGLITE_DATA_DIR: dataDir });
    expect(await run.exited).toBe(1);
    expect(run.output()).toBe(
      'Invalid configuration: JWT_SECRET is not set: ENVIRONMENT=production needs at least 32 characters (generate one with: openssl rand -base64 48)\n',
    );
  });

  it('gives up on an unreachable database with exit 1 and one line after saying it waited', async () => {
    const run = start(
      outDir,
      'migrate.js',
      { DATABASE_URL: 'postgres://app:hunter2@127.0.0.1:9/app' },
      ['--wait-seconds', '2'],
    );
    expect(await run.exited).toBe(1);
    const lines = run.output().trim().split('\n');
    expect(lines[0]).toMatch(
      /^Waiting for the database at app@127.0.0.1:9\/app \(attempt 1: connection refused\)/,
    );
    expect(lines.at(-1)).toMatch(
      /^migrate failed: The database at app@127.0.0.1:9\/app did not accept connections within 2 s/,
    );
    expect(run.output()).not.toContain('hunter2');
  });
});

describe('pinnedVersions', () => {
  it('takes each external package’s exact version from the workspace manifest', () => {
    expect(pinnedVersions({ a: '1.2.3', b: '4.5.6' }, ['b'])).toEqual({ b: '4.5.6' });
  });

  it('says how to fix a missing one', () => {
    expect(() => pinnedVersions({}, ['left-pad'])).toThrow(
      'left-pad is not in the root package.json dependencies; add it with npm install --save-exact',
    );
  });
});
