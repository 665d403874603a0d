#!/usr/bin/env node
// `npm start`: builds what the app needs through Nx (cached), starts each service as a child
// process with its log lines prefixed, prints one URL, and stops every child on Ctrl-C/SIGTERM.
// No Docker, no database: the API keeps its data in PGlite under .data/pglite, and the frontend
// (the printed URL) forwards the browser's /api requests to it.
import { createInterface } from 'node:readline';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { execa } from 'execa';
import pc from 'picocolors';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
/** Time each child gets to finish in-flight requests after SIGTERM before it is killed. */
const STOP_GRACE_MS = 15_000;

/**
 * What `npm start` runs, in order. `build` is the Nx project and `target` (default `build`) the
 * target that produces what `args` runs. `ready` matches the line a service prints once it
 * accepts requests and captures its URL; `env` may use the URLs of the services started before
 * it. The last service is the one whose URL is printed: the frontend.
 */
export const SERVICES = [
  {
    name: 'api',
    build: 'api-container',
    command: process.execPath,
    args: ['--enable-source-maps', 'dist/apps/api-container/main.js'],
    env: () => ({ HOST: '127.0.0.1' }),
    ready: /Server listening at (http:\/\/[^\s"]+)/,
  },
  {
    name: 'web',
    build: 'frontend',
    // The standalone Next server with its static files (dist/apps/frontend); it listens on
    // FRONTEND_PORT, Next's default port 3000.
    target: 'standalone',
    command: process.execPath,
    args: ['dist/apps/frontend/apps/frontend/server.js'],
    env: (urls) => ({ API_URL: urls.api, HOSTNAME: '127.0.0.1', NEXT_TELEMETRY_DISABLED: '1' }),
    ready: /Local:\s+(http:\/\/\S+)/,
  },
];

const LEVELS = { 10: 'TRACE', 20: 'DEBUG', 30: 'INFO', 40: 'WARN', 50: 'ERROR', 60: 'FATAL' };
const COLORS = [pc.cyan, pc.magenta, pc.yellow, pc.green];

/** One log line for a person: pino's JSON shortened to level, message and request, else as is. */
export function formatLine(line) {
  if (!line.startsWith('{')) return line;
  try {
    const entry = JSON.parse(line);
    const level = LEVELS[entry.level] ?? 'INFO';
    const request = entry.req ?? entry;
    const target = request.method && request.url ? ` ${request.method} ${request.url}` : '';
    const status = entry.res?.statusCode ?? entry.statusCode;
    const outcome =
      status === undefined ? '' : ` ${status} ${Math.round(entry.responseTime ?? 0)} ms`;
    const paint = entry.level >= 50 ? pc.red : entry.level >= 40 ? pc.yellow : (text) => text;
    return paint(`${level.padEnd(5)} ${entry.msg ?? ''}${target}${outcome}`);
  } catch {
    return line;
  }
}

/** The `nx run-many` arguments that build every service (a project without a target skips it). */
export function buildArgs(services) {
  const projects = services.map((service) => service.build).join(',');
  const targets = [...new Set(services.map((service) => service.target ?? 'build'))];
  return ['run-many', '-t', ...targets, `--projects=${projects}`, '--output-style=static'];
}

/**
 * Builds every service's Nx project in one run (in parallel, from the cache when unchanged).
 * `signal` aborts the build (Nx gets SIGTERM) and rejects with the signal's reason.
 * @param {typeof SERVICES} services
 * @param {{ cwd?: string, print?: (line: string) => void, signal?: AbortSignal }} [options]
 */
export async function buildServices(services, { cwd = ROOT, print = console.log, signal } = {}) {
  const args = buildArgs(services);
  print(pc.dim(`Building: nx ${args.slice(0, -1).join(' ')} (cached when nothing changed)...`));
  const result = await execa('nx', args, {
    cwd,
    preferLocal: true,
    env: { NX_DAEMON: process.env.NX_DAEMON ?? 'false' },
    stdin: 'ignore',
    stdout: 'inherit',
    stderr: 'inherit',
    reject: false,
    ...(signal ? { cancelSignal: signal } : {}),
  });
  signal?.throwIfAborted();
  if (result.exitCode !== 0) {
    throw new Error(`the build failed (nx ${args.slice(0, -1).join(' ')}); its output is above`);
  }
}

/**
 * Starts the services one after the other, each once the previous one is ready. Resolves with
 * the last one's URL and a `stop()` that ends them all; `exited` resolves with a reason when
 * any child stops on its own. When `signal` aborts before every service is ready, those already
 * started are stopped and the promise rejects with the signal's reason.
 * @param {Array<{ name: string, command: string, args: string[], env: (urls: Record<string, string>) => Record<string, string>, ready: RegExp }>} services
 * @param {{ cwd?: string, print?: (line: string) => void, signal?: AbortSignal }} [options]
 */
export async function startServices(services, { cwd = ROOT, print = console.log, signal } = {}) {
  const running = [];
  const urls = {};
  let onExit;
  const exited = new Promise((resolve) => (onExit = resolve));
  let stopping = false;

  const stop = async () => {
    stopping = true;
    for (const child of [...running].reverse()) {
      if (child.exitCode !== null || child.signalCode !== null) continue;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), STOP_GRACE_MS);
      await child.catch(() => undefined);
      clearTimeout(timer);
    }
  };

  try {
    for (const [index, service] of services.entries()) {
      signal?.throwIfAborted();
      const prefix = COLORS[index % COLORS.length](`[${service.name}]`);
      const child = execa(service.command, service.args, {
        cwd,
        env: service.env(urls),
        // Its own process group: a terminal's Ctrl-C reaches only this supervisor, which then
        // sends each child exactly one SIGTERM (a second signal would make it exit at once).
        detached: true,
        stdin: 'ignore',
        buffer: false,
        reject: false,
        cleanup: true,
      });
      running.push(child);
      const url = await new Promise((resolve, reject) => {
        signal?.addEventListener('abort', () => reject(signal.reason), { once: true });
        for (const stream of [child.stdout, child.stderr]) {
          createInterface({ input: stream }).on('line', (line) => {
            print(`${prefix} ${formatLine(line)}`);
            const match = service.ready.exec(line);
            if (match) resolve(match[1]);
          });
        }
        child.then((result) => {
          const how = result.signal
            ? `was stopped by ${result.signal}`
            : `exited with code ${result.exitCode}`;
          reject(new Error(`${service.name} ${how} before it was ready; its output is above`));
          if (!stopping) onExit(`${service.name} ${how}`);
        });
      });
      urls[service.name] = url;
    }
  } catch (error) {
    await stop();
    throw error;
  }
  return { url: urls[services.at(-1).name], stop, exited };
}

