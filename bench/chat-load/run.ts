/**
 * Chat under load (issue 11): the production API bundle on a real PostgreSQL, one account with
 * 5,000 tasks of 200 characters, and
 *   1. one chat message at a time (a mix: a reference with a typo, a due-date change, a
 *      reference with a typo early in every word, one with typos at both ends of every word (the
 *      trigram index's nearest-neighbour scan), a due-window listing, a count): p50 / p99 per
 *      message;
 *   2. a flood of chat messages (autocannon, BENCH_CONNECTIONS connections) while a second
 *      autocannon asks `/api/v1/health` 20 times a second: the health probe's p99 is what the
 *      kubelet sees while the assistant is busy.
 *
 *   npx nx run api-container:build
 *   PAKAURA_TEST_DATABASE_URL=postgres://… npx tsx bench/chat-load/run.ts
 *
 * BENCH_TASKS (default 5000), BENCH_TITLE_LENGTH (200), BENCH_SAMPLES (messages in part 1,
 * default 480), BENCH_SECONDS (flood length, default 20) and BENCH_CONNECTIONS (default 10) tune
 * it. Prints a Markdown table and writes dist/bench/chat-load.json.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import pg from 'pg';
import { API_ROUTES, type AuthResponse, type ChatResponse } from '../../libs/contract/src/index';

const ROOT = join(import.meta.dirname, '..', '..');
const TASKS = Number(process.env.BENCH_TASKS ?? 5000);
const TITLE_LENGTH = Number(process.env.BENCH_TITLE_LENGTH ?? 200);
const SAMPLES = Number(process.env.BENCH_SAMPLES ?? 480);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 20);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 10);
const HEALTH_RATE = 20;

/** Words titles are made of: a realistic spread, so trigrams are shared but not all alike. */
const VOCABULARY =
  `review quarterly budget meeting notes server backup plan prepare slides team sync
  invoice client follow up email draft report finance taxes receipts insurance renewal car service
  garage clean paint fence garden water plants groceries milk bread eggs cheese pharmacy pick up
  prescription school forms sign permission trip museum flights hotel booking passport visa photos
  birthday gift party cake invitations call plumber electrician landlord lease contract lawyer bank
  transfer savings pension statement update resume portfolio website domain hosting deploy cluster
  kubernetes helm chart ingress certificate rotate secrets database migration index vacuum monitor
  alerts dashboard latency incident postmortem retro sprint backlog ticket estimate roadmap hiring
  interview candidate onboarding laptop order desk chair monitor cable headphones repair phone screen
  library return books read chapter novel podcast episode record upload newsletter article publish
  translate proofread edit video thumbnail schedule posts marketing campaign survey results analyse`
    .split(/\s+/)
    .filter(Boolean);

/** The messages of part 1, as people type them; each resolves, lists or counts in the database. */
const MESSAGES = [
  'finished the dentst apointment one',
  'push the dentist thing to next friday',
  'make the dnetist apointmnet urgent',
  'make the denrist apointmnet urgent',
  'whats overdue',
  'how many are left',
];
/** The flood's message: a fuzzy reference and a write, the costliest common request. */
const FLOOD_MESSAGE = 'push the dentist thing to next friday';

function fail(message: string): never {
  console.error(`chat-load benchmark failed: ${message}`);
  process.exit(1);
}

function title(random: () => number, index: number): string {
  const words: string[] = [`#${index}`];
  while (words.join(' ').length < TITLE_LENGTH)
    words.push(VOCABULARY[Math.floor(random() * VOCABULARY.length)]);
  return words.join(' ').slice(0, TITLE_LENGTH);
}

/** A seeded generator: the same account on every run. */
function mulberry32(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

function databaseUrl(adminUrl: string, name: string): string {
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

async function withClient<T>(url: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
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
      reject(new Error(`the API exited with ${code}: ${output.slice(-500)}`)),
    );
  });
}

interface Cannon {
  requests: number;
  p50Ms: number;
  p99Ms: number;
  maxMs: number;
  non2xx: number;
  errors: number;
  statusCodes: Record<string, number>;
}

function autocannon(args: string[]): Promise<Cannon> {
  const child = spawn(join(ROOT, 'node_modules', '.bin', 'autocannon'), ['-j', ...args], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk) => (stdout += chunk));
  child.stderr.on('data', (chunk) => (stderr += chunk));
  return new Promise((resolve, reject) => {
    child.on('exit', (code) => {
      if (code !== 0) return reject(new Error(`autocannon exited with ${code}: ${stderr.trim()}`));
      const report = JSON.parse(stdout);
      resolve({
        requests: report.requests.total,
        p50Ms: report.latency.p50,
        p99Ms: report.latency.p99,
        maxMs: report.latency.max,
        non2xx: report.non2xx,
        errors: report.errors + report.timeouts,
        statusCodes: report.statusCodeStats ?? {},
      });
    });
  });
}

