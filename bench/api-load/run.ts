/**
 * API load benchmark (issue 2): the production API bundle on a real PostgreSQL, loaded by
 * autocannon running as its own process on 127.0.0.1, next to a bare Fastify `SELECT 1` route on
 * the same server, in the same run, so the API's overhead reads as a ratio.
 *
 *   PAKAURA_TEST_DATABASE_URL=postgres://… npx nx run api-container:bench
 *
 * (the target builds dist/apps/api-container first). BENCH_SECONDS (default 10),
 * BENCH_CONNECTIONS (default 10), BENCH_TASKS (tasks on the listed board, default 10) and
 * BENCH_ROUNDS (default 3) tune it. Prints a Markdown table and writes
 * dist/bench/api-load.json.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { API_ROUTES, type AuthResponse } from '../../libs/contract/src/index';

const ROOT = join(import.meta.dirname, '..', '..');
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 10);
/** Tasks on the listing user's board: a typical board; BENCH_TASKS changes it. */
const LISTED_TASKS = Number(process.env.BENCH_TASKS ?? 10);
/** Rounds of (bare, list, create), interleaved so that a busy moment hits all three alike. */
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);

interface Scenario {
  name: string;
  /** The server process the route runs in, for its CPU time. */
  pid: number;
  url: string;
  method?: 'GET' | 'POST';
  headers?: Record<string, string>;
  body?: string;
}

interface Result {
  scenario: string;
  requestsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  /** CPU time the server process spent per request (Linux /proc): steadier than requests/s on a shared machine. */
  cpuMicrosPerRequest: number;
  errors: number;
  non2xx: number;
}

