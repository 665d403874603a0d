import { describe, expect, it } from 'vitest';
import type { AddonExecutorSchema } from '../schema';
import { normalizeOptions } from './normalize-options';

describe('normalizeOptions (addon)', () => {
  it('targets the default minikube profile and waits five minutes', () => {
    expect(normalizeOptions({ addon: 'ingress' }, {})).toEqual({
      addon: 'ingress',
      provider: 'minikube',
      profile: 'minikube',
      timeoutSeconds: 300,
    });
  });

  it('takes the profile from PAKAURA_MINIKUBE_PROFILE', () => {
    expect(
      normalizeOptions({ addon: 'metrics-server' }, { PAKAURA_MINIKUBE_PROFILE: 'ci' }).profile,
    ).toBe('ci');
  });

  it('refuses an addon the graph does not know', () => {
    expect(() =>
      normalizeOptions({ addon: 'dashboard' } as unknown as AddonExecutorSchema, {}),
    ).toThrow('addon must be one of ingress, metrics-server (got "dashboard").');
  });
});
