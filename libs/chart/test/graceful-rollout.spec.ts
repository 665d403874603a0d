import { NAMESPACE, RELEASE_NAME } from '@pakaura/contract';
import { bundledBinary, type HelmMajor } from '@pakaura/deploy-kube/process';
import {
  formatFinding,
  helmTemplate,
  parseManifests,
  validateBundle,
  type ManifestObject,
  type ParsedManifests,
} from '@pakaura/deploy-validate';
import { describe, expect, it } from 'vitest';
import { CHART_DIR, find, renderChart } from './chart';
import { container, podSpec } from './workloads';

async function renderFor(kubeVersion: string, major: HelmMajor): Promise<ParsedManifests> {
  const chart = { helm: bundledBinary('helm', major), chartDir: CHART_DIR, kubeVersion };
  const yaml = await helmTemplate(chart, { name: RELEASE_NAME, namespace: NAMESPACE });
  return parseManifests(yaml, CHART_DIR, `kube ${kubeVersion}`);
}

const preStopOf = (objects: readonly ManifestObject[], name: 'api' | 'frontend') =>
  container(find(objects, 'Deployment', name), name).lifecycle?.preStop;

describe.each<HelmMajor>([3, 4])('a rollout that drops no request (helm %i)', (major) => {
  it('pauses with `sleep` from the image on Kubernetes 1.29, where the sleep action is alpha and off', async () => {
    const { objects } = await renderFor('1.29.0', major);
    for (const name of ['api', 'frontend'] as const) {
      expect(preStopOf(objects, name)).toEqual({ exec: { command: ['sleep', '5'] } });
    }
  });

  it("uses Kubernetes' own sleep action from 1.30, where it is beta and on, needing nothing in the image", async () => {
    const parsed = await renderFor('1.30.0', major);
    for (const name of ['api', 'frontend'] as const) {
      expect(preStopOf(parsed.objects, name)).toEqual({ sleep: { seconds: 5 } });
    }
    const findings = await validateBundle(parsed);
    expect(findings.map(formatFinding)).toEqual([]);
  });
});

describe('the preStop pause and the grace period', () => {
  it('follow the values, and a pause of 0 renders no lifecycle at all', async () => {
    const { objects } = await renderChart({
      'api.preStopSleepSeconds': 0,
      'frontend.preStopSleepSeconds': 12,
      'frontend.terminationGracePeriodSeconds': 45,
    });
    expect(preStopOf(objects, 'api')).toBeUndefined();
    expect(preStopOf(objects, 'frontend')).toEqual({ exec: { command: ['sleep', '12'] } });
    expect(podSpec(find(objects, 'Deployment', 'frontend')).terminationGracePeriodSeconds).toBe(45);
  });

  it('refuses a pause that does not fit in the grace period, naming both keys', async () => {
    await expect(
      renderChart({ 'api.preStopSleepSeconds': 40, 'api.terminationGracePeriodSeconds': 40 }),
    ).rejects.toThrow(
      'api.preStopSleepSeconds (40) must be below api.terminationGracePeriodSeconds (40)',
    );
  });
});
