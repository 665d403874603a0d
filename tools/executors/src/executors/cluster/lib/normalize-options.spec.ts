import { describe, expect, it } from 'vitest';
import { normalizeOptions } from './normalize-options';

describe('normalizeOptions (cluster)', () => {
  it("uses the seed's T002 values by default", () => {
    expect(normalizeOptions({}, {}, '/ws')).toEqual({
      provider: 'minikube',
      name: 'minikube',
      driver: 'docker',
      cpus: 4,
      memory: 8192,
      diskSize: '20g',
      kubernetesVersion: 'v1.29.0',
      kindConfig: '/ws/tools/local-cluster/kind-config.yaml',
    });
  });

  it('names a kind cluster from the option or PAKAURA_KIND_CLUSTER', () => {
    expect(normalizeOptions({ provider: 'kind', kindCluster: 'dev' }, {})).toMatchObject({
      provider: 'kind',
      name: 'dev',
    });
    expect(
      normalizeOptions({}, { PAKAURA_CLUSTER_PROVIDER: 'kind', PAKAURA_KIND_CLUSTER: 'ci' }).name,
    ).toBe('ci');
  });

  it('keeps explicit sizes', () => {
    expect(normalizeOptions({ cpus: 2, memory: 4096, diskSize: '30g' }, {})).toMatchObject({
      cpus: 2,
      memory: 4096,
      diskSize: '30g',
    });
  });
});
