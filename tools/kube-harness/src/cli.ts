import { readFile, rename, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { execa } from 'execa';
import { parse } from 'yaml';
import { KubeFacade } from './api/facade';
import { Harness, removeRun } from './cluster/harness';
import { waitForWorkloads, WorkloadsFailedError, type PodProblem } from './cluster/wait';
import { DockerCli } from './docker/cli';
import { loadManifests } from './manifests/load';

const USAGE = `kube-harness: runs rendered Kubernetes manifests on the Docker engine as a kubelet would.

  kube-harness up -f <rendered.yaml> [options]
      Starts every workload, prints one line per workload as it turns Ready, runs the helm test
      pods (--test), writes --info <file> (JSON: run id, Ingress port) and serves until SIGTERM,
      then removes everything it created. Exits 1 naming the pod, the reason and its last log
      lines when a workload cannot come up.
        --namespace <ns>       namespace of objects that name none (default: default)
        --run-id <id>          names the containers, network namespace and state (default: random)
        --ingress-port <port>  the Ingress on 127.0.0.1:<port> (default: any free port)
        --hosts-entry <host>   serve requests to 127.0.0.1:<port> as addressed to <host>, as the
                               line "127.0.0.1 <host>" in /etc/hosts would
        --timeout <seconds>    how long the workloads may take to be Ready (default: 300)
        --test                 run the helm test pods once the workloads are Ready
        --info <file>          where to write the run's JSON once Ready
        --kube-api             serve a Kubernetes API backed by the run (kubeconfig in --info)
        --release <name>       with --kube-api: show a deployed Helm release of this name...
        --chart <dir>          ...of the chart in <dir> (its Chart.yaml), for helm status/list
        --exit                 tear down and exit once Ready (and tested) instead of serving
  kube-harness down --run-id <id>
      Removes what a run left behind: its containers, network namespace and state directory.`;

export async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (command === 'up') return up(rest);
  if (command === 'down') return down(rest);
  console.log(USAGE);
  return command === undefined || command === 'help' || command === '--help' ? 0 : 2;
}

