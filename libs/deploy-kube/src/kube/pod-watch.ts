import { CoreV1Api, type KubeConfig, type V1Pod } from '@kubernetes/client-node';
import { informer } from './informer';

export interface PodWatchOptions {
  namespace: string;
  labelSelector?: string;
  signal: AbortSignal;
  /**
   * Every pod of the first list (`LISTED`), then every change. After a re-list (the server
   * answered 410 Expired) the pods it brings come as `ADDED`, and those it no longer has as
   * `DELETED`, so the caller's picture stays whole.
   */
  onPod: (type: 'LISTED' | 'ADDED' | 'MODIFIED' | 'DELETED', pod: V1Pod) => void;
}

/**
 * Lists the matching pods, then follows their changes until the signal aborts (see informer:
 * resumes closed watches, re-lists on 410). Rejects when the API cannot be reached; resolves
 * when aborted.
 */
export async function watchPods(kc: KubeConfig, options: PodWatchOptions): Promise<void> {
  const core = kc.makeApiClient(CoreV1Api);
  const { namespace, labelSelector } = options;
  const known = new Map<string, V1Pod>();
  await informer<V1Pod>(kc, {
    path: `/api/v1/namespaces/${namespace}/pods`,
    labelSelector,
    what: `pods in namespace ${namespace}`,
    list: () => core.listNamespacedPod({ namespace, labelSelector }),
    signal: options.signal,
    onSync: (pods, relist) => {
      const names = new Set(pods.map((pod) => pod.metadata?.name ?? ''));
      for (const [name, pod] of known) {
        if (!names.has(name)) {
          known.delete(name);
          options.onPod('DELETED', pod);
        }
      }
      for (const pod of pods) {
        known.set(pod.metadata?.name ?? '', pod);
        options.onPod(relist ? 'ADDED' : 'LISTED', pod);
      }
    },
    onEvent: (type, pod) => {
      if (type === 'DELETED') known.delete(pod.metadata?.name ?? '');
      else known.set(pod.metadata?.name ?? '', pod);
      options.onPod(type, pod);
    },
  });
}
