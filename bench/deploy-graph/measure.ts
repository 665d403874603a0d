import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { GraphWorkspace, SOURCE_ROOT } from '../../tools/deploy-graph-e2e/src/graph-workspace';
import { summarize } from './summarize';

/**
 * `nx run-many -t deploy` with the fake tools and nothing changed: warm (cache hits, every
 * environment step and image a no-op, deploy "up to date") against the same run with
 * --skip-nx-cache (builds, lint and validation run again). Wall time of the whole command, and
 * its CPU time with all child processes (GNU time, when installed: on a busy machine the CPU
 * time says what the wall time would be on an idle one better than the wall time does), Nx
 * daemon off (as CI runs it) and on (Nx's default for people), and daemon off without plugin
 * isolation (NX_ISOLATE_PLUGINS=false). One more warm run records every Node process's CPU time
 * (process-cpu.cjs) to split it between Nx, its plugin workers, the task processes and the fake
 * tools. Results go to dist/bench/deploy-graph.json and the console.
 */
const WARM_RUNS = Number(process.env['BENCH_WARM_RUNS'] ?? 5);
const UNCACHED_RUNS = Number(process.env['BENCH_UNCACHED_RUNS'] ?? 2);

let ws: GraphWorkspace | undefined;
afterAll(async () => {
  await ws?.nx(['daemon', '--stop']);
  ws?.dispose();
});

it('measures the deploy graph warm and with --skip-nx-cache', async () => {
  const workspace = await GraphWorkspace.create();
  ws = workspace;
  const deploy = ['run-many', '-t', 'deploy', '--output-style=static'];
  const cold = await workspace.nx(deploy);
  expect(cold.code, cold.output).toBe(0);

  const time = async (
    args: string[],
    daemon: boolean,
    runs: number,
    env: NodeJS.ProcessEnv = {},
  ) => {
    const wall: number[] = [];
    const cpu: number[] = [];
    for (let i = 0; i < runs; i++) {
      const run = await workspace.nx(
        args,
        { ...env, NX_DAEMON: daemon ? 'true' : 'false' },
        { cpu: true },
      );
      expect(run.code, run.output).toBe(0);
      wall.push(run.ms / 1000);
      if (run.cpuSeconds !== undefined) cpu.push(run.cpuSeconds);
    }
    return {
      wallSeconds: summarize(wall),
      cpuSeconds: cpu.length > 0 ? summarize(cpu) : undefined,
    };
  };
  await workspace.nx(deploy, { NX_DAEMON: 'true' });
  const warmDaemon = await time(deploy, true, WARM_RUNS);
  const warm = await time(deploy, false, WARM_RUNS);
  const warmNoIsolation = await time(deploy, false, WARM_RUNS, { NX_ISOLATE_PLUGINS: 'false' });
  const warmCpuByProcess = await cpuByProcess(workspace, deploy);
  const uncached = await time([...deploy, '--skip-nx-cache'], false, UNCACHED_RUNS);

  const result = {
    measuredAt: new Date().toISOString(),
    machine: { cpus: cpus().length, loadAverage1m: Number(loadavg()[0].toFixed(2)) },
    coldFirstRunSeconds: Number((cold.ms / 1000).toFixed(2)),
    warmDaemonOff: warm,
    warmDaemonOn: warmDaemon,
    warmDaemonOffNoPluginIsolation: warmNoIsolation,
    warmDaemonOffCpuSecondsByProcess: warmCpuByProcess,
    skipNxCacheDaemonOff: uncached,
    ratioUncachedToWarm: Number((uncached.wallSeconds.median / warm.wallSeconds.median).toFixed(1)),
  };
  const out = join(SOURCE_ROOT, 'dist', 'bench');
  mkdirSync(out, { recursive: true });
  writeFileSync(join(out, 'deploy-graph.json'), `${JSON.stringify(result, null, 2)}\n`);
  console.log(JSON.stringify(result, null, 2));
});

/** One warm run, daemon off, with every Node process's CPU seconds summed by kind. */
async function cpuByProcess(workspace: GraphWorkspace, args: string[]) {
  const log = join(workspace.root, 'dist', 'process-cpu.jsonl');
  rmSync(log, { force: true });
  const preload = join(import.meta.dirname, 'process-cpu.cjs');
  const run = await workspace.nx(args, {
    NX_DAEMON: 'false',
    NODE_OPTIONS: `${process.env['NODE_OPTIONS'] ?? ''} --require ${preload}`.trim(),
    PAKAURA_BENCH_CPU_LOG: log,
  });
  expect(run.code, run.output).toBe(0);
  const kinds: Record<string, number> = {};
  const processes: Record<string, number> = {};
  for (const line of readFileSync(log, 'utf8').trim().split('\n')) {
    const { cpuMs, script } = JSON.parse(line) as { cpuMs: number; script: string };
    const kind = script.endsWith('bin/run-executor.js')
      ? 'taskProcesses'
      : script.includes('plugin-worker')
        ? 'nxPluginWorkers'
        : script.endsWith('bin/nx.js')
          ? 'nx'
          : script.endsWith('fake-tool.mjs')
            ? 'fakeTools'
            : 'other';
    kinds[kind] = (kinds[kind] ?? 0) + cpuMs / 1000;
    processes[kind] = (processes[kind] ?? 0) + 1;
  }
  return Object.fromEntries(
    Object.entries(kinds).map(([kind, seconds]) => [
      kind,
      { seconds: Number(seconds.toFixed(2)), processes: processes[kind] },
    ]),
  );
}
