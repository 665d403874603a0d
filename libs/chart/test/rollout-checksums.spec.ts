import { K8S_NAMES, NAMESPACE, RELEASE_NAME } from '@pakaura/contract';
import type { HelmMajor } from '@pakaura/deploy-kube/process';
import type { KubeObject, ManifestObject } from '@pakaura/deploy-validate';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { find, renderChart } from './chart';
import { FakeApiServer } from './fake-api-server';
import { renderAgainst } from './release';

const SECRETS = {
  'secrets.jwtSecret': 'a-jwt-secret-of-at-least-thirty-two-characters',
  'secrets.dbPassword': 'pw',
};

/** The annotations of a workload's pod template: what changing them rolls. */
function podAnnotations(objects: readonly ManifestObject[], kind: string, name: string) {
  const spec = find(objects, kind, name)['spec'] as {
    template: { metadata: { annotations?: Record<string, string> } };
  };
  return spec.template.metadata.annotations ?? {};
}

const apiAnnotations = (objects: readonly ManifestObject[]) =>
  podAnnotations(objects, 'Deployment', K8S_NAMES.api);

const podTemplate = (objects: readonly ManifestObject[], kind: string, name: string) =>
  JSON.stringify((find(objects, kind, name)['spec'] as { template: unknown }).template);

describe.each<HelmMajor>([3, 4])('changes that roll the API pods (helm %i)', (major) => {
  it('rolls the API when its ConfigMap changes, and only the config checksum moves', async () => {
    const before = apiAnnotations((await renderChart(SECRETS, major)).objects);
    const after = apiAnnotations(
      (await renderChart({ ...SECRETS, 'api.config.aiModel': 'command-r7b' }, major)).objects,
    );
    expect(after['checksum/config']).toMatch(/^[0-9a-f]{64}$/);
    expect(after['checksum/config']).not.toBe(before['checksum/config']);
    expect(after['checksum/secret']).toBe(before['checksum/secret']);
  });

  it('rolls the API when a secret changes, and only the secret checksum moves', async () => {
    const before = apiAnnotations((await renderChart(SECRETS, major)).objects);
    const after = apiAnnotations(
      (await renderChart({ ...SECRETS, 'secrets.cohereApiKey': 'a-new-cohere-key' }, major))
        .objects,
    );
    expect(after['checksum/secret']).toMatch(/^[0-9a-f]{64}$/);
    expect(after['checksum/secret']).not.toBe(before['checksum/secret']);
    expect(after['checksum/config']).toBe(before['checksum/config']);
  });

  it('has no secret checksum with existingSecret, a Secret the chart cannot see', async () => {
    const annotations = apiAnnotations(
      (await renderChart({ 'secrets.existingSecret': 'operator-secrets' }, major)).objects,
    );
    expect(Object.keys(annotations)).toEqual(['checksum/config']);
  });

  it("leaves PostgreSQL alone when the API's settings or secrets change (it reads them only at initdb)", async () => {
    const before = (await renderChart(SECRETS, major)).objects;
    const after = (
      await renderChart(
        { ...SECRETS, 'api.config.aiModel': 'command-r7b', 'secrets.dbPassword': 'other' },
        major,
      )
    ).objects;
    expect(podTemplate(after, 'StatefulSet', K8S_NAMES.postgresql)).toBe(
      podTemplate(before, 'StatefulSet', K8S_NAMES.postgresql),
    );
    expect(podTemplate(after, 'Deployment', K8S_NAMES.frontend)).toBe(
      podTemplate(before, 'Deployment', K8S_NAMES.frontend),
    );
  });
});

describe.each<HelmMajor>([3, 4])('an upgrade that changes nothing (helm %i)', (major) => {
  let api: FakeApiServer;
  beforeEach(async () => {
    api = await FakeApiServer.start();
  });
  afterEach(() => api.close());

  /** Puts the Secret a render produced into the cluster, as the install would have left it. */
  function install(objects: readonly ManifestObject[]): KubeObject {
    const secret = find(objects, 'Secret', K8S_NAMES.secret);
    const metadata = secret['metadata'] as { labels: Record<string, string> };
    api.put({
      ...secret,
      kind: 'Secret',
      metadata: {
        ...metadata,
        name: K8S_NAMES.secret,
        namespace: NAMESPACE,
        labels: { ...metadata.labels, 'app.kubernetes.io/managed-by': 'Helm' },
        annotations: {
          'meta.helm.sh/release-name': RELEASE_NAME,
          'meta.helm.sh/release-namespace': NAMESPACE,
        },
      },
    });
    return secret;
  }

  it('rolls nothing after a first install whose secrets were generated', async () => {
    const first = await renderAgainst(api, major);
    const generated = install(first);
    const upgrade = await renderAgainst(api, major);
    expect(find(upgrade, 'Secret', K8S_NAMES.secret)['data']).toEqual(generated['data']);
    expect(apiAnnotations(upgrade)).toEqual(apiAnnotations(first));
  });

  it('rolls nothing when the values given are the ones the cluster already holds', async () => {
    const first = await renderAgainst(api, major, ['secrets.cohereApiKey=kept-cohere-key']);
    install(first);
    const again = await renderAgainst(api, major, ['secrets.cohereApiKey=kept-cohere-key']);
    const without = await renderAgainst(api, major);
    expect(apiAnnotations(again)).toEqual(apiAnnotations(first));
    expect(apiAnnotations(without)).toEqual(apiAnnotations(first));
  });
});
