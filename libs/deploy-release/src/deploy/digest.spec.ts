import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { chartFiles, deployDigest, digestOf } from './digest';

function chart(): string {
  const dir = mkdtempSync(join(tmpdir(), 'pakaura-digest-'));
  mkdirSync(join(dir, 'templates'));
  mkdirSync(join(dir, 'test'));
  writeFileSync(join(dir, 'Chart.yaml'), 'name: demo\n');
  writeFileSync(join(dir, 'values.yaml'), 'replicas: 2\n');
  writeFileSync(join(dir, 'templates', 'a.yaml'), 'kind: ConfigMap\n');
  writeFileSync(join(dir, 'README.md'), '# docs\n');
  writeFileSync(join(dir, 'test', 'render.spec.ts'), 'test\n');
  writeFileSync(join(dir, '.helmignore'), '*.md\n/test/\n');
  return dir;
}

describe('deploy digest', () => {
  it('covers the files helm packages, not those .helmignore leaves out', () => {
    expect(chartFiles(chart())).toEqual([
      '.helmignore',
      'Chart.yaml',
      'templates/a.yaml',
      'values.yaml',
    ]);
  });

  it('is the same for the same inputs, whatever the order of --set keys', () => {
    const dir = chart();
    const a = deployDigest({ chartDir: dir, valuesFiles: [], set: { x: '1', y: '2' } });
    const b = deployDigest({ chartDir: dir, valuesFiles: [], set: { y: '2', x: '1' } });
    expect(a).toBe(b);
    expect(a).toMatch(/^[0-9a-f]{32}$/);
  });

  it('changes with a template, a values file or an image tag, but not with an ignored file', () => {
    const dir = chart();
    const values = join(dir, '..', `${Date.now()}-values.yaml`);
    writeFileSync(values, 'a: 1\n');
    const base = { chartDir: dir, valuesFiles: [values], set: { 'api.image.tag': '4.0.0-aaa' } };
    const before = deployDigest(base);

    writeFileSync(join(dir, 'README.md'), '# other docs\n');
    expect(deployDigest(base)).toBe(before);

    expect(deployDigest({ ...base, set: { 'api.image.tag': '4.0.0-bbb' } })).not.toBe(before);
    writeFileSync(values, 'a: 2\n');
    const afterValues = deployDigest(base);
    expect(afterValues).not.toBe(before);
    writeFileSync(join(dir, 'templates', 'a.yaml'), 'kind: Secret\n');
    expect(deployDigest(base)).not.toBe(afterValues);
  });

  it('reads the digest back out of a release description', () => {
    expect(digestOf('Deployed by Pakaura (pakaura-digest=0a1b2c)')).toBe('0a1b2c');
    expect(digestOf('Upgrade complete')).toBeUndefined();
    expect(digestOf(undefined)).toBeUndefined();
  });
});
