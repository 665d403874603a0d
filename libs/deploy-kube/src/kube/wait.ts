import { CoreV1Api, type KubeConfig, type V1Pod } from '@kubernetes/client-node';
import { informer } from './informer';

export interface WaitForPodsOptions {
  namespace: string;
  labelSelector?: string;
  /** Give up after this long; the error carries `describe()` of the last pods seen. */
  timeoutMs: number;
  signal?: AbortSignal;
}

/** Raised when the pods did not reach the awaited state in time. */
export class WaitTimeoutError extends Error {
  constructor(
    message: string,
    readonly pods: V1Pod[],
  ) {
    super(message);
    this.name = 'WaitTimeoutError';
  }
}

/**
 * Waits until `done(pods)` holds for the pods that match, following a watch (see informer: a
 * closed watch resumes, a 410 re-lists) instead of polling. Resolves with the pods at that moment.
 */
export async function waitForPods(
  kc: KubeConfig,
  options: WaitForPodsOptions,
  done: (pods: V1Pod[]) => boolean,
  describe: (pods: V1Pod[]) => string,
): Promise<V1Pod[]> {
  const core = kc.makeApiClient(CoreV1Api);
  const { namespace, labelSelector } = options;
  const pods = new Map<string, V1Pod>();
  const watching = new AbortController();
  let settled = false;

  return new Promise<V1Pod[]>((resolve, reject) => {
    const finish = (error?: Error) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      options.signal?.removeEventListener('abort', onAbort);
      watching.abort();
      if (error) reject(error);
      else resolve([...pods.values()]);
    };
    const check = () => {
      if (done([...pods.values()])) finish();
    };
    const onAbort = () => finish(options.signal?.reason ?? new Error('aborted'));
    const timer = setTimeout(() => {
      const seen = [...pods.values()];
      finish(
        new WaitTimeoutError(
          `Timed out after ${Number((options.timeoutMs / 1000).toFixed(1))} s waiting for pods${labelSelector ? ` (${labelSelector})` : ''} in ${namespace}: ${describe(seen)}`,
          seen,
        ),
      );
    }, options.timeoutMs);
    options.signal?.addEventListener('abort', onAbort, { once: true });

    informer<V1Pod>(kc, {
      path: `/api/v1/namespaces/${namespace}/pods`,
      labelSelector,
      what: `pods in namespace ${namespace}`,
      list: () => core.listNamespacedPod({ namespace, labelSelector }),
      signal: watching.signal,
      onSync: (items) => {
        pods.clear();
        for (const pod of items) pods.set(pod.metadata?.name ?? '', pod);
        check();
      },
      onEvent: (type, pod) => {
        const name = pod.metadata?.name ?? '';
        if (type === 'DELETED') pods.delete(name);
        else pods.set(name, pod);
        check();
      },
    }).catch((error: Error) => finish(error));
  });
}
