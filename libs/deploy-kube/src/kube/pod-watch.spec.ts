import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FakeKube, componentLabels } from '../../test/fake-kube';
import { watchPods } from './pod-watch';

describe('watchPods', () => {
  let kube: FakeKube;
  beforeEach(async () => {
    kube = await FakeKube.start({ namespace: 'pakaura', timing: { readyAfterMs: 30 } });
  });
  afterEach(() => kube.close());

  it('lists the matching pods, then follows their changes until aborted', async () => {
    const labels = componentLabels('api');
    const deployment = (name: string, component: 'api' | 'frontend') => ({
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name, namespace: 'pakaura', labels: componentLabels(component) },
      spec: {
        replicas: 1,
        selector: { matchLabels: componentLabels(component) },
        template: {
          metadata: { labels: componentLabels(component) },
          spec: { containers: [{ name }] },
        },
      },
    });
    const [existing] = kube.workloads.start('deployments', deployment('api', 'api'));
    const seen: string[] = [];
    const controller = new AbortController();
    const watching = watchPods(kube.kubeConfig(), {
      namespace: 'pakaura',
      labelSelector: `app=${labels.app}`,
      signal: controller.signal,
      onPod: (type, pod) =>
        seen.push(
          `${type} ${pod.metadata?.labels?.['app']}:${pod.metadata?.uid === existing.metadata.uid ? 'existing' : 'replacement'}`,
        ),
    });
    await until(() => seen.length > 0);
    kube.workloads.start('deployments', deployment('frontend', 'frontend'));
    kube.deleteObject('pods', 'pakaura', existing.metadata.name);
    await until(
      () => seen.includes('DELETED api:existing') && seen.includes('ADDED api:replacement'),
    );
    controller.abort();
    await watching;
    expect(seen[0]).toBe('LISTED api:existing');
    expect(seen.filter((entry) => entry.includes('frontend'))).toEqual([]);
  });

  it('rejects with the reason when the API server cannot be reached', async () => {
    const kc = kube.kubeConfig();
    await kube.close();
    await expect(
      watchPods(kc, {
        namespace: 'pakaura',
        signal: new AbortController().signal,
        onPod: () => undefined,
      }),
    ).rejects.toThrow(/^Cannot list pods in namespace pakaura: /);
    kube = await FakeKube.start();
  });
});

async function until(condition: () => boolean, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}
