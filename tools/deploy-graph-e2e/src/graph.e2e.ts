import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createServer, type AddressInfo, type Server } from 'node:net';
import { delimiter, join } from 'node:path';
import { IMAGE_NAMES } from '@pakaura/contract';
import { ENVIRONMENT_PROJECT } from '@pakaura/deploy-kube/nx-projects';
import type { FakeCall } from '@pakaura/deploy-kube/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GraphWorkspace } from './graph-workspace';

const env = (target: string) => `${ENVIRONMENT_PROJECT}:${target}`;

/** Every target that runs an executor of `@pakaura/executors` waits for their build. */
const EXECUTORS = 'executors:build';

/** The task graph of ARCHITECTURE.md's table, for `nx run-many -t deploy`. */
const DEPLOY_TASK_GRAPH: Record<string, string[]> = {
  [EXECUTORS]: [],
  [env('prereqs')]: [EXECUTORS],
  [env('cluster')]: [EXECUTORS, env('prereqs')],
  [env('addon-ingress')]: [EXECUTORS, env('cluster')],
  [env('addon-metrics-server')]: [EXECUTORS, env('cluster')],
  'api-container:typecheck': [],
  'api-container:build': ['api-container:typecheck'],
  'frontend:build': [],
  'api-container:image': [EXECUTORS, 'api-container:build', env('cluster')],
  'frontend:image': [EXECUTORS, 'frontend:build', env('cluster')],
  'k8s-manifests:validate': [EXECUTORS],
  'chart:lint': [EXECUTORS, 'k8s-manifests:validate'],
  'chart:deploy': [
    EXECUTORS,
    'chart:lint',
    'api-container:image',
    'frontend:image',
    env('addon-ingress'),
    env('addon-metrics-server'),
  ],
};