/** User + system CPU time of a process so far, in microseconds (clock ticks of 10 ms). */
function cpuMicros(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  return (Number(fields[11]) + Number(fields[12])) * 10_000;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

function fail(message: string): never {
  console.error(`api-load benchmark failed: ${message}`);
  process.exit(1);
}

function databaseUrl(adminUrl: string, name: string): string {
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

async function admin<T>(adminUrl: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/** Starts a Node program and resolves with its URL once it prints "Server listening at". */
function startServer(
  script: string,
  env: Record<string, string>,
): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(process.execPath, [script], {
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
        // From here on the API logs every request: drain it, unread, as a log shipper would.
        child.stdout?.off('data', onData);
        child.stdout?.resume();
        resolve({ child, url: match[1] });
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', (chunk) => (output += chunk));
    child.on('exit', (code) =>
      reject(new Error(`${script} exited with ${code}: ${output.slice(-500)}`)),
    );
  });
}

function stop(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null) return resolve();
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
}

/** One autocannon process: warm-up, then the measured run, JSON result on stdout. */
function autocannon(scenario: Scenario, seconds: number): Promise<Result> {
  const args = [
    '-c',
    String(CONNECTIONS),
    '-d',
    String(seconds),
    '-j',
    '-m',
    scenario.method ?? 'GET',
  ];
  for (const [key, value] of Object.entries(scenario.headers ?? {}))
    args.push('-H', `${key}=${value}`);
  if (scenario.body) args.push('-b', scenario.body);
  args.push(scenario.url);
  const child = spawn(join(ROOT, 'node_modules', '.bin', 'autocannon'), args, {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  const cpuBefore = cpuMicros(scenario.pid);
  child.stdout.on('data', (chunk) => (stdout += chunk));
  child.stderr.on('data', (chunk) => (stderr += chunk));
  return new Promise((resolve, reject) => {
    child.on('exit', (code) => {
      if (code !== 0)
        return reject(
          new Error(`autocannon exited with ${code}: ${stderr.trim().split('\n').at(-1)}`),
        );
      const report = JSON.parse(stdout);
      resolve({
        scenario: scenario.name,
        requestsPerSecond: report.requests.average,
        p50Ms: report.latency.p50,
        p99Ms: report.latency.p99,
        cpuMicrosPerRequest: Math.round(
          (cpuMicros(scenario.pid) - cpuBefore) / Math.max(1, report.requests.total),
        ),
        errors: report.errors + report.timeouts,
        non2xx: report.non2xx,
      });
    });
  });
}

async function main(): Promise<void> {
  const adminUrl = process.env.PAKAURA_TEST_DATABASE_URL?.trim();
  if (!adminUrl) fail('set PAKAURA_TEST_DATABASE_URL to a PostgreSQL server (see .ci/env.sh)');
  const name = `pakaura_bench_${randomBytes(4).toString('hex')}`;
  const url = databaseUrl(adminUrl, name);
  await admin(adminUrl, `CREATE DATABASE ${name}`);
  const children: ChildProcess[] = [];
  try {
    const migrate = spawn(process.execPath, ['dist/apps/api-container/migrate.js'], {
      cwd: ROOT,
      env: { PATH: process.env.PATH ?? '', DATABASE_URL: url },
      stdio: 'inherit',
    });
    const code = await new Promise((resolve) => migrate.on('exit', resolve));
    if (code !== 0)
      fail(
        'node dist/apps/api-container/migrate.js failed (build first: npx nx run api-container:build)',
      );

    const api = await startServer('dist/apps/api-container/main.js', {
      DATABASE_URL: url,
      HOST: '127.0.0.1',
      PORT: '0',
      ENVIRONMENT: 'production',
      JWT_SECRET: randomBytes(32).toString('base64url'),
    });
    const bare = await startServer('bench/api-load/bare-server.mjs', {
      DATABASE_URL: url,
      PORT: '0',
    });
    children.push(api.child, bare.child);

    const session = async (email: string) => {
      const response = await fetch(`${api.url}${API_ROUTES.register}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email, password: 'benchmark password', name: 'Bench' }),
      });
      if (response.status !== 201) fail(`register answered ${response.status}`);
      return `Bearer ${((await response.json()) as AuthResponse).token}`;
    };
    const lister = await session('lister@bench.test');
    const creator = await session('creator@bench.test');
    // An account holds at most 10,000 tasks, fewer than the creates of one run (about 2,000 a
    // second for 10 s): the creator's counter starts far below zero so that the cap, checked on
    // every create as usual, does not stop it.
    await admin(url, "UPDATE users SET task_count = -10000000 WHERE email = 'creator@bench.test'");
    for (let i = 1; i <= LISTED_TASKS; i++) {
      await fetch(`${api.url}${API_ROUTES.tasks}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: lister },
        body: JSON.stringify({
          title: `Listed task ${i}`,
          priority: i % 3 === 0 ? 'high' : 'medium',
        }),
      });
    }

    const apiPid = api.child.pid as number;
    const scenarios: Scenario[] = [
      {
        name: 'bare Fastify `SELECT 1`',
        pid: bare.child.pid as number,
        url: `${bare.url}/select-1`,
      },
      {
        name: `API list tasks (GET, ${LISTED_TASKS} tasks)`,
        pid: apiPid,
        url: `${api.url}${API_ROUTES.tasks}`,
        headers: { authorization: lister },
      },
      {
        name: 'API create task (POST)',
        pid: apiPid,
        url: `${api.url}${API_ROUTES.tasks}`,
        method: 'POST',
        headers: { authorization: creator, 'content-type': 'application/json' },
        body: JSON.stringify({ title: 'Created under load', priority: 'high' }),
      },
    ];
    const loadBefore = loadavg();
    for (const scenario of scenarios) await autocannon(scenario, 3);
    const rounds: Result[][] = scenarios.map(() => []);
    for (let round = 0; round < ROUNDS; round++) {
      for (const [index, scenario] of scenarios.entries())
        rounds[index].push(await autocannon(scenario, SECONDS));
    }
    const results = rounds.map((runs) => ({
      scenario: runs[0].scenario,
      requestsPerSecond: median(runs.map((r) => r.requestsPerSecond)),
      p50Ms: median(runs.map((r) => r.p50Ms)),
      p99Ms: median(runs.map((r) => r.p99Ms)),
      cpuMicrosPerRequest: median(runs.map((r) => r.cpuMicrosPerRequest)),
      errors: runs.reduce((sum, r) => sum + r.errors, 0),
      non2xx: runs.reduce((sum, r) => sum + r.non2xx, 0),
    }));

    const baseline = results[0];
    const load = (values: number[]) => values.map((n) => n.toFixed(1)).join(' / ');
    const lines = [
      `Median of ${ROUNDS} interleaved rounds of ${SECONDS} s per route (after a 3 s warm-up each), ${CONNECTIONS} connections, ${cpus().length} cores; load average before ${load(loadBefore)}, after ${load(loadavg())}`,
      '',
      '| route | requests/s | of `SELECT 1` | p50 ms | p99 ms | server CPU µs/request | errors / non-2xx |',
      '| --- | ---: | ---: | ---: | ---: | ---: | ---: |',
      ...results.map(
        (r) =>
          `| ${r.scenario} | ${Math.round(r.requestsPerSecond)} | ${Math.round((100 * r.requestsPerSecond) / baseline.requestsPerSecond)}% | ${r.p50Ms} | ${r.p99Ms} | ${r.cpuMicrosPerRequest} | ${r.errors} / ${r.non2xx} |`,
      ),
    ];
    console.log(`\n${lines.join('\n')}\n`);
    await mkdir(join(ROOT, 'dist', 'bench'), { recursive: true });
    await writeFile(
      join(ROOT, 'dist', 'bench', 'api-load.json'),
      JSON.stringify(
        {
          seconds: SECONDS,
          connections: CONNECTIONS,
          rounds: ROUNDS,
          loadBefore,
          results,
          runs: rounds,
        },
        null,
        2,
      ),
    );
    if (results.some((r) => r.errors > 0 || r.non2xx > 0))
      fail('some requests failed; the figures above are not valid');
  } finally {
    await Promise.all(children.map(stop));
    await admin(adminUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  }
}

main().catch((error: unknown) => fail((error as Error).message));
