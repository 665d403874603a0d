import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PakauraCluster } from '@pakaura/deploy-kube/testing';
import { runVerify } from '../runner';

let cluster: PakauraCluster;
beforeEach(async () => {
  cluster = await PakauraCluster.start();
});
afterEach(() => cluster.close());

const runPods = async () =>
  (await runVerify({ ...cluster.verifyOptions(), only: ['pods'] })).checks[0];

describe('pods check (T045)', () => {
  it('lists every pod as evidence when postgresql-0 and 2+2 pods are Ready', async () => {
    const result = await runPods();
    expect(result.status).toBe('passed');
    expect(result.evidence).toEqual(
      expect.arrayContaining([
        // The chart autoscales the API: its pods are held to the HPA minimum.
        'api: 2 Ready, HPA minimum 2 (the Deployment wants 2 now)',
        'frontend: 2/2 Ready',
        'postgresql: postgresql-0 Running ready restarts=0',
      ]),
    );
  });

  it('fails naming a crash-looping pod and its restarts', async () => {
    const [pod] = cluster.kube.pods(undefined, 'app=api');
    cluster.kube.workloads.setPodStatus('pakaura', pod.metadata.name, {
      ready: false,
      restartCount: 4,
      waitingReason: 'CrashLoopBackOff',
    });
    const result = await runPods();
    expect(result.status).toBe('failed');
    expect(result.message).toContain('api has 1/2 pods Ready');
    expect(result.message).toContain(
      `${pod.metadata.name} is waiting: CrashLoopBackOff (restarts=4)`,
    );
  });

  it('fails when a Ready pod has restarted', async () => {
    cluster.kube.workloads.setPodStatus('pakaura', 'postgresql-0', { restartCount: 1 });
    expect((await runPods()).message).toMatch(
      /^postgresql-0 restarted 1 time\. See: npx pakaura status$/,
    );
  });

  it('holds an autoscaled component to the HPA minimum: a pod it is adding or removing does not fail the check', async () => {
    cluster.kube.store.put('horizontalpodautoscalers', {
      apiVersion: 'autoscaling/v2',
      kind: 'HorizontalPodAutoscaler',
      metadata: { name: 'api', namespace: 'pakaura' },
      spec: {
        scaleTargetRef: { apiVersion: 'apps/v1', kind: 'Deployment', name: 'api' },
        minReplicas: 2,
        maxReplicas: 5,
      },
    });
    cluster.kube.store.update('deployments', 'pakaura', 'api', (d) => {
      (d['spec'] as { replicas: number }).replicas = 3;
    });
    const [first] = cluster.kube.pods(undefined, 'app=api');
    cluster.kube.store.put('pods', {
      ...structuredClone(first),
      metadata: { ...structuredClone(first.metadata), name: 'api-scaled-up', uid: 'scaled-up' },
    });
    cluster.kube.workloads.setPodStatus('pakaura', 'api-scaled-up', {
      ready: false,
      phase: 'Pending',
      waitingReason: 'ContainerCreating',
    });
    const result = await runPods();
    expect(result.status, result.message).toBe('passed');
    expect(result.evidence).toContain('api: 2 Ready, HPA minimum 2 (the Deployment wants 3 now)');
  });

  it('still fails an autoscaled component below the HPA minimum', async () => {
    cluster.kube.store.put('horizontalpodautoscalers', {
      apiVersion: 'autoscaling/v2',
      kind: 'HorizontalPodAutoscaler',
      metadata: { name: 'api', namespace: 'pakaura' },
      spec: {
        scaleTargetRef: { apiVersion: 'apps/v1', kind: 'Deployment', name: 'api' },
        minReplicas: 2,
        maxReplicas: 5,
      },
    });
    const [pod] = cluster.kube.pods(undefined, 'app=api');
    cluster.kube.workloads.setPodStatus('pakaura', pod.metadata.name, { ready: false });
    expect((await runPods()).message).toContain('api has 1/2 pods Ready');
  });

  it('fails when postgresql-0 does not exist', async () => {
    cluster.kube.store.remove('pods', 'pakaura', 'postgresql-0');
    expect((await runPods()).message).toContain('postgresql-0 does not exist');
  });
});