describe('the deployment graph, run through Nx with fake tools', () => {
  let ws: GraphWorkspace;
  beforeAll(async () => {
    ws = await GraphWorkspace.create();
  });
  afterAll(() => ws?.dispose());

  const calls = (tool: FakeCall['tool'], verb: string) =>
    ws.sandbox.calls(tool).filter((c) => c.args.includes(verb));
  const deployedTags = () => {
    const config = ws.sandbox.state.release('minikube', 'pakaura', 'pakaura')?.revisions.at(-1)
      ?.config as Record<string, { image: { tag: string } }> | undefined;
    return { api: config?.['api']?.image.tag, frontend: config?.['frontend']?.image.tag };
  };
  const recordedTag = (app: 'api' | 'frontend') =>
    ws.readJson<{ tag: string }>(`dist/images/${app}.json`).tag;

  it('orders the targets as the seed task graph does, the [P] pairs side by side', async () => {
    const graph = await ws.taskGraph(['run-many', '-t', 'deploy']);
    const sorted = (deps: Record<string, string[]>) =>
      Object.fromEntries(
        Object.entries(deps)
          .map(([task, on]) => [task, [...on].sort()])
          .sort(),
      );
    expect(sorted(graph.dependencies)).toEqual(sorted(DEPLOY_TASK_GRAPH));
    const reaches = (from: string, to: string): boolean =>
      graph.dependencies[from].some((dep) => dep === to || reaches(dep, to));
    for (const [a, b] of [
      [env('addon-ingress'), env('addon-metrics-server')],
      ['api-container:image', 'frontend:image'],
      ['api-container:build', 'frontend:build'],
      ['chart:lint', 'frontend:image'],
    ]) {
      expect(reaches(a, b) || reaches(b, a), `${a} and ${b} can run in parallel`).toBe(false);
    }
  });

  it('lists every target of the table in nx graph --file, with verify after deploy', async () => {
    const file = 'dist/project-graph.json';
    const run = await ws.nx(['graph', `--file=${file}`]);
    expect(run.code, run.output).toBe(0);
    const { graph } = ws.readJson<{
      graph: {
        nodes: Record<string, { data: { targets: Record<string, { dependsOn?: unknown[] }> } }>;
      };
    }>(file);
    for (const task of [...Object.keys(DEPLOY_TASK_GRAPH), 'chart:verify']) {
      const [project, target] = task.split(':');
      expect(graph.nodes[project]?.data.targets[target], task).toBeDefined();
    }
    expect(graph.nodes['chart'].data.targets['verify'].dependsOn).toEqual([EXECUTORS, 'deploy']);
  });

  it('takes an empty machine to a deployed release, the addon targets in parallel, images before helm', async () => {
    // Each enable takes 5 s: long enough that the second addon target is seen running while the
    // first one enables.
    ws.sandbox.configure({ delays: [{ tool: 'minikube', command: 'addons enable', ms: 5000 }] });
    // Enough slots that the builds do not hold the addons back: Nx then runs them together.
    const run = await ws.nx(['run-many', '-t', 'deploy', '--parallel=6', '--output-style=static']);
    expect(run.code, run.output).toBe(0);
    ws.sandbox.configure({ delays: [] });

    const [start] = calls('minikube', 'start');
    const enables = calls('minikube', 'enable').sort((a, b) => a.start - b.start);
    const lists = calls('minikube', 'list').filter((c) => c.args[0] === 'addons');
    const builds = calls('docker', 'build');
    const [upgrade] = calls('helm', 'upgrade');
    expect(start.args).toContain('--kubernetes-version=v1.29.0');
    expect(enables.map((c) => c.args[2]).sort()).toEqual(['ingress', 'metrics-server']);
    // minikube loses one of two concurrent enables (SetAndSave): a lock makes them take turns ...
    expect(enables[1].start, 'the second enable waited for the first').toBeGreaterThanOrEqual(
      enables[0].end,
    );
    expect(ws.sandbox.state.cluster('minikube')?.addons?.sort()).toEqual([
      'ingress',
      'metrics-server',
    ]);
    // ... while the two addon targets still run side by side: the second had already looked at
    // the addon list before the first enable ended.
    expect(lists.length).toBe(2);
    expect(Math.max(...lists.map((c) => c.start))).toBeLessThan(enables[0].end);
    expect(builds.map((c) => c.env.MINIKUBE_ACTIVE_DOCKERD)).toEqual(['minikube', 'minikube']);
    for (const call of [...enables, ...builds]) expect(call.start).toBeGreaterThan(start.end);
    for (const call of [...enables, ...builds]) expect(upgrade.start).toBeGreaterThan(call.end);
    expect(deployedTags()).toEqual({ api: recordedTag('api'), frontend: recordedTag('frontend') });
    expect(recordedTag('api')).toMatch(/^4\.0\.0-[0-9a-f]+$/);
    expect(run.output.trimEnd()).toMatch(/Open the app: npx pakaura open/);
  });

  it('reruns with nothing changed as cache hits and skips, touching nothing', async () => {
    ws.sandbox.clearCalls();
    const run = await ws.nx(['run-many', '-t', 'deploy', '--output-style=static']);
    expect(run.code, run.output).toBe(0);
    const cached =
      /read the output from the cache instead of running the command for (\d+) out of (\d+) tasks/.exec(
        run.output,
      );
    const cacheableTasks = [
      EXECUTORS,
      env('prereqs'),
      'api-container:typecheck',
      'api-container:build',
      'frontend:build',
      'k8s-manifests:validate',
      'chart:lint',
    ];
    expect(Number(cached?.[1])).toBe(cacheableTasks.length);
    expect(run.output).toContain('is already running');
    expect(run.output).toContain('nothing to build');
    expect(run.output).toContain('is up to date');
    const sideEffects = ws.sandbox
      .calls()
      .filter((c) =>
        ['start', 'enable', 'build', 'upgrade', 'push', 'load'].some((verb) =>
          c.args.includes(verb),
        ),
      );
    expect(sideEffects).toEqual([]);
  });

  it('trusts a passed prerequisites check until a tool on PATH changes', async () => {
    const prereqs = () => ws.nx(['run', env('prereqs'), '--output-style=static']);
    expect((await prereqs()).code).toBe(0);
    ws.sandbox.clearCalls();
    const trusted = await prereqs();
    expect(trusted.code, trusted.output).toBe(0);
    expect(ws.sandbox.calls(), 'no tool was asked').toEqual([]);

    const docker = join(ws.sandbox.binDir, 'docker');
    writeFileSync(docker, readFileSync(docker));
    const checked = await prereqs();
    expect(checked.code, checked.output).toBe(0);
    expect(ws.sandbox.calls('docker').length).toBeGreaterThan(0);
  });

  it('pakaura setup runs the same graph, and finds everything in place', async () => {
    ws.sandbox.clearCalls();
    const setup = await ws.pakaura(['setup']);
    expect(setup.code, setup.output).toBe(0);
    expect(setup.output).toContain('> nx run-many -t deploy');
    expect(setup.output).toMatch(/Successfully ran target deploy for project chart and \d+ tasks/);
    expect(setup.output).toContain('Pakaura is deployed. Next: pakaura status');
    const work = ['start', 'enable', 'build', 'upgrade'].flatMap((verb) =>
      ws.sandbox.calls().filter((c) => c.args.includes(verb)),
    );
    expect(work).toEqual([]);
  });

  describe('with a kube context that points at a server that is not the local cluster', () => {
    let server: Server;
    let connections = 0;
    let foreign: string;
    beforeAll(async () => {
      server = createServer((socket) => {
        connections += 1;
        socket.destroy();
      });
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      foreign = `https://127.0.0.1:${(server.address() as AddressInfo).port}`;
    });
    afterAll(async () => {
      await ws.sandbox.exec('kubectl', ['config', 'use-context', 'minikube']);
      await new Promise((resolve) => server.close(resolve));
    });

    it('deploys to the local cluster through its own context, never the current one, and never connects there', async () => {
      ws.sandbox.addContext('prod-eu', foreign);
      ws.sandbox.clearCalls();
      const run = await ws.nx(['run-many', '-t', 'deploy', '--output-style=static']);
      expect(run.code, run.output).toBe(0);
      expect(run.output).toContain('is up to date');
      const helm = ws.sandbox.calls('helm').filter((c) => c.args.includes('--kube-context'));
      expect(helm.length).toBeGreaterThan(0);
      for (const call of helm) {
        expect(call.args[call.args.indexOf('--kube-context') + 1]).toBe('minikube');
      }
      expect(connections, 'connections to the other server').toBe(0);
    });

    it('refuses it by name in deploy, verify and the server dry run when it is merely called minikube, and never connects there', async () => {
      ws.sandbox.addContext('minikube', foreign);
      try {
        const refusals: Record<string, string> = {
          'chart:deploy': 'Refusing to deploy to kube context "minikube"',
          'chart:verify': 'Refusing to verify kube context "minikube"',
          'chart:dry-run': 'Refusing to send a server dry run to kube context "minikube"',
          'k8s-manifests:dry-run': 'Refusing to send a server dry run to kube context "minikube"',
        };
        for (const [task, refusal] of Object.entries(refusals)) {
          const run = await ws.nx([
            'run',
            task,
            '--excludeTaskDependencies',
            '--output-style=static',
          ]);
          expect(run.code, run.output).toBe(1);
          expect(run.output).toContain(
            `${refusal}: its server ${foreign} is not the one minikube reports`,
          );
        }
        const offline = await ws.nx([
          'run-many',
          '-t',
          'validate,lint',
          '-p',
          'k8s-manifests,chart',
          '--skip-nx-cache',
          '--output-style=static',
        ]);
        expect(offline.code, offline.output).toBe(0);
        expect(connections, 'connections to the other server').toBe(0);
      } finally {
        await ws.sandbox.exec('minikube', ['update-context']);
      }
    });
  });

  it('after one changed file in apps/frontend, affects only frontend and chart of the deploy graph and deploys only the new frontend tag', async () => {
    const before = deployedTags();
    ws.append('apps/frontend/app/layout.tsx', '\n// a change to deploy\n');

    const affected = await ws.nx(['show', 'projects', '--affected', '--base=HEAD', '--json']);
    const projects = JSON.parse(affected.output.slice(affected.output.indexOf('['))) as string[];
    const deployGraph = await ws.taskGraph(['run-many', '-t', 'deploy']);
    const inDeployGraph = new Set(
      Object.keys(deployGraph.dependencies).map((task) => task.split(':')[0]),
    );
    expect(projects.filter((p) => inDeployGraph.has(p)).sort()).toEqual(['chart', 'frontend']);
    for (const untouched of [
      'api-container',
      'k8s-manifests',
      ENVIRONMENT_PROJECT,
      'contract',
      'deploy-kube',
      'deploy-release',
      'cli',
      'executors',
    ]) {
      expect(projects).not.toContain(untouched);
    }

    ws.sandbox.clearCalls();
    const run = await ws.nx(['affected', '-t', 'deploy', '--base=HEAD', '--output-style=static']);
    expect(run.code, run.output).toBe(0);
    const built = calls('docker', 'build').map((c) =>
      c.args.find((a) => a.startsWith(IMAGE_NAMES.frontend) || a.startsWith(IMAGE_NAMES.api)),
    );
    expect(built.every((ref) => ref?.startsWith(`${IMAGE_NAMES.frontend}:`))).toBe(true);
    expect(built.length).toBeGreaterThan(0);
    const after = deployedTags();
    expect(after.api).toBe(before.api);
    expect(after.frontend).not.toBe(before.frontend);
    expect(after.frontend).toBe(recordedTag('frontend'));
  });

  it('with only PAKAURA_CLUSTER_PROVIDER=kind set, deploys to kind end to end without one minikube call', async () => {
    ws.sandbox.clearCalls();
    const run = await ws.nx(['run-many', '-t', 'deploy', '--output-style=static'], {
      PAKAURA_CLUSTER_PROVIDER: 'kind',
    });
    expect(run.code, run.output).toBe(0);
    expect(ws.sandbox.calls('minikube')).toEqual([]);
    expect(calls('kind', 'create').map((c) => c.args.slice(0, 4))).toEqual([
      ['create', 'cluster', '--name', 'kind'],
    ]);
    expect(calls('kind', 'create')[0].args).toContain('--config');
    expect(run.output).toContain('Enabled ingress-nginx (kind manifest) on "kind"');
    expect(run.output).toContain('kind has no metrics-server addon');
    const archives = calls('kind', 'load').filter((c) => c.args[1] === 'image-archive');
    expect(archives.length).toBe(2);
    const onNode = ws.sandbox.state.images('kind/kind').map((image) => image.ref.split(':')[0]);
    expect([...new Set(onNode)].sort()).toEqual([IMAGE_NAMES.api, IMAGE_NAMES.frontend].sort());
    const release = ws.sandbox.state.release('kind-kind', 'pakaura', 'pakaura')?.revisions.at(-1);
    expect(release?.info.status).toBe('deployed');
    const helm = ws.sandbox.calls('helm').filter((c) => c.args.includes('--kube-context'));
    for (const call of helm) {
      expect(call.args[call.args.indexOf('--kube-context') + 1]).toBe('kind-kind');
    }
  });

  it('rejects an unknown executor option, and the target does not run', async () => {
    ws.sandbox.clearCalls();
    const run = await ws.nx([
      'run',
      `${ENVIRONMENT_PROJECT}:cluster`,
      '--cpu=2',
      '--output-style=static',
    ]);
    expect(run.code).not.toBe(0);
    expect(run.output).toMatch(/'cpu' is not found in schema/);
    const clusterCalls = ws.sandbox.calls('minikube').filter((c) => c.args[0] !== 'version');
    expect(clusterCalls, 'only prereqs asked minikube for its version').toEqual([]);
  });

  it('ends with exit code 1, not 130, when a prerequisite is missing, and runs nothing that needs it', async () => {
    const shim = join(ws.sandbox.binDir, 'minikube');
    renameSync(shim, `${shim}.away`);
    try {
      ws.sandbox.clearCalls();
      const withoutMinikube = ws.sandbox.env.PATH.split(delimiter)
        .filter((dir) => !existsSync(join(dir, 'minikube')))
        .join(delimiter);
      const run = await ws.nx(
        ['run-many', '-t', 'addon-ingress,addon-metrics-server', '--output-style=static'],
        { PATH: withoutMinikube },
      );
      expect(run.code, run.output).toBe(1);
      expect(run.output).toContain('minikube (not found on PATH)');
      expect(run.output).toContain('Tasks not run because their dependencies failed');
      expect(ws.sandbox.calls('minikube')).toEqual([]);
    } finally {
      renameSync(`${shim}.away`, shim);
    }
  });

  it('runs the executors from the output of executors:build, rebuilt when a source changed', async () => {
    const source = 'tools/executors/src/executors/cluster/cluster.impl.ts';
    const cluster = (...extra: string[]) =>
      ws.nx(['run', `${ENVIRONMENT_PROJECT}:cluster`, ...extra, '--output-style=static']);
    ws.append(source, "\nlogger.info('cluster executor as edited');\n");

    const stale = await cluster('--excludeTaskDependencies');
    expect(stale.code, stale.output).toBe(0);
    expect(stale.output, 'ran the built output, not the source').not.toContain(
      'cluster executor as edited',
    );

    const rebuilt = await cluster();
    expect(rebuilt.code, rebuilt.output).toBe(0);
    expect(rebuilt.output).toContain('cluster executor as edited');
  });
});
