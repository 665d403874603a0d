import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { GraphWorkspace, SOURCE_ROOT } from '../../tools/deploy-graph-e2e/src/graph-workspace';
import { summarize } from './summarize';

/**
 * The warm no-op `nx run-many -t deploy` (fake tools, nothing changed since the last run) of
 * this checkout side by side with a baseline checkout, in the same run: one throwaway copy of
 * each, then the runs interleaved (baseline, current, current, baseline, ...) so both see the
 * same machine load. Daemon on and off. Wall time, and CPU time with every child process (GNU
 * time, when installed). Results go to dist/bench/deploy-graph-compare.json and the console.
 *
 * BENCH_BASELINE_DIR: a checkout of the baseline with its own node_modules (its committed
 * files are copied, its node_modules hard-linked), e.g. a worktree of main after `npm ci`.
 * BENCH_BASELINE_CARRY: comma-separated files to copy from this checkout into the baseline
 * copy before its first run (a fix the baseline needs to run at all), listed in the result.
 * BENCH_RUNS: warm runs per checkout and daemon mode (default 5).
 */
const BASELINE_DIR = process.env['BENCH_BASELINE_DIR'];
const CARRY = (process.env['BENCH_BASELINE_CARRY'] ?? '').split(',').filter(Boolean);
const RUNS = Number(process.env['BENCH_RUNS'] ?? 5);

const workspaces: GraphWorkspace[] = [];
afterAll(async () => {
  for (const ws of workspaces) {
    await ws.nx(['daemon', '--stop']);
    ws.dispose();
  }
});

it('measures the warm no-op deploy of this checkout against the baseline, interleaved', async () => {
  if (!BASELINE_DIR) {
    throw new Error(
      'Set BENCH_BASELINE_DIR to a checkout of the baseline with its node_modules, e.g. git worktree add ../baseline main && (cd ../baseline && npm ci)',
    );
  }
  const baseline = await GraphWorkspace.create(BASELINE_DIR);
  workspaces.push(baseline);
  for (const file of CARRY) copyFileSync(join(SOURCE_ROOT, file), join(baseline.root, file));
  const current = await GraphWorkspace.create();
  workspaces.push(current);
  const checkouts = { baseline, current };

  const deploy = ['run-many', '-t', 'deploy', '--output-style=static'];
  const cold: Record<string, number> = {};
  for (const [name, ws] of Object.entries(checkouts)) {
    const run = await ws.nx(deploy);
    expect(run.code, `${name}: ${run.output}`).toBe(0);
    cold[name] = Number((run.ms / 1000).toFixed(2));
    // Starts its daemon and fills the daemon's view of the outputs.
    const daemonRun = await ws.nx(deploy, { NX_DAEMON: 'true' });
    expect(daemonRun.code, `${name}: ${daemonRun.output}`).toBe(0);
  }

  type Samples = { wall: number[]; cpu: number[] };
  const samples: Record<string, Record<'daemonOn' | 'daemonOff', Samples>> = {};
  for (const name of Object.keys(checkouts)) {
    samples[name] = { daemonOn: { wall: [], cpu: [] }, daemonOff: { wall: [], cpu: [] } };
  }
  const order = Object.entries(checkouts);
  for (let round = 0; round < RUNS; round++) {
    for (const mode of ['daemonOn', 'daemonOff'] as const) {
      const thisRound = round % 2 === 0 ? order : [...order].reverse();
      for (const [name, ws] of thisRound) {
        const run = await ws.nx(
          deploy,
          { NX_DAEMON: mode === 'daemonOn' ? 'true' : 'false' },
          { cpu: true },
        );
        expect(run.code, `${name}: ${run.output}`).toBe(0);
        expect(run.output, `${name} deployed nothing`).toContain('is up to date');
        samples[name][mode].wall.push(run.ms / 1000);
        if (run.cpuSeconds !== undefined) samples[name][mode].cpu.push(run.cpuSeconds);
      }
    }
  }

  const result = {
    measuredAt: new Date().toISOString(),
    machine: { cpus: cpus().length, loadAverage1m: Number(loadavg()[0].toFixed(2)) },
    baselineDir: BASELINE_DIR,
    baselineCarried: CARRY,
    coldFirstRunSeconds: cold,
    warm: Object.fromEntries(
      Object.entries(samples).map(([name, modes]) => [
        name,
        Object.fromEntries(
          Object.entries(modes).map(([mode, { wall, cpu }]) => [
            mode,
            { wallSeconds: summarize(wall), cpuSeconds: cpu.length ? summarize(cpu) : undefined },
          ]),
        ),
      ]),
    ),
  };
  const out = join(SOURCE_ROOT, 'dist', 'bench');
  mkdirSync(out, { recursive: true });
  writeFileSync(join(out, 'deploy-graph-compare.json'), `${JSON.stringify(result, null, 2)}\n`);
  console.log(JSON.stringify(result, null, 2));
});
