import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PakauraCluster, type Workload } from '@pakaura/deploy-kube/testing';
import { runVerify } from '../runner';

let cluster: PakauraCluster;
beforeEach(async () => {
  cluster = await PakauraCluster.start();
});
afterEach(() => cluster.close());

const runSecrets = async () =>
  (await runVerify({ ...cluster.verifyOptions(), only: ['secrets'] })).checks[0];

describe('secrets check (T050)', () => {
  it('passes when every key is in the Secret and read through secretKeyRef', async () => {
    const result = await runSecrets();
    expect(result.status).toBe('passed');
    expect(result.evidence[0]).toBe(
      'Secret pakaura-secrets keys: COHERE_API_KEY, DB_PASSWORD, JWT_SECRET (values not shown)',
    );
  });

  it('fails naming the ConfigMap key that holds a secret value, without printing it', async () => {
    cluster.kube.store.update('configmaps', 'pakaura', 'pakaura-config', (cm) => {
      (cm['data'] as Record<string, string>)['SIGNING'] = cluster.secrets.JWT_SECRET;
    });
    const result = await runSecrets();
    expect(result.message).toBe(
      '1 secret exposure: ConfigMap pakaura-config key SIGNING holds the value of JWT_SECRET',
    );
  });

  it('fails when a workload inlines a secret as an env value', async () => {
    cluster.kube.store.update<Workload>('deployments', 'pakaura', 'api', (deployment) => {
      const container = deployment.spec.template.spec.containers[0];
      container.env = container.env.map((e: { name: string }) =>
        e.name === 'JWT_SECRET' ? { name: 'JWT_SECRET', value: cluster.secrets.JWT_SECRET } : e,
      );
    });
    const result = await runSecrets();
    expect(result.message).toContain(
      'Deployment api pod template container api env JWT_SECRET holds the value of JWT_SECRET inline',
    );
    expect(result.message).not.toContain(cluster.secrets.JWT_SECRET);
  });

  it('fails when a secret key comes from somewhere other than secretKeyRef', async () => {
    cluster.kube.store.update<Workload>('statefulsets', 'pakaura', 'postgresql', (sts) => {
      sts.spec.template.spec.containers[0].env.push({ name: 'DB_PASSWORD', value: 'changeme' });
      sts.spec.template.spec.containers[0].envFrom = [{ secretRef: { name: 'pakaura-secrets' } }];
    });
    const result = await runSecrets();
    expect(result.message).toContain(
      'StatefulSet postgresql pod template container postgresql env DB_PASSWORD is not read through secretKeyRef',
    );
    expect(result.message).toContain(
      'loads Secret pakaura-secrets whole via envFrom (use secretKeyRef)',
    );
  });

  it('fails when a pod annotation carries a secret value', async () => {
    const [pod] = cluster.kube.pods(undefined, 'app=frontend');
    cluster.kube.store.update('pods', 'pakaura', pod.metadata.name, (p) => {
      p.metadata.annotations = { 'debug/token': `Bearer ${cluster.secrets.JWT_SECRET}` };
    });
    expect((await runSecrets()).message).toContain(
      `pod ${pod.metadata.name} annotation debug/token holds the value of JWT_SECRET`,
    );
  });

  it('fails when the Secret lacks an expected key', async () => {
    cluster.kube.store.update('secrets', 'pakaura', 'pakaura-secrets', (secret) => {
      delete (secret['data'] as Record<string, string>)['JWT_SECRET'];
    });
    expect((await runSecrets()).message).toBe('Secret pakaura-secrets lacks JWT_SECRET');
  });

  it('fails with the API server message when the Secret does not exist', async () => {
    cluster.kube.store.remove('secrets', 'pakaura', 'pakaura-secrets');
    expect((await runSecrets()).message).toBe(
      'Cannot read Secret pakaura/pakaura-secrets: secrets "pakaura-secrets" not found',
    );
  });
});
