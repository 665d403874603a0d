import type { V1Service } from '@kubernetes/client-node';
import { describe, expect, it } from 'vitest';
import type { PodRunner } from '../pod/pod-runner';
import { hostsFile, serviceNames } from './hosts';
import { hostEntries, serviceRoutes } from './services';

function pod(
  name: string,
  ip: string,
  ready: boolean,
  labels: Record<string, string>,
  extra: object = {},
): PodRunner {
  return {
    name,
    namespace: 'pakaura',
    podIP: ip,
    ready,
    deleting: false,
    pod: {
      metadata: { name, labels },
      spec: {
        containers: [{ name: 'c', ports: [{ name: 'http', containerPort: 8000 }] }],
        ...extra,
      },
    },
  } as unknown as PodRunner;
}

const api: V1Service = {
  metadata: { name: 'api', namespace: 'pakaura' },
  spec: { selector: { app: 'api' }, ports: [{ name: 'http', port: 80, targetPort: 'http' }] },
};
const db: V1Service = {
  metadata: { name: 'postgresql', namespace: 'pakaura' },
  spec: { clusterIP: 'None', selector: { app: 'db' }, ports: [{ port: 5432 }] },
};
const pods = [
  pod('api-1', '198.18.0.2', true, { app: 'api' }),
  pod('api-2', '198.18.0.3', false, { app: 'api' }),
  pod(
    'postgresql-0',
    '198.18.0.4',
    true,
    { app: 'db' },
    { hostname: 'postgresql-0', subdomain: 'postgresql' },
  ),
];

describe('serviceRoutes', () => {
  it('sends a ClusterIP Service port to the Ready pods only, on their named target port', () => {
    expect(
      serviceRoutes([{ service: api, clusterIP: '198.18.0.200' }, { service: db }], pods),
    ).toEqual([{ ip: '198.18.0.200', port: 80, endpoints: [{ ip: '198.18.0.2', port: 8000 }] }]);
  });
});

describe('hostEntries', () => {
  it('names a ClusterIP Service by its address and a headless one by its Ready pods, with <pod>.<service>', () => {
    expect(
      hostEntries([{ service: api, clusterIP: '198.18.0.200' }, { service: db }], pods),
    ).toEqual([
      { address: '198.18.0.200', names: serviceNames('api', 'pakaura') },
      { address: '198.18.0.4', names: serviceNames('postgresql', 'pakaura') },
      { address: '198.18.0.4', names: serviceNames('postgresql-0.postgresql', 'pakaura') },
    ]);
  });
});

describe('hostsFile', () => {
  it("writes the kubelet's own lines, the pod FQDN when it has a subdomain, then every name", () => {
    const text = hostsFile(
      {
        address: '198.18.0.4',
        hostname: 'postgresql-0',
        subdomain: 'postgresql',
        namespace: 'pakaura',
      },
      [{ address: '198.18.0.200', names: ['api', 'api.pakaura'] }],
    );
    expect(text.split('\n').slice(1)).toEqual([
      '127.0.0.1\tlocalhost',
      '::1\tlocalhost ip6-localhost ip6-loopback',
      '198.18.0.4\tpostgresql-0.postgresql.pakaura.svc.cluster.local\tpostgresql-0',
      '198.18.0.200\tapi api.pakaura',
      '',
    ]);
  });
});
