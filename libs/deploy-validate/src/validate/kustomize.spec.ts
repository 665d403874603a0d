import { cpSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { bundledBinary } from '@pakaura/deploy-kube/process';
import { kustomizeBuild } from './kustomize';
import { parseManifests } from './parse';
import { isPlaceholder, placeholderSecrets } from './placeholders';

const kubectl = bundledBinary('kubectl', 3);

function fixtureCopy(): string {
  const dir = mkdtempSync(join(tmpdir(), 'pakaura-kustomize-spec-'));
  cpSync(join(__dirname, '__fixtures__', 'kustomize'), dir, { recursive: true });
  return dir;
}

describe('kustomizeBuild (real kubectl kustomize)', () => {
  it("builds without anyone's secrets.env, generating values for the example's keys", async () => {
    const build = await kustomizeBuild(kubectl, fixtureCopy());
    const { objects } = parseManifests(build.yaml, 'build');
    const secret = objects.find((o) => o.object['kind'] === 'Secret');
    expect(build.generatedSecrets).toBe(true);
    expect(secret?.object['metadata']).toMatchObject({ name: 'shop-secrets', namespace: 'shop' });
    expect(Object.keys(secret?.object['data'] as object)).toEqual([
      'COHERE_API_KEY',
      'DB_PASSWORD',
    ]);
    expect(placeholderSecrets(objects)).toEqual([]);
  });

  it("uses the operator's secrets.env when there is one, and finds its placeholders", async () => {
    const dir = fixtureCopy();
    writeFileSync(join(dir, 'secrets.env'), 'DB_PASSWORD=CHANGE_ME\nCOHERE_API_KEY=\n');
    const build = await kustomizeBuild(kubectl, dir);
    const found = placeholderSecrets(parseManifests(build.yaml, 'build').objects);
    expect(build.generatedSecrets).toBe(false);
    expect(found.map((f) => `${f.object} ${f.path}: ${f.message}`)).toEqual([
      'Secret/shop-secrets data.DB_PASSWORD: still holds the placeholder "CHANGE_ME": set a real value before applying',
    ]);
  });

  it("fails with kubectl's reason and where to look when the kustomization is broken", async () => {
    const dir = fixtureCopy();
    writeFileSync(join(dir, 'kustomization.yaml'), 'resources:\n  - missing.yaml\n');
    await expect(kustomizeBuild(kubectl, dir)).rejects.toThrow(
      /kustomize failed: [\s\S]*missing\.yaml[\s\S]*Check .*kustomization\.yaml/,
    );
  });
});

describe('isPlaceholder', () => {
  it.each([
    ['CHANGE_ME', true],
    ['changeme', true],
    ['<your cohere key>', true],
    ['${DB_PASSWORD}', true],
    ['xxxx', true],
    ['', false],
    ['s3cr3t-Value-123', false],
  ])('%j is a placeholder: %s', (value, expected) => {
    expect(isPlaceholder(value)).toBe(expected);
  });
});
