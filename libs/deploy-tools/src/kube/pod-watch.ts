import { CoreV1Api, Watch, type KubeConfig, type V1Pod } from '@kubernetes/client-node';
import { reason } from './pods';

export interface PodWatchOptions {
  namespace: string;
  labelSelector?: string;
  signal: AbortSignal;
  /**
   * Every pod of the first list (`LISTED`), then every change. Pods of a later re-list (after the
   * server ends a watch) come as `ADDED`.
   */
  onPod: (type: 'LISTED' | 'ADDED' | 'MODIFIED' | 'DELETED', pod: V1Pod) => void;
}

/**
 * Lists the matching pods, then follows their changes from that list's resourceVersion until the
 * signal aborts, re-listing when the server ends a watch. Rejects when the API cannot be reached;
 * resolves when aborted.
 */
export async function watchPods(kc: KubeConfig, options: PodWatchOptions): Promise<void> {
  const core = kc.makeApiClient(CoreV1Api);
  const { namespace, labelSelector, signal } = options;
  for (let round = 0; !signal.aborted; round++) {
    let resourceVersion: string | undefined;
    try {
      const list = await core.listNamespacedPod({ namespace, labelSelector });
      list.items.forEach((pod) => options.onPod(round === 0 ? 'LISTED' : 'ADDED', pod));
      resourceVersion = list.metadata?.resourceVersion;
    } catch (error) {
      if (signal.aborted) return;
      throw new Error(`Cannot list pods in namespace ${namespace}: ${reason(error)}`, {
        cause: error,
      });
    }
    if (signal.aborted) return;
    await new Promise<void>((resolve, reject) => {
      const stopped = () => resolve();
      let controller: AbortController | undefined;
      const abort = () => {
        controller?.abort();
        resolve();
      };
      signal.addEventListener('abort', abort, { once: true });
      new Watch(kc)
        .watch(
          `/api/v1/namespaces/${namespace}/pods`,
          { labelSelector, resourceVersion, allowWatchBookmarks: false },
          (type: string, pod: V1Pod) => {
            if (type === 'ADDED' || type === 'MODIFIED' || type === 'DELETED')
              options.onPod(type, pod);
          },
          (error?: unknown) => {
            signal.removeEventListener('abort', abort);
            if (error && (error as Error).name !== 'AbortError' && !signal.aborted) {
              reject(
                new Error(`Watching pods in ${namespace} failed: ${reason(error)}`, {
                  cause: error,
                }),
              );
            } else stopped();
          },
        )
        .then((c) => {
          controller = c;
          if (signal.aborted) c.abort();
        }, reject);
    });
  }
}