async function main(): Promise<void> {
  const adminUrl = process.env.PAKAURA_TEST_DATABASE_URL?.trim();
  if (!adminUrl) fail('set PAKAURA_TEST_DATABASE_URL to a PostgreSQL server (see .ci/env.sh)');
  const name = `pakaura_chatbench_${randomBytes(4).toString('hex')}`;
  const url = databaseUrl(adminUrl, name);
  await withClient(adminUrl, (client) => client.query(`CREATE DATABASE ${name}`));
  let api: { child: ChildProcess; url: string } | undefined;
  try {
    const migrate = spawn(process.execPath, ['dist/apps/api-container/migrate.js'], {
      cwd: ROOT,
      env: { PATH: process.env.PATH ?? '', DATABASE_URL: url },
      stdio: 'inherit',
    });
    if ((await new Promise((resolve) => migrate.on('exit', resolve))) !== 0)
      fail(
        'node dist/apps/api-container/migrate.js failed (build first: npx nx run api-container:build)',
      );
    api = await startApi({
      DATABASE_URL: url,
      HOST: '127.0.0.1',
      PORT: '0',
      ENVIRONMENT: 'production',
      JWT_SECRET: randomBytes(32).toString('base64url'),
    });
    const base = api.url;
    const registered = await fetch(`${base}${API_ROUTES.register}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'chat@bench.test', password: 'benchmark password', name: 'B' }),
    });
    if (registered.status !== 201) fail(`register answered ${registered.status}`);
    const { token, user } = (await registered.json()) as AuthResponse;
    const bearer = `Bearer ${token}`;

    // The account, written straight to the database (as years of use would have): 5,000 long
    // titles, a few of them overdue, one of them the dentist appointment the messages name.
    const random = mulberry32(11);
    const titles = Array.from({ length: TASKS }, (_, i) => title(random, i));
    titles[Math.floor(TASKS / 3)] =
      `Book the dentist appointment for the kids ${title(random, 0)}`.slice(0, TITLE_LENGTH);
    await withClient(url, async (client) => {
      await client.query(
        `INSERT INTO tasks (user_id, title, due_date)
         SELECT $1, t, CASE WHEN n % 50 = 0 THEN DATE '2020-01-01' + (n % 30)::int ELSE NULL END
         FROM unnest($2::text[]) WITH ORDINALITY AS u(t, n)`,
        [user.id, titles],
      );
      await client.query('ANALYZE tasks');
    });

    const chat = async (message: string): Promise<number> => {
      const started = performance.now();
      const response = await fetch(`${base}${API_ROUTES.chat}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: bearer },
        body: JSON.stringify({ message }),
      });
      const body = (await response.json()) as ChatResponse;
      const elapsed = performance.now() - started;
      if (response.status !== 200)
        fail(`chat answered ${response.status}: ${JSON.stringify(body)}`);
      if (!body.actions.every((action) => action.ok))
        fail(`"${message}" did not act: ${body.reply}`);
      return elapsed;
    };

    const loadBefore = loadavg();
    for (const message of MESSAGES) await chat(message);
    const samples = new Map<string, number[]>(MESSAGES.map((m) => [m, []]));
    for (let i = 0; i < SAMPLES; i++) {
      const message = MESSAGES[i % MESSAGES.length];
      samples.get(message)?.push(await chat(message));
    }
    const all = [...samples.values()].flat();

    const chatAuth = ['-H', `authorization=${bearer}`, '-H', 'content-type=application/json'];
    const [flood, health] = await Promise.all([
      autocannon([
        '-c',
        String(CONNECTIONS),
        '-d',
        String(SECONDS),
        '-m',
        'POST',
        ...chatAuth,
        '-b',
        JSON.stringify({ message: FLOOD_MESSAGE }),
        `${base}${API_ROUTES.chat}`,
      ]),
      autocannon([
        '-c',
        '1',
        '-R',
        String(HEALTH_RATE),
        '-d',
        String(SECONDS),
        `${base}${API_ROUTES.health}`,
      ]),
    ]);
    const loadAfter = loadavg();

    const fixed = (n: number) => n.toFixed(1);
    const lines = [
      `${TASKS} tasks of ${TITLE_LENGTH} characters in one account, PostgreSQL, production bundle, ${cpus().length} cores; load average before ${loadBefore.map(fixed).join(' / ')}, after ${loadAfter.map(fixed).join(' / ')}`,
      '',
      '| measurement | requests | p50 ms | p99 ms | max ms |',
      '| --- | ---: | ---: | ---: | ---: |',
      ...[...samples.entries()].map(
        ([message, times]) =>
          `| one chat message: "${message}" | ${times.length} | ${fixed(percentile(times, 50))} | ${fixed(percentile(times, 99))} | ${fixed(Math.max(...times))} |`,
      ),
      `| one chat message, all of the above | ${all.length} | ${fixed(percentile(all, 50))} | ${fixed(percentile(all, 99))} | ${fixed(Math.max(...all))} |`,
      `| chat flood ("${FLOOD_MESSAGE}", ${CONNECTIONS} connections, ${SECONDS} s) | ${flood.requests} | ${flood.p50Ms} | ${flood.p99Ms} | ${flood.maxMs} |`,
      `| \`/api/v1/health\` during the flood (${HEALTH_RATE}/s) | ${health.requests} | ${health.p50Ms} | ${health.p99Ms} | ${health.maxMs} |`,
    ];
    console.log(`\n${lines.join('\n')}\n`);
    if (flood.non2xx + flood.errors + health.non2xx + health.errors > 0)
      console.log(
        `Not 2xx: flood ${JSON.stringify(flood.statusCodes)} (${flood.errors} errors), health ${JSON.stringify(health.statusCodes)} (${health.errors} errors)`,
      );
    await mkdir(join(ROOT, 'dist', 'bench'), { recursive: true });
    await writeFile(
      join(ROOT, 'dist', 'bench', 'chat-load.json'),
      JSON.stringify(
        {
          tasks: TASKS,
          titleLength: TITLE_LENGTH,
          loadBefore,
          loadAfter,
          samples: Object.fromEntries(samples),
          flood,
          health,
        },
        null,
        2,
      ),
    );
  } finally {
    if (api && api.child.exitCode === null) {
      const exited = new Promise((resolve) => api?.child.once('exit', resolve));
      api.child.kill('SIGTERM');
      await exited;
    }
    if (process.env.BENCH_KEEP_DATABASE) console.log(`Kept the database ${name}`);
    else
      await withClient(adminUrl, (client) =>
        client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`),
      );
  }
}

main().catch((error: unknown) => fail((error as Error).message));
