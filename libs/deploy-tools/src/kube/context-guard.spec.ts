import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { guardContext, isLocalContext, LOCAL_CONTEXTS_TEXT } from './context-guard';

function kubeconfig(current: string, others: string[] = []): string {
  const names = [current, ...others];
  const file = join(mkdtempSync(join(tmpdir(), 'pakaura-guard-')), 'config');
  writeFileSync(
    file,
    JSON.stringify({
      apiVersion: 'v1',
      kind: 'Config',
      clusters: names.map((name) => ({ name, cluster: { server: 'https://127.0.0.1:1' } })),
      users: [{ name: 'u', user: { token: 't' } }],
      contexts: names.map((name) => ({ name, context: { cluster: name, user: 'u' } })),
      'current-context': current,
    }),
  );
  return file;
}

describe('context guard', () => {
  it('knows the local cluster contexts', () => {
    for (const name of [
      'minikube',
      'kind-pakaura',
      'k3d-dev',
      'docker-desktop',
      'rancher-desktop',
    ]) {
      expect(isLocalContext(name)).toBe(true);
    }
    for (const name of ['prod', 'arn:aws:eks:eu-west-1:1:cluster/x', 'minikube-old', 'gke_p_z_c']) {
      expect(isLocalContext(name)).toBe(false);
    }
    expect(LOCAL_CONTEXTS_TEXT).toBe(
      'minikube, kind-*, k3d-*, docker-desktop, docker-for-desktop, rancher-desktop',
    );
  });

  it('lets a deploy use the current context when it is a local cluster', () => {
    expect(guardContext({ kubeconfig: kubeconfig('kind-pakaura') }, 'deploy')).toEqual({
      context: 'kind-pakaura',
      explicit: false,
    });
  });

  it('refuses a current context that is not local, and says how to insist', () => {
    expect(() => guardContext({ kubeconfig: kubeconfig('prod-eu') }, 'deploy')).toThrow(
      'Refusing to deploy to kube context "prod-eu": it is not a local cluster (minikube, kind-*, k3d-*, docker-desktop, docker-for-desktop, rancher-desktop). If you mean it, name it: --context=prod-eu',
    );
    expect(() => guardContext({ kubeconfig: kubeconfig('prod-eu') }, 'destroy')).toThrow(
      /^Refusing to destroy in kube context "prod-eu"/,
    );
  });

  it('accepts any context the person names explicitly', () => {
    const file = kubeconfig('minikube', ['prod-eu']);
    expect(guardContext({ kubeconfig: file, context: 'prod-eu' }, 'deploy')).toEqual({
      context: 'prod-eu',
      explicit: true,
    });
  });

  it('refuses a named context that the kubeconfig does not have', () => {
    expect(() =>
      guardContext({ kubeconfig: kubeconfig('minikube'), context: 'typo' }, 'deploy'),
    ).toThrow('Kube context "typo" is not in the kubeconfig (known: minikube).');
  });
});