async function up(argv: string[]): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: {
      file: { type: 'string', short: 'f' },
      namespace: { type: 'string', default: 'default' },
      'run-id': { type: 'string' },
      'ingress-port': { type: 'string', default: '0' },
      'hosts-entry': { type: 'string' },
      timeout: { type: 'string', default: '300' },
      test: { type: 'boolean', default: false },
      info: { type: 'string' },
      exit: { type: 'boolean', default: false },
      'kube-api': { type: 'boolean', default: false },
      release: { type: 'string' },
      chart: { type: 'string' },
    },
  });
  if (!values.file) {
    console.error(
      'kube-harness up: -f <rendered.yaml> is required (helm template ... > rendered.yaml)',
    );
    return 2;
  }
  const rendered = await readFile(values.file, 'utf8');
  const manifests = loadManifests(rendered, values.namespace as string);
  const harness = await Harness.start(manifests, {
    runId: values['run-id'],
    ingressPort: Number(values['ingress-port']),
    ingressHostsEntry: values['hosts-entry'],
  });
  let facade: KubeFacade | undefined;
  let stopping: Promise<void> | undefined;
  const stop = () => {
    stopping ??= (facade?.close() ?? Promise.resolve())
      .then(() => harness.stop())
      .then(() =>
        console.log(
          `kube-harness: run ${harness.runId} removed (containers, network namespace ${harness.networkName}, ${harness.stateDir})`,
        ),
      );
    return stopping;
  };
  const onSignal = () => void stop().then(() => process.exit(0));
  process.once('SIGTERM', onSignal);
  process.once('SIGINT', onSignal);
  console.log(
    `kube-harness: run ${harness.runId}: ${manifests.deployments.length} Deployment(s), ${manifests.statefulSets.length} StatefulSet(s), ${manifests.jobs.length} Job(s); Ingress on 127.0.0.1:${harness.ingress.port}; not modelled: ${manifests.ignored.join(', ') || 'nothing'}`,
  );
  let testSeconds = 0;
  let upSeconds = 0;
  try {
    await waitForWorkloads(harness, {
      timeoutMs: Number(values.timeout) * 1000,
      onReady: (ready) =>
        console.log(
          `ready  ${ready.kind.padEnd(11)} ${ready.name.padEnd(24)} ${ready.seconds.toFixed(1)} s`,
        ),
    });
    upSeconds = (Date.now() - harness.startedAt) / 1000;
    if (values.test) {
      const testsStarted = Date.now();
      const results = await harness.runTests(120_000);
      testSeconds = (Date.now() - testsStarted) / 1000;
      for (const result of results) {
        console.log(
          `test   ${result.name.padEnd(36)} ${result.phase} after ${result.seconds.toFixed(1)} s`,
        );
        if (result.phase !== 'Succeeded') {
          result.logs.forEach((line) => console.log(`       | ${line}`));
          throw new Error(`helm test pod ${result.name} ${result.phase}`);
        }
      }
    }
  } catch (error) {
    if (error instanceof WorkloadsFailedError) printProblems(error.problems);
    else console.error(`kube-harness: ${(error as Error).message}`);
    await stop();
    return 1;
  }
  console.log(
    `kube-harness: all workloads up in ${((Date.now() - harness.startedAt) / 1000).toFixed(1)} s`,
  );
  if (values['kube-api']) {
    const chart = values.chart
      ? (parse(await readFile(join(values.chart, 'Chart.yaml'), 'utf8')) as Record<string, unknown>)
      : undefined;
    facade = await KubeFacade.start(harness, {
      kubeconfigPath: join(harness.stateDir, 'kubeconfig'),
      release:
        values.release && chart
          ? {
              name: values.release,
              namespace: manifests.namespace,
              revision: 1,
              chart,
              manifest: rendered,
            }
          : undefined,
    });
    console.log(
      `kube-harness: Kubernetes API at ${facade.url} (kubeconfig ${join(harness.stateDir, 'kubeconfig')}, context ${facade.context})`,
    );
  }
  if (values.info) {
    const info = {
      runId: harness.runId,
      ingressPort: harness.ingress.port,
      kubeconfig: facade ? join(harness.stateDir, 'kubeconfig') : undefined,
      kubeApi: facade?.url,
      upSeconds: Number(upSeconds.toFixed(1)),
      testSeconds: Number(testSeconds.toFixed(1)),
      pid: process.pid,
    };
    const partial = `${values.info}.partial`;
    await writeFile(partial, JSON.stringify(info, null, 2));
    await rename(partial, values.info);
  }
  if (values.exit) {
    await stop();
    return 0;
  }
  await new Promise<never>(() => undefined);
  return 0;
}

export function printProblems(problems: PodProblem[]): void {
  for (const problem of problems) {
    console.error(
      `FAILED ${problem.workload}: pod ${problem.pod}${problem.container ? ` container ${problem.container}` : ''}: ${problem.reason}: ${problem.message}`,
    );
    if (problem.logs.length > 0) {
      console.error(`  last log lines of ${problem.pod}/${problem.container}:`);
      problem.logs.forEach((line) => console.error(`    | ${line}`));
    }
  }
}

async function down(argv: string[]): Promise<number> {
  const { values } = parseArgs({ args: argv, options: { 'run-id': { type: 'string' } } });
  const runId = values['run-id'];
  if (!runId || !/^[a-z0-9-]+$/.test(runId)) {
    console.error('kube-harness down: --run-id <id> is required (letters, digits, dashes)');
    return 2;
  }
  const removed = await removeRun(new DockerCli(), runId);
  await execa('ip', ['netns', 'del', `pkh-${runId}`], { reject: false });
  await rm(join(tmpdir(), `pakaura-harness-${runId}`), { recursive: true, force: true });
  console.log(
    `kube-harness: run ${runId}: ${removed} container(s) removed, network namespace pkh-${runId} and state removed`,
  );
  return 0;
}

const entry = process.argv[1] ?? '';
if (entry.endsWith('cli.ts') || entry.endsWith('cli.js')) {
  main(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (error: Error) => {
      console.error(`kube-harness: ${error.message}`);
      process.exit(1);
    },
  );
}
