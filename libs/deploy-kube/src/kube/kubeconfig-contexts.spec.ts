import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadKubeConfig } from './client';
import { selectedContext } from './kubeconfig-contexts';

function kubeconfig(contexts: string[], current: string): string {
  const file = join(mkdtempSync(join(tmpdir(), 'pakaura-contexts-')), 'config');
  writeFileSync(
    file,
    [
      'apiVersion: v1',
      'kind: Config',
      'clusters:',
      ...contexts.map((c) => `  - name: ${c}\n    cluster:\n      server: https://127.0.0.1:1`),
      'users:',
      '  - name: u\n    user:\n      token: t',
      'contexts:',
      ...contexts.map((c) => `  - name: ${c}\n    context:\n      cluster: ${c}\n      user: u`),
      `current-context: "${current}"`,
    ].join('\n'),
  );
  return file;
}

describe('selectedContext', () => {
  it('agrees with client-node on the current context and on a named one', () => {
    const file = kubeconfig(['minikube', 'kind-dev'], 'kind-dev');
    expect(selectedContext({ kubeconfig: file })).toBe(
      loadKubeConfig({ kubeconfig: file }).getCurrentContext(),
    );
    expect(selectedContext({ kubeconfig: file, context: 'minikube' })).toBe('minikube');
  });

  it("merges $KUBECONFIG's files in order: the first current-context wins, contexts add up", () => {
    const first = kubeconfig(['minikube'], 'minikube');
    const second = kubeconfig(['prod'], 'prod');
    const env = { KUBECONFIG: `${first}:${second}` };
    expect(selectedContext({}, env)).toBe('minikube');
    expect(selectedContext({ context: 'prod' }, env)).toBe('prod');
  });

  it('refuses an unknown context, and an empty configuration, as loadKubeConfig does', () => {
    const file = kubeconfig(['minikube'], 'minikube');
    expect(() => selectedContext({ kubeconfig: file, context: 'typo' })).toThrow(
      'Kube context "typo" is not in the kubeconfig (known: minikube).',
    );
    expect(() => selectedContext({ kubeconfig: kubeconfig([], '') })).toThrow(
      'No kube context is configured. Start a cluster first: nx run local-cluster:cluster',
    );
    expect(() => selectedContext({ kubeconfig: '/nonexistent/config' })).toThrow(
      'Cannot read the kubeconfig /nonexistent/config.',
    );
  });
});
