import { K8S_NAMES, NAMESPACE, RELEASE_NAME } from '@pakaura/contract';
import { bundledBinary, run, type HelmMajor } from '@pakaura/deploy-kube/process';
import { parseManifests } from '@pakaura/deploy-validate';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CHART_DIR, find } from './chart';
import { FakeApiServer } from './fake-api-server';

const b64 = (text: string) => Buffer.from(text).toString('base64');

/** The Secret a previous install left in the cluster (kept on uninstall by resource-policy). */
const liveSecret = (data: Record<string, string>) => ({
  apiVersion: 'v1',
  kind: 'Secret',
  type: 'Opaque',
  metadata: {
    name: K8S_NAMES.secret,
    namespace: NAMESPACE,
    labels: { 'app.kubernetes.io/managed-by': 'Helm' },
    annotations: {
      'meta.helm.sh/release-name': RELEASE_NAME,
      'meta.helm.sh/release-namespace': NAMESPACE,
      'helm.sh/resource-policy': 'keep',
    },
  },
  data: Object.fromEntries(Object.entries(data).map(([k, v]) => [k, b64(v)])),
});

let api: FakeApiServer;
beforeEach(async () => {
  api = await FakeApiServer.start();
});
afterEach(() => api.close());

/** `helm install --dry-run=server`: renders with `lookup` reading the (fake) cluster. */
async function secretOnInstall(
  major: HelmMajor,
  values: string[] = [],
): Promise<Record<string, string>> {
  const { stdout } = await run(bundledBinary('helm', major), [
    'install',
    RELEASE_NAME,
    CHART_DIR,
    '--namespace',
    NAMESPACE,
    '--kubeconfig',
    api.kubeconfig,
    '--dry-run=server',
    '--disable-openapi-validation',
    '-o',
    'json',
    ...values.flatMap((v) => ['--set', v]),
  ]);
  const manifest = (JSON.parse(stdout) as { manifest: string }).manifest;
  const data = find(parseManifests(manifest, 'release').objects, 'Secret', K8S_NAMES.secret)[
    'data'
  ];
  return Object.fromEntries(
    Object.entries(data as Record<string, string>).map(([k, v]) => [
      k,
      Buffer.from(v, 'base64').toString(),
    ]),
  );
}

describe.each<HelmMajor>([3, 4])('secrets across upgrades and re-installs (helm %i)', (major) => {
  it('keeps the values already in the cluster when none are given', async () => {
    api.put(
      liveSecret({
        DB_PASSWORD: 'the-password-postgres-was-initialised-with',
        JWT_SECRET: 'the-jwt-secret-sessions-are-signed-with-0123',
        COHERE_API_KEY: 'the-cohere-key',
      }),
    );
    expect(await secretOnInstall(major)).toEqual({
      DB_PASSWORD: 'the-password-postgres-was-initialised-with',
      JWT_SECRET: 'the-jwt-secret-sessions-are-signed-with-0123',
      COHERE_API_KEY: 'the-cohere-key',
    });
    expect(api.requests).toContain(
      `GET /api/v1/namespaces/${NAMESPACE}/secrets/${K8S_NAMES.secret}`,
    );
  });

  it('lets a value given on the command line replace the kept one, and keeps the others', async () => {
    api.put(
      liveSecret({
        DB_PASSWORD: 'kept-db-password',
        JWT_SECRET: 'kept-jwt-secret',
        COHERE_API_KEY: '',
      }),
    );
    expect(await secretOnInstall(major, ['secrets.cohereApiKey=new-cohere-key'])).toEqual({
      DB_PASSWORD: 'kept-db-password',
      JWT_SECRET: 'kept-jwt-secret',
      COHERE_API_KEY: 'new-cohere-key',
    });
  });

  it('generates what the cluster does not have yet', async () => {
    const data = await secretOnInstall(major);
    expect(data['DB_PASSWORD']).toMatch(/^[A-Za-z0-9]{32}$/);
    expect(data['JWT_SECRET']).toMatch(/^[A-Za-z0-9]{48}$/);
  });
});
