// Frontend figures for docs/BENCHMARKS.md, measured on the production build:
//  1. first-load JavaScript of the board page (`/`, signed in), gzip, from the build manifests,
//     checked against the <script> tags the server really sends;
//  2. time from navigation to the board being interactive (React has hydrated the task form) in
//     headless Chromium on 127.0.0.1, median of N cold loads.
//
// Usage (after `npx nx run-many -t standalone build -p frontend api-container`):
//   node bench/frontend/measure.mjs [--runs 10] [--tasks 20] [--base-url http://127.0.0.1:3000]
// Without --base-url it starts the API (PGlite in a temporary folder) and the standalone frontend
// itself, on ports 18100/13100, and stops them at the end.
import { chromium } from '@playwright/test';
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { createRequire } from 'node:module';
import { gzipSync } from 'node:zlib';

const root = path.resolve(import.meta.dirname, '../..');
const appDist = path.join(root, 'apps/frontend/.next');
const { values: args } = parseArgs({
  options: {
    runs: { type: 'string', default: '10' },
    tasks: { type: 'string', default: '20' },
    'base-url': { type: 'string' },
  },
});
const RUNS = Number(args.runs);
const TASKS = Number(args.tasks);
const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-quic',
  '--no-first-run',
];

const fail = (message) => {
  console.error(`bench/frontend: ${message}`);
  process.exit(1);
};

/** The chunks the board page loads, according to the build's manifests. */
function manifestChunks() {
  const buildManifest = JSON.parse(readFileSync(path.join(appDist, 'build-manifest.json'), 'utf8'));
  const require = createRequire(import.meta.url);
  globalThis.__RSC_MANIFEST = {};
  require(path.join(appDist, 'server/app/page_client-reference-manifest.js'));
  const { entryJSFiles } = globalThis.__RSC_MANIFEST['/page'];
  // The segments rendered around `/`: the root layout and its error boundaries, and the page.
  const segments = ['layout', 'global-error', 'error', 'page'].map(
    (name) => `[project]/apps/frontend/app/${name}`,
  );
  const files = new Set(buildManifest.rootMainFiles);
  for (const segment of segments) for (const file of entryJSFiles[segment] ?? []) files.add(file);
  return [...files];
}

function gzipSize(file) {
  return gzipSync(readFileSync(path.join(appDist, file)), { level: 9 }).length;
}

async function waitFor(url, seconds) {
  const deadline = Date.now() + seconds * 1000;
  while (Date.now() < deadline) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  fail(`${url} did not answer within ${seconds} s`);
}

async function startStack() {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'pakaura-bench-'));
  const api = 'http://127.0.0.1:18100';
  const web = 'http://127.0.0.1:13100';
  const children = [
    spawn('node', [path.join(root, 'dist/apps/api-container/main.js')], {
      env: { ...process.env, PORT: '18100', HOST: '127.0.0.1', PGLITE_DATA_DIR: dataDir },
      stdio: 'ignore',
    }),
    spawn('node', [path.join(root, 'dist/apps/frontend/apps/frontend/server.js')], {
      env: { ...process.env, PORT: '13100', HOSTNAME: '127.0.0.1', API_URL: api },
      stdio: 'ignore',
    }),
  ];
  const stop = () => {
    for (const child of children) child.kill('SIGTERM');
    rmSync(dataDir, { recursive: true, force: true });
  };
  process.on('exit', stop);
  await waitFor(`${api}/api/v1/health`, 60);
  await waitFor(`${web}/healthz`, 30);
  return { baseUrl: web, stop };
}

/** A person with TASKS tasks, so the board renders a realistic list; returns their cookie. */
async function seedAccount(baseUrl) {
  const account = {
    name: 'Bench Person',
    email: `bench.${randomUUID().slice(0, 8)}@example.com`,
    password: 'benchmark-password',
  };
  const register = await fetch(`${baseUrl}/api/v1/auth/register`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(account),
  });
  if (!register.ok) fail(`register answered ${register.status}: ${await register.text()}`);
  const cookie = register.headers.getSetCookie()[0]?.split(';')[0];
  if (!cookie) fail('register set no session cookie');
  for (let i = 1; i <= TASKS; i += 1) {
    const created = await fetch(`${baseUrl}/api/v1/tasks`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie },
      body: JSON.stringify({ title: `Benchmark task ${i}`, priority: i % 3 ? 'medium' : 'high' }),
    });
    if (!created.ok) fail(`creating a task answered ${created.status}`);
  }
  return cookie;
}

/** Script tags of the signed-in board page as the server sends them (module scripts only). */
async function servedScripts(baseUrl, cookie) {
  const html = await (await fetch(`${baseUrl}/`, { headers: { cookie } })).text();
  if (!html.includes('Your tasks')) fail('the board did not render for the seeded account');
  return [...html.matchAll(/<script src="\/_next\/([^"]+)"([^>]*)>/g)]
    .filter(([, , attributes]) => !/noModule/i.test(attributes))
    .map(([, file]) => file);
}

/**
 * One cold load: a fresh browser context (empty cache), navigation to `/`, and the moment React
 * has attached its props to the task form's Add button (hydrated: it would now handle a click).
 */
