import { K8S_NAMES } from '@pakaura/contract';
import { execa, type ResultPromise } from 'execa';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WORKSPACE_ROOT, find, renderChart } from './chart';
import { container, resolveEnv, type Container, type Probe } from './workloads';

/**
 * The chart's contract with the real API: the production build (what the image copies to /app)
 * runs the init containers' and the API container's commands with exactly the environment the
 * chart renders, the database host pointed at the CI's PostgreSQL through externalDatabase.*,
 * and the kubelet's probes must pass.
 */
const API_BUILD = join(WORKSPACE_ROOT, 'dist/apps/api-container');
const DATABASE_URL = process.env['PAKAURA_TEST_DATABASE_URL'];

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/** An HTTP probe as the kubelet runs it: success is a 2xx/3xx answer within timeoutSeconds. */
async function probe(p: Probe & { timeoutSeconds?: number }, port: number) {
  if (!p.httpGet) throw new Error('not an httpGet probe');
  const response = await fetch(`http://127.0.0.1:${port}${p.httpGet.path}`, {
    signal: AbortSignal.timeout((p.timeoutSeconds ?? 1) * 1000),
  });
  await response.text();
  return response.status;
}

/** Polls a probe like the kubelet (every periodSeconds, up to failureThreshold times). */
async function untilProbePasses(
  p: Probe & { periodSeconds?: number; failureThreshold?: number; timeoutSeconds?: number },
  port: number,
) {
  const attempts = p.failureThreshold ?? 3;
  let last = 'no answer';
  for (let i = 0; i < attempts; i++) {
    try {
      const status = await probe(p, port);
      if (status >= 200 && status < 400) return status;
      last = `HTTP ${status}`;
    } catch (error) {
      last = (error as Error).message;
    }
    await new Promise((r) => setTimeout(r, (p.periodSeconds ?? 10) * 1000));
  }
  throw new Error(`probe ${p.httpGet?.path} failed ${attempts} times: ${last}`);
}

/** Runs a container's command in the build folder with only the rendered environment. */
function start(c: Container, env: Record<string, string>, options: { reject?: boolean } = {}) {
  const [program, ...args] = [...(c.command ?? ['node', 'main.js']), ...(c.args ?? [])];
  return execa(program === 'node' ? process.execPath : program, args, {
    cwd: API_BUILD,
    env,
    extendEnv: false,
    reject: options.reject ?? true,
    all: true,
  });
}

describe('the chart runs the real API', () => {
  const database = `pakaura_chart_contract_${process.pid}`;
  const admin = DATABASE_URL ? new pg.Client({ connectionString: DATABASE_URL }) : undefined;
  const servers: ResultPromise[] = [];

  beforeAll(async () => {
    if (!admin) {
      throw new Error(
        'PAKAURA_TEST_DATABASE_URL is not set: source .ci/env.sh (PostgreSQL from .ci/setup/postgres.sh).',
      );
    }
    if (!existsSync(join(API_BUILD, 'main.js'))) {
      throw new Error(`${API_BUILD}/main.js is missing: run nx run api-container:build first.`);
    }
    await admin.connect();
    await admin.query(`CREATE DATABASE ${database}`);
  });

  afterAll(async () => {
    for (const server of servers) server.kill('SIGTERM');
    await Promise.allSettled(servers);
    await admin?.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
    await admin?.end();
  });

  async function renderFor(dbPort: number, apiPort: number) {
    const url = new URL(DATABASE_URL as string);
    const { objects } = await renderChart({
      'postgresql.enabled': false,
      'externalDatabase.host': url.hostname,
      'externalDatabase.port': dbPort,
      'externalDatabase.database': database,
      'externalDatabase.username': decodeURIComponent(url.username),
      'secrets.dbPassword': decodeURIComponent(url.password),
      'api.port': apiPort,
    });
    const api = find(objects, 'Deployment', K8S_NAMES.api);
    return { objects, api };
  }

  it('waits for the database, migrates, then serves: startup, readiness and liveness probes pass', async () => {
    const port = await freePort();
    const { objects, api } = await renderFor(
      Number(new URL(DATABASE_URL as string).port || 5432),
      port,
    );

    const wait = container(api, 'wait-for-db');
    await execa(wait.command?.[0] as string, wait.command?.slice(1) ?? [], { timeout: 30_000 });

    const migrate = container(api, 'migrate');
    const migrated = await start(migrate, resolveEnv(migrate, objects));
    expect(migrated.all).toMatch(/Applied \d+ of \d+ migrations|is up to date/);
    const again = await start(migrate, resolveEnv(migrate, objects));
    expect(again.all).toMatch(/is up to date/);

    const main = container(api, 'api');
    const server = start(main, resolveEnv(main, objects), { reject: false });
    servers.push(server);
    await untilProbePasses(main.startupProbe as Probe, port);
    expect(await probe(main.readinessProbe as Probe, port)).toBe(200);
    expect(await probe(main.livenessProbe as Probe, port)).toBe(200);
  });

  it('stays alive but not ready when the database does not answer, so Kubernetes never restarts it', async () => {
    const port = await freePort();
    const closedPort = await freePort();
    const { objects, api } = await renderFor(closedPort, port);
    const main = container(api, 'api');
    const server = start(main, resolveEnv(main, objects), { reject: false });
    servers.push(server);
    await untilProbePasses(main.startupProbe as Probe, port);
    expect(await probe(main.livenessProbe as Probe, port)).toBe(200);
    expect(await probe(main.readinessProbe as Probe, port)).toBe(503);
  });
});
