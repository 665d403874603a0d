import { describe, expect, it } from 'vitest';
import { DEFAULT_TIMEOUTS, normalizeVerifyOptions } from './options';

describe('normalizeVerifyOptions', () => {
  it('defaults to the pakaura release and namespace, every check, the seed timeouts', () => {
    expect(normalizeVerifyOptions()).toEqual({
      kubeconfig: undefined,
      context: undefined,
      namespace: 'pakaura',
      release: 'pakaura',
      safe: false,
      only: [],
      timeouts: DEFAULT_TIMEOUTS,
      ingressPort: 80,
      helm: undefined,
    });
    expect(DEFAULT_TIMEOUTS.replacementMs).toBe(60_000);
  });

  it('keeps the defaults for timeouts that are not given', () => {
    const options = normalizeVerifyOptions({
      timeouts: { replacementMs: 5_000, requestMs: undefined },
    });
    expect(options.timeouts).toEqual({ ...DEFAULT_TIMEOUTS, replacementMs: 5_000 });
  });

  it('refuses an unknown check name and lists the real ones', () => {
    expect(() => normalizeVerifyOptions({ only: ['pods', 'selfhealing'] })).toThrow(
      'Unknown check selfhealing. Checks: pods, api-health, frontend, secrets, release, chatbot, self-healing, persistence',
    );
  });

  it('refuses a port or timeout that is not a positive number', () => {
    expect(() => normalizeVerifyOptions({ ingressPort: 0 })).toThrow(
      '--ingress-port must be a port number (1-65535), got 0',
    );
    expect(() => normalizeVerifyOptions({ timeouts: { replacementMs: -1 } })).toThrow(
      'Timeout replacementMs must be a positive number of milliseconds, got -1',
    );
  });
});