async function timeToInteractive(browser, baseUrl, cookie) {
  const context = await browser.newContext();
  const [name, value] = cookie.split('=');
  await context.addCookies([{ name, value, url: baseUrl }]);
  const page = await context.newPage();
  await page.addInitScript(() => {
    const probe = () => {
      const button = document.querySelector('form[aria-label="Add a task"] button[type="submit"]');
      if (button && Object.keys(button).some((key) => key.startsWith('__reactProps$'))) {
        window.__interactiveAt = performance.now();
        performance.mark('pakaura-interactive');
        return;
      }
      requestAnimationFrame(probe);
    };
    requestAnimationFrame(probe);
  });
  await browser.startTracing(page, {
    categories: ['disabled-by-default-devtools.timeline', 'blink.user_timing'],
  });
  await page.goto(baseUrl);
  await page.waitForFunction(() => window.__interactiveAt !== undefined, null, { timeout: 15_000 });
  const timings = await page.evaluate(() => {
    const [navigation] = performance.getEntriesByType('navigation');
    const paint = performance.getEntriesByName('first-contentful-paint')[0];
    return {
      interactive: window.__interactiveAt,
      firstContentfulPaint: paint?.startTime ?? NaN,
      domContentLoaded: navigation.domContentLoadedEventEnd,
    };
  });
  timings.mainThreadCpu = mainThreadCpu(await browser.stopTracing());
  // The probe's claim, checked by hand: the form really works now.
  await page.getByLabel('Task title').fill('Added by the benchmark');
  await page.getByRole('button', { name: 'Details' }).click();
  if (
    (await page.getByRole('button', { name: 'Details' }).getAttribute('aria-expanded')) !== 'true'
  ) {
    fail('the board did not react to a click after the probe said it was interactive');
  }
  await context.close();
  return timings;
}

/**
 * CPU time the page's main thread spent from navigation to interactive, from a Chromium trace
 * started just before the navigation: the sum of its tasks' thread time (`tdur`) up to the probe's
 * `pakaura-interactive` mark. Unlike wall-clock time it barely moves when other programs compete
 * for the cores, so it separates the page's own cost from the machine's load.
 */
function mainThreadCpu(traceBuffer) {
  const events = JSON.parse(traceBuffer.toString('utf8')).traceEvents;
  const mark = events.find((e) => e.name === 'pakaura-interactive');
  const main = events.find(
    (e) =>
      e.ph === 'M' &&
      e.name === 'thread_name' &&
      e.args?.name === 'CrRendererMain' &&
      e.pid === mark?.pid,
  );
  if (!mark || !main) fail('the Chromium trace has no interactive mark on a renderer main thread');
  let cpu = 0;
  for (const e of events) {
    const onMain = e.pid === main.pid && e.tid === main.tid;
    if (onMain && e.ph === 'X' && e.name === 'RunTask' && e.ts <= mark.ts)
      cpu += (e.tdur ?? 0) / 1000;
  }
  return cpu;
}

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

const fromManifest = manifestChunks();
const stack = args['base-url'] ? { baseUrl: args['base-url'], stop: () => {} } : await startStack();
try {
  const cookie = await seedAccount(stack.baseUrl);
  const served = await servedScripts(stack.baseUrl, cookie);
  const missing = served.filter((file) => !fromManifest.includes(file));
  const unused = fromManifest.filter((file) => !served.includes(file));
  if (missing.length || unused.length) {
    fail(`manifest and page disagree: served only ${missing}, manifest only ${unused}`);
  }
  const sizes = fromManifest.map((file) => ({ file, gzip: gzipSize(file) }));
  const totalGzip = sizes.reduce((sum, { gzip }) => sum + gzip, 0);

  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  await timeToInteractive(browser, stack.baseUrl, cookie); // warm-up: server code paths, not counted
  const runs = [];
  for (let i = 0; i < RUNS; i += 1)
    runs.push(await timeToInteractive(browser, stack.baseUrl, cookie));
  await browser.close();

  const ms = (value) => `${Math.round(value)} ms`;
  console.log(
    `First-load JS of / (signed in), gzip -9: ${(totalGzip / 1024).toFixed(1)} kB in ${sizes.length} chunks`,
  );
  for (const { file, gzip } of sizes)
    console.log(`  ${(gzip / 1024).toFixed(1).padStart(6)} kB  ${file}`);
  console.log(`Cold loads of the board with ${TASKS} tasks, headless Chromium, median of ${RUNS}:`);
  console.log(`  interactive (hydrated task form): ${ms(median(runs.map((r) => r.interactive)))}`);
  console.log(
    `  first contentful paint:           ${ms(median(runs.map((r) => r.firstContentfulPaint)))}`,
  );
  console.log(
    `  DOMContentLoaded:                 ${ms(median(runs.map((r) => r.domContentLoaded)))}`,
  );
  console.log(
    `  main-thread CPU until interactive: ${ms(median(runs.map((r) => r.mainThreadCpu)))}`,
  );
  console.log(
    `  interactive, every run: ${runs.map((r) => Math.round(r.interactive)).join(', ')} ms`,
  );
  const load = loadavg().map((value) => value.toFixed(1));
  console.log(`Machine: ${cpus().length} cores, load average ${load.join(' / ')} (1/5/15 min)`);
} finally {
  stack.stop();
}
