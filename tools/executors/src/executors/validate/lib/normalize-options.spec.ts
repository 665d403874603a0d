import type { ExecutorContext } from '@nx/devkit';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { normalizeOptions } from './normalize-options';

function workspace(withKustomization = true) {
  const root = mkdtempSync(join(tmpdir(), 'pakaura-validate-opts-'));
  mkdirSync(join(root, 'libs/k8s-manifests'), { recursive: true });
  if (withKustomization) writeFileSync(join(root, 'libs/k8s-manifests/kustomization.yaml'), '');
  const context = {
    root,
    projectName: 'k8s-manifests',
    projectsConfigurations: {
      version: 2,
      projects: { 'k8s-manifests': { root: 'libs/k8s-manifests' } },
    },
  } as unknown as ExecutorContext;
  return { root, context };
}

describe('normalizeOptions', () => {
  it("validates the project's own folder, with kustomize and a server dry run when possible", () => {
    const { root, context } = workspace();
    expect(normalizeOptions({}, context)).toEqual({
      workspaceRoot: root,
      manifestsDir: join(root, 'libs/k8s-manifests'),
      manifestsLabel: 'libs/k8s-manifests',
      kustomize: true,
      serverDryRun: 'never',
      context: undefined,
      namespace: 'pakaura',
    });
  });

  it('takes a folder relative to the workspace, and every option given', () => {
    const { root, context } = workspace();
    mkdirSync(join(root, 'other'));
    expect(
      normalizeOptions(
        {
          manifestsDir: 'other',
          kustomize: false,
          serverDryRun: 'never',
          context: 'kind-dev',
          namespace: 'x',
        },
        context,
      ),
    ).toMatchObject({
      manifestsDir: join(root, 'other'),
      manifestsLabel: 'other',
      kustomize: false,
      serverDryRun: 'never',
      context: 'kind-dev',
      namespace: 'x',
    });
  });

  it('refuses a folder that does not exist', () => {
    const { context } = workspace();
    expect(() => normalizeOptions({ manifestsDir: 'nope' }, context)).toThrow(
      'manifestsDir nope does not exist: point it at the folder of the manifests.',
    );
  });

  it('refuses kustomize without a kustomization.yaml, saying how to turn it off', () => {
    const { context } = workspace(false);
    expect(() => normalizeOptions({}, context)).toThrow(
      'libs/k8s-manifests has no kustomization.yaml: add one, or set kustomize: false.',
    );
  });
});
