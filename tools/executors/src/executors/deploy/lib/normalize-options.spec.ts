import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { DeployExecutorSchema } from '../schema';
import { normalizeOptions } from './normalize-options';

function workspace(): string {
  const root = mkdtempSync(join(tmpdir(), 'pakaura-deploy-options-'));
  mkdirSync(join(root, 'libs', 'chart'), { recursive: true });
  writeFileSync(join(root, 'libs', 'chart', 'Chart.yaml'), 'name: pakaura\n');
  writeFileSync(join(root, 'local.yaml'), 'api: {}\n');
  return root;
}

const contextFor = (root: string) => ({
  root,
  projectName: 'chart',
  projectsConfigurations: { version: 2, projects: { chart: { root: 'libs/chart' } } },
});

describe('normalizeOptions (deploy)', () => {
  it("deploys the project's chart as release pakaura in namespace pakaura, both images, seed T044's wait", () => {
    const root = workspace();
    expect(normalizeOptions({}, contextFor(root), {})).toEqual({
      workspaceRoot: root,
      chartDir: join(root, 'libs', 'chart'),
      release: 'pakaura',
      namespace: 'pakaura',
      kubeconfig: undefined,
      context: undefined,
      cluster: { provider: 'minikube', name: 'minikube', context: 'minikube' },
      valuesFiles: [],
      set: {},
      apps: ['api', 'frontend'],
      timeout: '5m',
      atomic: true,
      force: false,
      forceConflicts: false,
      failFast: true,
      helm: undefined,
    });
  });

  it('resolves values files against the workspace and turns --set values into strings', () => {
    const root = workspace();
    const options: DeployExecutorSchema = {
      values: ['local.yaml'],
      set: { 'api.replicas': 1, 'ingress.enabled': false },
    };
    expect(normalizeOptions(options, contextFor(root), {})).toMatchObject({
      valuesFiles: [join(root, 'local.yaml')],
      set: { 'api.replicas': '1', 'ingress.enabled': 'false' },
    });
  });

  it('takes the helm program from PAKAURA_HELM unless the option names one', () => {
    const root = workspace();
    expect(normalizeOptions({}, contextFor(root), { PAKAURA_HELM: '/opt/helm4' }).helm).toBe(
      '/opt/helm4',
    );
    expect(
      normalizeOptions({ helm: 'helm' }, contextFor(root), { PAKAURA_HELM: '/opt/helm4' }).helm,
    ).toBe('helm');
  });

  it('refuses a chart directory without Chart.yaml, a missing values file and a bad timeout', () => {
    const root = workspace();
    expect(() => normalizeOptions({ chart: 'apps' }, contextFor(root), {})).toThrow(
      `${join(root, 'apps')} is not a Helm chart (no Chart.yaml): fix the "chart" option.`,
    );
    expect(() => normalizeOptions({ values: ['nope.yaml'] }, contextFor(root), {})).toThrow(
      `Values file ${join(root, 'nope.yaml')} does not exist: fix the "values" option.`,
    );
    expect(() => normalizeOptions({ timeout: '5 minutes' }, contextFor(root), {})).toThrow(
      'timeout must look like 300s, 5m or 1h (got "5 minutes").',
    );
  });
});
