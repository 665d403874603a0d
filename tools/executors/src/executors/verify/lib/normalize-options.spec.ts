import { describe, expect, it } from 'vitest';
import { normalizeOptions } from './normalize-options';

describe('verify executor options', () => {
  it("defaults to the local cluster's context, every check, and dist/verify under the workspace", () => {
    const options = normalizeOptions({}, '/ws', {});
    expect(options).toMatchObject({
      context: 'minikube',
      namespace: 'pakaura',
      release: 'pakaura',
      safe: false,
      only: [],
      reportDir: '/ws/dist/verify',
      timeouts: { replacementMs: 60_000, databaseRestartMs: 120_000 },
    });
  });

  it('follows PAKAURA_CLUSTER_PROVIDER to the kind context, and turns seconds into milliseconds', () => {
    const options = normalizeOptions(
      { safe: true, checks: ['pods'], replacementTimeout: 30, reportDir: '/tmp/r' },
      '/ws',
      { PAKAURA_CLUSTER_PROVIDER: 'kind' },
    );
    expect(options).toMatchObject({
      context: 'kind-kind',
      safe: true,
      only: ['pods'],
      reportDir: '/tmp/r',
      timeouts: { replacementMs: 30_000 },
    });
  });

  it('refuses a check name the suite does not have', () => {
    expect(() => normalizeOptions({ checks: ['podz' as never] }, '/ws', {})).toThrow(
      /^Unknown check podz\./,
    );
  });
});
