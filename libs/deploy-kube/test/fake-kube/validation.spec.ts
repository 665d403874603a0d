import { AppsV1Api, type V1Deployment } from '@kubernetes/client-node';
import { execFile } from 'node:child_process';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { bundledBinary } from '../../src/process/bundled-binaries';
import { FakeKube } from './fake-kube';
import { certificatesOf, tlsRequest } from './tls';

let kube: FakeKube;
beforeEach(async () => {
  // TLS with client certificates: kubectl 1.32 sends no bearer token over plain HTTP.
  kube = await FakeKube.start({ namespace: 'shop', tls: true });
  kube.store.put('namespaces', { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'shop' } });
});
afterEach(async () => {
  vi.unstubAllEnvs();
  await kube.close();
});

const deployment = (container: Record<string, unknown>): V1Deployment => ({
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: { name: 'web', namespace: 'shop' },
  spec: {
    selector: { matchLabels: { app: 'web' } },
    template: {
      metadata: { labels: { app: 'web' } },
      spec: { containers: [{ name: 'web', ...container }] },
    },
  },
});

/** Runs the real kubectl 1.32 against the fake server with `input` on stdin. */
function kubectl(args: string[], input: string) {
  return new Promise<{ code: number; stdout: string; stderr: string }>((resolve) => {
    const child = execFile(
      bundledBinary('kubectl'),
      ['--kubeconfig', kube.kubeconfigPath, ...args],
      (error, stdout, stderr) =>
        resolve({
          code: error ? Number((error as { code?: number }).code ?? 1) : 0,
          stdout,
          stderr,
        }),
    );
    child.stdin?.end(input);
  });
}

/** A POST with the kubeconfig's client certificate, body sent as is (client-node would drop unknown fields). */
async function post(path: string, body: unknown) {
  const certs = certificatesOf(kube);
  const { status, headers } = await tlsRequest(
    `${kube.url}${path}`,
    { ca: certs.caCert, cert: certs.clientCert, key: certs.clientKey },
    { method: 'POST', body },
  );
  const warning = headers['warning'];
  return { status, warning: warning === undefined ? undefined : [warning].flat() };
}

describe('fake API server: objects are decoded as kube-apiserver 1.29 does', () => {
  it('refuses unknown fields under kubectl 1.32 --validate=strict with the server message, and stores nothing on a dry run', async () => {
    const bad = JSON.stringify(
      deployment({ image: 'web:1', bogus: true, resources: { limit: {} } }),
    );
    const refused = await kubectl(
      ['apply', '--dry-run=server', '--validate=strict', '-f', '-'],
      bad,
    );
    expect(refused.code).toBe(1);
    expect(refused.stderr.trim()).toBe(
      'Error from server (BadRequest): error when creating "STDIN": Deployment in version "v1" cannot be handled as a Deployment: strict decoding error: unknown field "spec.template.spec.containers[0].bogus", unknown field "spec.template.spec.containers[0].resources.limit"',
    );
    const created = kube.requests.filter((r) => r.method === 'POST');
    expect(created.map((r) => new URLSearchParams(r.query).get('fieldValidation'))).toEqual([
      'Strict',
    ]);

    const good = await kubectl(
      ['apply', '--dry-run=server', '--validate=strict', '-f', '-'],
      JSON.stringify(deployment({ image: 'web:1' })),
    );
    expect(good).toMatchObject({
      code: 0,
      stdout: 'deployment.apps/web created (server dry run)\n',
    });
    expect(kube.store.get('deployments', 'shop', 'web')).toBeUndefined();
  });

  it('answers 422 Invalid naming the field for a value the schema refuses', async () => {
    const result = await kubectl(
      ['apply', '--dry-run=server', '-f', '-'],
      JSON.stringify({ ...deployment({}), spec: { ...deployment({}).spec, replicas: 'two' } }),
    );
    expect(result.code).toBe(1);
    // kubernetes-models stops at the first schema error; kubectl words a 422 as "The request is invalid".
    expect(result.stderr.trim()).toBe(
      'The request is invalid: error when creating "STDIN": Deployment.apps "web" is invalid: spec.replicas: Invalid value: must be integer',
    );
  });

  it('accepts unknown fields without fieldValidation (the server default, Warn), drops them and says so in a Warning header', async () => {
    const apps = kube.kubeConfig().makeApiClient(AppsV1Api);
    const body = deployment({ image: 'web:1', bogus: true });
    const response = await post('/apis/apps/v1/namespaces/shop/deployments', body);
    expect(response.status).toBe(201);
    expect(response.warning).toEqual([
      '299 - "unknown field \\"spec.template.spec.containers[0].bogus\\""',
    ]);
    const stored = await apps.readNamespacedDeployment({ name: 'web', namespace: 'shop' });
    expect(stored.spec?.template.spec?.containers[0]).toEqual({ name: 'web', image: 'web:1' });
  });
});
