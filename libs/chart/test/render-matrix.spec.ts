import { randomBytes } from 'node:crypto';
import { bundledBinary, type HelmMajor } from '@pakaura/deploy-kube/process';
import {
  RENDER_MATRIX,
  formatFinding,
  helmLint,
  parseManifests,
  validateBundle,
} from '@pakaura/deploy-validate';
import { describe, expect, it } from 'vitest';
import { CHART_DIR, kinds, renderChart } from './chart';

describe.each<HelmMajor>([3, 4])('the chart with helm %i', (major) => {
  const chart = { helm: bundledBinary('helm', major), chartDir: CHART_DIR };

  it('passes helm lint --strict for every variant of the render matrix', async () => {
    for (const variant of RENDER_MATRIX) await helmLint(chart, variant.values);
  });

  it.each(RENDER_MATRIX.map((v) => [v.name, v] as const))(
    'renders %s valid for Kubernetes 1.29 and policy-clean',
    async (_name, variant) => {
      const { yaml } = await renderChart(variant.values, major);
      const findings = await validateBundle(parseManifests(yaml, CHART_DIR, variant.name));
      expect(findings.map(formatFinding)).toEqual([]);
    },
  );
});

describe('the seed checkpoints (T041, phase 4)', () => {
  it('renders 7+ resource kinds and over 200 lines with the two secrets given', async () => {
    const { yaml, objects } = await renderChart({
      'secrets.jwtSecret': randomBytes(32).toString('base64'),
      'secrets.dbPassword': 'x',
    });
    expect(kinds(objects).length).toBeGreaterThanOrEqual(7);
    expect(yaml.split('\n').length).toBeGreaterThan(200);
  });

  it('renders without any value given: nothing is required to install', async () => {
    const { objects } = await renderChart();
    expect(kinds(objects)).toEqual([
      'ConfigMap',
      'Deployment',
      'HorizontalPodAutoscaler',
      'Ingress',
      'Job',
      'NetworkPolicy',
      'Pod',
      'PodDisruptionBudget',
      'Secret',
      'Service',
      'StatefulSet',
    ]);
  });

  it('renders each component only when it is enabled', async () => {
    const off = await renderChart({
      'frontend.enabled': false,
      'ingress.enabled': false,
      'networkPolicy.enabled': false,
      'migration.enabled': false,
    });
    const names = off.objects.map(
      (m) =>
        `${String(m.object['kind'])}/${String((m.object['metadata'] as { name: string }).name)}`,
    );
    expect(names.filter((n) => /frontend|Ingress|NetworkPolicy|Job/.test(n))).toEqual([]);
    expect(names).toContain('Deployment/api');
  });
});
