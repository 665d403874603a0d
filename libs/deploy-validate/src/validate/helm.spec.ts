import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { bundledBinary } from '@pakaura/deploy-kube/process';
import { helmLint, helmTemplate, type HelmChart } from './helm';
import { parseManifests } from './parse';
import { renderVariants } from './render-matrix';

const chart: HelmChart = {
  helm: bundledBinary('helm', 3),
  chartDir: join(__dirname, '__fixtures__', 'chart'),
};
const release = { name: 'demo', namespace: 'shop' };

describe('helm wrappers (real helm 3)', () => {
  it('renders with typed values: numbers stay numbers, strings stay strings', async () => {
    const yaml = await helmTemplate(chart, release, { replicas: 3, greeting: '007' });
    const [configMap] = parseManifests(yaml, 'x').objects;
    expect(configMap.object['metadata']).toEqual({ name: 'demo-greeting', namespace: 'shop' });
    expect(configMap.object['data']).toEqual({ greeting: '007', replicas: '3', kind: 'float64' });
  });

  it("names the values key the chart's schema refuses", async () => {
    await expect(helmTemplate(chart, release, { replicas: -1 })).rejects.toThrow(
      /^helm template failed: values don't meet the specifications[\s\S]*replicas: Must be greater than or equal to 1/,
    );
    await expect(helmTemplate(chart, release, { replcas: 2 })).rejects.toThrow(
      /Additional property replcas is not allowed/,
    );
  });

  it('passes a strict lint, and fails one with everything helm reported', async () => {
    await expect(helmLint(chart)).resolves.toMatch(/1 chart\(s\) linted, 0 chart\(s\) failed/);
    const error = await helmLint(chart, { replicas: -1 }).catch((e: Error) => e);
    expect(String(error)).toMatch(
      /^Error: helm lint --strict failed for .*chart:\n {2}\[ERROR\] values\.yaml: - replicas: Must be greater than or equal to 1\n/,
    );
    expect(String(error)).toContain('  - replicas: Must be greater than or equal to 1');
  });

  it('masks secret values in its errors', async () => {
    await expect(
      helmTemplate(chart, release, { greeting: 'hunter2-secret', broken: true }),
    ).rejects.toThrow(/broken is true/);
    const error = await helmTemplate(chart, release, {
      greeting: 'hunter2-secret',
      replicas: 'hunter2-secret',
    }).catch((e: Error) => e);
    expect(String(error)).not.toContain('hunter2-secret');
  });

  it('renders each variant and tags its objects with the variant name', async () => {
    const renders = await renderVariants(chart, release, [
      { name: 'one', description: '', values: {} },
      { name: 'two', description: '', values: { replicas: 2 } },
      { name: 'three', description: '', values: { replicas: 3 } },
    ]);
    expect(
      renders.map((r) => [r.variant.name, r.objects[0].source, r.objects[0].object['data']]),
    ).toEqual([
      ['one', 'tiny/templates/configmap.yaml (one)', expect.objectContaining({ replicas: '1' })],
      ['two', 'tiny/templates/configmap.yaml (two)', expect.objectContaining({ replicas: '2' })],
      [
        'three',
        'tiny/templates/configmap.yaml (three)',
        expect.objectContaining({ replicas: '3' }),
      ],
    ]);
  });
});
