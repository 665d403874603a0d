import { describe, expect, it } from 'vitest';
import { normalizeOptions } from './normalize-options';

describe('normalizeOptions (prereqs)', () => {
  it("checks the seed's four tools by default", () => {
    expect(normalizeOptions({}, {})).toEqual({
      tools: ['docker', 'minikube', 'kubectl', 'helm'],
      allowBundled: true,
      checkDockerEngine: true,
    });
  });

  it('checks kind instead of minikube for the kind provider, from the option or the environment', () => {
    expect(normalizeOptions({ provider: 'kind' }, {}).tools).toEqual([
      'docker',
      'kind',
      'kubectl',
      'helm',
    ]);
    expect(normalizeOptions({}, { PAKAURA_CLUSTER_PROVIDER: 'kind' }).tools).toContain('kind');
  });

  it('checks exactly the listed tools, once each', () => {
    expect(normalizeOptions({ tools: ['helm', 'helm', 'kubectl'] }, {}).tools).toEqual([
      'helm',
      'kubectl',
    ]);
  });
});
