/**
 * Database-fault benchmark: the production API bundle (dist/apps/api-container/main.js) on a
 * real PostgreSQL reached through a TCP proxy that refuses, resets and black-holes connections
 * (apps/api-container/test/helpers/tcp-proxy.ts, the one the PostgreSQL lane's tests use). Each
 * fault is played ROUNDS times against one running process (never restarted) and timed from the
 * client's side over HTTP:
 *
 *   PAKAURA_TEST_DATABASE_URL=postgres://… npx tsx bench/api-faults/run.ts
 *
 * (build first: npx nx run api-container:build). BENCH_ROUNDS (default 5). Prints a Markdown
 * table and writes dist/bench/api-faults.json.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import pg from 'pg';
import { API_ROUTES, type AuthResponse, type Task } from '../../libs/contract/src/index';
import { TcpProxy } from '../../apps/api-container/test/helpers/tcp-proxy';

const ROOT = join(import.meta.dirname, '..', '..');
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);

function fail(message: string): never {
  console.error(`api-faults benchmark failed: ${message}`);
  process.exit(1);
}

async function admin(url: string, sql: string, params: unknown[] = []) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await client.query(sql, params);
  } finally {
    await client.end();
  }
}

function startApi(env: Record<string, string>): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(process.execPath, ['dist/apps/api-container/main.js'], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  return new Promise((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk;
      const match = /Server listening at (http:\/\/[^\s"]+)/.exec(output);
      if (match) {
        child.stdout?.off('data', onData);
        child.stdout?.resume();
        resolve({ child, url: match[1] });
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', (chunk) => (output += chunk));
    child.on('exit', (code) =>
      reject(new Error(`main.js exited with ${code}: ${output.slice(-800)}`)),
    );
  });
}

const median = (values: number[]) =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const max = (values: number[]) => Math.max(...values);

async function main(): Promise<void> {
  const adminUrl = process.env.PAKAURA_TEST_DATABASE_URL?.trim();
  if (!adminUrl) fail('set PAKAURA_TEST_DATABASE_URL to a PostgreSQL server (see .ci/env.sh)');
  const name = `pakaura_faults_${randomBytes(4).toString('hex')}`;
  const direct = new URL(adminUrl);
  direct.pathname = `/${name}`;
  await admin(adminUrl, `CREATE DATABASE ${name}`);
  const proxy = new TcpProxy({ host: direct.hostname, port: Number(direct.port || 5432) });
  await proxy.listen();
  let api: { child: ChildProcess; url: string } | undefined;
  try {
    api = await startApi({
      DATABASE_URL: proxy.url(direct.toString()),
      HOST: '127.0.0.1',
      PORT: '0',
      ENVIRONMENT: 'production',
      JWT_SECRET: randomBytes(32).toString('base64url'),
    }).catch((error: Error) =>
      fail(`${error.message} (build first: npx nx run api-container:build)`),
    );
    const base = api.url;
    const registered = await fetch(`${base}${API_ROUTES.register}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        email: 'faults@bench.test',
        password: 'benchmark password',
        name: 'Faults',
      }),
    });
    if (registered.status !== 201) fail(`register answered ${registered.status}`);
    const bearer = `Bearer ${((await registered.json()) as AuthResponse).token}`;

    const request = async (path: string, init: RequestInit = {}) => {
      const started = performance.now();
      const response = await fetch(`${base}${path}`, {
        ...init,
        headers: { authorization: bearer, 'content-type': 'application/json', ...init.headers },
        signal: AbortSignal.timeout(60_000),
      });
      const body = await response.text();
      return { status: response.status, ms: performance.now() - started, body };
    };
    const untilHealthy = async () => {
      const started = performance.now();
      while ((await request(API_ROUTES.health)).status !== 200) await sleep(50);
      return performance.now() - started;
    };
    const warm = () => Promise.all(Array.from({ length: 10 }, () => request(API_ROUTES.tasks)));

    const results: Record<string, number[]> = {};
    const record = (key: string, value: number) => (results[key] ??= []).push(Math.round(value));
    const loadBefore = loadavg();

    for (let round = 0; round < ROUNDS; round++) {
      // Outage: nothing listens, open connections reset.
      await warm();
      await proxy.refuse();
      const health = await request(API_ROUTES.health);
      if (health.status !== 503) fail(`readiness answered ${health.status} during an outage`);
      record('outage: readiness 503', health.ms);
      record('outage: list tasks 503', (await request(API_ROUTES.tasks)).ms);
      await proxy.restore();
      record('outage: readiness 200 after the return', await untilHealthy());

      // A database that accepts connections and never answers.
      proxy.blackHole({ newConnections: true });
      const silent = await request(API_ROUTES.health);
      if (silent.status !== 503) fail(`readiness answered ${silent.status} with a silent database`);
      record('silent database: readiness 503', silent.ms);
      record('silent database: list tasks', (await request(API_ROUTES.tasks)).ms);
      await proxy.restore();
      record('silent database: readiness 200 after the return', await untilHealthy());

      // Pooled connections silently dead, new ones fine (a failover, a lost node).
      await warm();
      proxy.blackHole({ newConnections: false });
      const started = performance.now();
      record('dead pooled connections: list tasks answered', (await request(API_ROUTES.tasks)).ms);
      for (;;) {
        const burst = await Promise.all(
          Array.from({ length: 10 }, () => request(API_ROUTES.tasks)),
        );
        if (burst.every(({ status }) => status === 200)) break;
      }
      record('dead pooled connections: 10 parallel lists all 200', performance.now() - started);
      await proxy.restore();
    }

    // Writes through resets, an outage and black holes: every 201 must be stored.
    const acknowledged: string[] = [];
    const statuses: Record<number, number> = {};
    let writing = true;
    const writer = async (worker: number) => {
      for (let i = 0; writing; i++) {
        const { status, body } = await request(API_ROUTES.tasks, {
          method: 'POST',
          body: JSON.stringify({ title: `w${worker}-${i}` }),
        }).catch(() => ({ status: 0, body: '' }));
        statuses[status] = (statuses[status] ?? 0) + 1;
        if (status === 201) acknowledged.push((JSON.parse(body) as Task).id);
      }
    };
    const writers = [1, 2, 3, 4].map(writer);
    for (let round = 0; round < ROUNDS; round++) {
      await sleep(500);
      proxy.drop();
      await sleep(500);
      await proxy.refuse();
      await sleep(1_000);
      await proxy.restore();
      await sleep(500);
      proxy.blackHole({ newConnections: false });
      await sleep(2_000);
      await proxy.restore();
    }
    writing = false;
    await Promise.all(writers);
    const stored = await admin(
      direct.toString(),
      'SELECT count(*)::int AS n FROM tasks WHERE id = ANY($1::uuid[])',
      [acknowledged.filter(Boolean)],
    );
    const lost = acknowledged.length - Number(stored.rows[0].n);

    const load = (values: number[]) => values.map((n) => n.toFixed(1)).join(' / ');
    const lines = [
      `${ROUNDS} rounds, ${cpus().length} cores; load average before ${load(loadBefore)}, after ${load(loadavg())}`,
      '',
      '| what (one process, never restarted) | median ms | max ms |',
      '| --- | ---: | ---: |',
      ...Object.entries(results).map(
        ([key, values]) => `| ${key} | ${median(values)} | ${max(values)} |`,
      ),
      '',
      `Writes during ${ROUNDS} rounds of reset + outage + dead pooled connections: ${acknowledged.length} acknowledged (201), ${lost} lost; answers by status: ${JSON.stringify(statuses)}`,
    ];
    console.log(`\n${lines.join('\n')}\n`);
    await mkdir(join(ROOT, 'dist', 'bench'), { recursive: true });
    await writeFile(
      join(ROOT, 'dist', 'bench', 'api-faults.json'),
      JSON.stringify(
        { rounds: ROUNDS, loadBefore, results, acknowledged: acknowledged.length, lost, statuses },
        null,
        2,
      ),
    );
    if (lost > 0) fail(`${lost} acknowledged writes are not in the database`);
  } finally {
    api?.child.kill('SIGTERM');
    await proxy.close();
    await admin(adminUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  }
}

main().catch((error: unknown) => fail((error as Error).message));
