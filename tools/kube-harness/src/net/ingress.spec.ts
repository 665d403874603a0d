import type { V1Ingress } from '@kubernetes/client-node';
import { describe, expect, it } from 'vitest';
import { matchRoute, nginxSize } from './ingress';

const ingress: V1Ingress = {
  metadata: { name: 'pakaura', namespace: 'pakaura' },
  spec: {
    rules: [
      {
        host: 'pakaura.local',
        http: {
          paths: [
            {
              path: '/api',
              pathType: 'Prefix',
              backend: { service: { name: 'api', port: { name: 'http' } } },
            },
            {
              path: '/',
              pathType: 'Prefix',
              backend: { service: { name: 'frontend', port: { name: 'http' } } },
            },
            {
              path: '/exact',
              pathType: 'Exact',
              backend: { service: { name: 'exact', port: { number: 1 } } },
            },
          ],
        },
      },
    ],
  },
};
const to = (host: string, path: string) => matchRoute([ingress], host, path)?.backend.service?.name;

describe('matchRoute', () => {
  it('sends /api and below to the API and the rest to the frontend, by whole path segments', () => {
    expect([
      to('pakaura.local', '/api/v1/health'),
      to('pakaura.local', '/api'),
      to('pakaura.local', '/apix'),
    ]).toEqual(['api', 'api', 'frontend']);
  });

  it('matches Exact paths exactly and refuses a host no rule names', () => {
    expect([to('pakaura.local', '/exact'), to('pakaura.local', '/exact/x')]).toEqual([
      'exact',
      'frontend',
    ]);
    expect(to('127.0.0.1', '/')).toBeUndefined();
  });
});

describe('nginxSize', () => {
  it('reads nginx sizes', () => {
    expect([nginxSize('1m'), nginxSize('512k'), nginxSize('0'), nginxSize('lots')]).toEqual([
      1048576,
      524288,
      0,
      undefined,
    ]);
  });
});