async function main() {
  // Ctrl-C/SIGTERM at any moment, the build and the start-up included, stops every child this
  // supervisor started (each runs in its own process group, so nothing else would).
  const controller = new AbortController();
  let stopRunning = async () => undefined;
  let startup = Promise.resolve();
  let shuttingDown = false;
  const shutdown = async (signal) => {
    if (shuttingDown) return;
    shuttingDown = true;
    console.log(pc.dim(`\n${signal}: stopping...`));
    controller.abort(new Error(`stopped by ${signal}`));
    await startup.catch(() => undefined);
    await stopRunning();
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));

  const { signal } = controller;
  startup = (async () => {
    await buildServices(SERVICES, { signal });
    const { url, stop, exited } = await startServices(SERVICES, { signal });
    stopRunning = stop;
    return { url, exited };
  })();
  let running;
  try {
    running = await startup;
  } catch (error) {
    if (signal.aborted) return; // shutdown() finishes and exits
    throw error;
  }
  console.log(
    `\n${pc.bold(pc.green('Pakaura is running at'))} ${pc.bold(running.url)}  ${pc.dim('(Ctrl-C stops it)')}\n`,
  );

  const reason = await running.exited;
  if (!shuttingDown) {
    console.error(pc.red(`npm start: ${reason}; stopping the others`));
    await stopRunning();
    process.exit(1);
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().catch((error) => {
    console.error(pc.red(`npm start failed: ${error.message}`));
    process.exit(1);
  });
}
