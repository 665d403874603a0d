import { CoreV1Api, Exec, type V1Status } from '@kubernetes/client-node';
import { NAMESPACE } from '@pakaura/contract';
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { Writable } from 'node:stream';
import { promisify } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';
import { bundledBinary } from '../../src/process/bundled-binaries';
import { FakeKube } from './fake-kube';
import { certificatesOf, tlsRequest } from './tls';
import { seedPakaura } from './fixtures';

const run = promisify(execFile);
let kube: FakeKube | undefined;
afterEach(async () => {
  await kube?.close();
  kube = undefined;
});

/** Status code of a GET made with the given TLS material (no bearer token). */
const statusWith = async (url: string, tls: { ca: string; cert?: string; key?: string }) =>
  (await tlsRequest(`${url}/api/v1/namespaces/${NAMESPACE}/pods`, tls)).status;

describe('fake Kubernetes API server over TLS', () => {
  it('names the CA and client certificate files in the kubeconfig, as minikube writes it, and client-node lists pods through them', async () => {
    kube = await FakeKube.start({ namespace: NAMESPACE, tls: true });
    seedPakaura(kube);
    const config = JSON.parse(readFileSync(kube.kubeconfigPath, 'utf8'));
    expect(kube.url).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/);
    expect(Object.keys(config.clusters[0].cluster).sort()).toEqual([
      'certificate-authority',
      'server',
    ]);
    expect(Object.keys(config.users[0].user).sort()).toEqual(['client-certificate', 'client-key']);

    const pods = await kube.kubeConfig().makeApiClient(CoreV1Api).listNamespacedPod({
      namespace: NAMESPACE,
    });
    expect(pods.items).toHaveLength(5);
    expect(kube.requests.at(-1)?.path).toBe(`/api/v1/namespaces/${NAMESPACE}/pods`);
  });

  it('embeds the certificates as base64 data for a kind context, and client-node runs an exec over the TLS WebSocket', async () => {
    const started = await FakeKube.start({
      namespace: NAMESPACE,
      tls: true,
      context: 'kind-pakaura',
    });
    kube = started;
    seedPakaura(kube);
    const config = JSON.parse(readFileSync(kube.kubeconfigPath, 'utf8'));
    expect(config.clusters[0].cluster['certificate-authority-data']).toBeTruthy();
    expect(config.users[0].user['client-key-data']).toBeTruthy();

    const pod = kube.pods(NAMESPACE, 'app=api')[0];
    let stdout = '';
    const status = await new Promise<V1Status>((resolve, reject) => {
      new Exec(started.kubeConfig())
        .exec(
          NAMESPACE,
          pod.metadata.name,
          pod.spec.containers[0].name,
          ['node', '-e', 'process.stdout.write("over tls")'],
          new Writable({
            write(chunk, _encoding, done) {
              stdout += String(chunk);
              done();
            },
          }),
          null,
          null,
          false,
          resolve,
        )
        .catch(reject);
    });
    expect(status.status).toBe('Success');
    expect(stdout).toBe('over tls');
  });

  it('treats a connection without a client certificate, or with one from another CA, as anonymous: 401', async () => {
    kube = await FakeKube.start({ namespace: NAMESPACE, tls: true });
    const other = await FakeKube.start({ namespace: NAMESPACE, tls: true });
    try {
      const ca = certificatesOf(kube).caCert;
      expect(await statusWith(kube.url, { ca })).toBe(401);
      expect(
        await statusWith(kube.url, {
          ca,
          cert: certificatesOf(other).clientCert,
          key: certificatesOf(other).clientKey,
        }),
      ).toBe(401);
      expect(
        await statusWith(kube.url, {
          ca,
          cert: certificatesOf(kube).clientCert,
          key: certificatesOf(kube).clientKey,
        }),
      ).toBe(200);
      // A client that does not trust the cluster CA refuses the server instead.
      await expect(statusWith(kube.url, { ca: certificatesOf(other).caCert })).rejects.toThrow(
        /self[- ]signed|unable to verify|certificate/i,
      );
    } finally {
      await other.close();
    }
  });

  it('serves kubectl 1.32 through the kubeconfig certificates', async () => {
    kube = await FakeKube.start({ namespace: NAMESPACE, tls: true });
    seedPakaura(kube);
    const { stdout } = await run(bundledBinary('kubectl'), [
      '--kubeconfig',
      kube.kubeconfigPath,
      'get',
      'pods',
      '-n',
      NAMESPACE,
      '-l',
      'app=api',
      '-o',
      'name',
    ]);
    expect(stdout.trim().split('\n')).toHaveLength(2);
  });
});
