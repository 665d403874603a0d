import { describe, expect, it } from 'vitest';
import { resolveClusterTarget } from './options';

describe('resolveClusterTarget', () => {
  it("defaults to minikube's default profile and context", () => {
    expect(resolveClusterTarget({}, {})).toEqual({
      provider: 'minikube',
      name: 'minikube',
      context: 'minikube',
    });
  });

  it('takes unset options from PAKAURA_* variables, and set options over them', () => {
    const env = { PAKAURA_CLUSTER_PROVIDER: 'kind', PAKAURA_KIND_CLUSTER: 'dev' };
    expect(resolveClusterTarget({}, env)).toEqual({
      provider: 'kind',
      name: 'dev',
      context: 'kind-dev',
    });
    expect(resolveClusterTarget({ provider: 'minikube', minikubeProfile: 'ci' }, env)).toEqual({
      provider: 'minikube',
      name: 'ci',
      context: 'ci',
    });
  });

  it('refuses an unknown provider with the accepted values', () => {
    expect(() => resolveClusterTarget({ provider: 'k3s' }, {})).toThrow(
      'provider must be minikube or kind (got "k3s", from --provider or PAKAURA_CLUSTER_PROVIDER).',
    );
  });
});
