import { CoreV1Api, type V1Pod } from '@kubernetes/client-node';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FakeKube, componentLabels } from '../../test/fake-kube';
import { informer } from './informer';
import { watchPods } from './pod-watch';

describe('informer', () => {
  let kube: FakeKube;
  const controller = new AbortController();
  beforeEach(async () => {
    kube = await FakeKube.start({ namespace: 'pakaura', timing: { readyAfterMs: 20 } });
  });
  afterEach(() => kube.close());

  const lists = () =>
    kube.requests.filter((r) => r.path.endsWith('/pods') && !r.query.includes('watch=true'));
  const watches = () =>
    kube.requests.filter((r) => r.path.endsWith('/pods') && r.query.includes('watch=true'));

  it('resumes a watch the server ends from the last resourceVersion it saw, without listing again', async () => {
    kube.watchCloseAfterMs = 150;
    const names: string[] = [];
    const stop = new AbortController();
    const core = kube.kubeConfig().makeApiClient(CoreV1Api);
    const running = informer<V1Pod>(kube.kubeConfig(), {
      path: '/api/v1/namespaces/pakaura/pods',
      what: 'pods in namespace pakaura',
      list: () => core.listNamespacedPod({ namespace: 'pakaura' }),
      signal: stop.signal,
      onSync: () => undefined,
      onEvent: (type, pod) => names.push(`${type} ${pod.metadata?.name}`),
    });
    await expect.poll(() => watches().length).toBe(1);
    for (let i = 0; i < 4; i++) {
      kube.store.put('pods', pod(`p${i}`));
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    try {
      await expect.poll(() => names.filter((n) => n.startsWith('ADDED')).length).toBe(4);
    } finally {
      stop.abort();
      await running;
    }
    expect(names).toEqual(['ADDED p0', 'ADDED p1', 'ADDED p2', 'ADDED p3']);
    expect(lists()).toHaveLength(1);
    expect(watches().length).toBeGreaterThan(2);
    const resumedFrom = watches().map((w) => new URLSearchParams(w.query).get('resourceVersion'));
    expect(new Set(resumedFrom).size).toBeGreaterThan(1);
  });

  it('lists again after 410 Expired and reports the pods that went away in the gap as deleted', async () => {
    const labels = componentLabels('api');
    kube.store.put('pods', { ...pod('api-a'), metadata: { ...pod('api-a').metadata, labels } });
    kube.store.put('pods', { ...pod('api-b'), metadata: { ...pod('api-b').metadata, labels } });
    const seen: string[] = [];
    const watching = watchPods(kube.kubeConfig(), {
      namespace: 'pakaura',
      signal: controller.signal,
      onPod: (type, p) => seen.push(`${type} ${p.metadata?.name}`),
    });
    await expect.poll(() => watches().length).toBe(1);
    // The watch ends, and before the client comes back the pod goes and history is compacted.
    kube.closeWatches();
    kube.store.remove('pods', 'pakaura', 'api-a');
    kube.store.compact();
    await expect.poll(() => seen).toContain('DELETED api-a');
    controller.abort();
    await watching;
    expect(seen).toEqual(['LISTED api-a', 'LISTED api-b', 'DELETED api-a', 'ADDED api-b']);
    expect(lists()).toHaveLength(2);
  });
});

function pod(name: string) {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name, namespace: 'pakaura' },
    spec: { containers: [{ name: 'main', image: 'x' }] },
    status: { phase: 'Pending' },
  };
}
