import { describe, expect, it } from 'vitest';
import { verifyRunOptions } from './command-options';

describe('the verify options of pakaura verify and chart:verify', () => {
  it('verifies the local cluster (its context checked by the guard), every check, and dist/verify under the workspace', () => {
    const options = verifyRunOptions({}, '/ws', {});
    expect(options.context).toBeUndefined();
    expect(options).toMatchObject({
      cluster: { provider: 'minikube', name: 'minikube', context: 'minikube' },
      namespace: 'pakaura',
      release: 'pakaura',
      safe: false,
      only: [],
      reportDir: '/ws/dist/verify',
      timeouts: { replacementMs: 60_000, databaseRestartMs: 120_000 },
    });
  });

  it('follows PAKAURA_CLUSTER_PROVIDER to the kind context, and turns seconds into milliseconds', () => {
    const options = verifyRunOptions(
      {
        safe: true,
        checks: ['pods'],
        replacementTimeout: 30,
        ingressTimeout: 5,
        ingressHost: '127.0.0.1',
        reportDir: '/tmp/r',
      },
      '/ws',
      { PAKAURA_CLUSTER_PROVIDER: 'kind' },
    );
    expect(options).toMatchObject({
      cluster: { provider: 'kind', name: 'kind', context: 'kind-kind' },
      safe: true,
      only: ['pods'],
      reportDir: '/tmp/r',
      timeouts: { replacementMs: 30_000, ingressAddressMs: 5_000 },
      ingressHost: '127.0.0.1',
    });
  });

  it('refuses a check name the suite does not have', () => {
    expect(() => verifyRunOptions({ checks: ['podz' as never] }, '/ws', {})).toThrow(
      /^Unknown check podz\./,
    );
  });
});
