import { CoreV1Api, Watch, type KubeConfig, type V1Pod } from '@kubernetes/client-node';
import { reason } from './pods';

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
 * Waits until `done(pods)` holds for the pods that match, following a watch from the list's
 * resourceVersion (re-listing when the server ends the watch) instead of polling. Resolves with the
 * pods at that moment.
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
  let watch: AbortController | undefined;
  let settled = false;

  return new Promise<V1Pod[]>((resolve, reject) => {
    const finish = (error?: Error) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      options.signal?.removeEventListener('abort', onAbort);
      watch?.abort();
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

    const follow = async (): Promise<void> => {
      const list = await core.listNamespacedPod({ namespace, labelSelector });
      pods.clear();
      for (const pod of list.items) pods.set(pod.metadata?.name ?? '', pod);
      check();
      if (settled) return;
      watch = await new Watch(kc).watch(
        `/api/v1/namespaces/${namespace}/pods`,
        {
          labelSelector,
          resourceVersion: list.metadata?.resourceVersion,
          allowWatchBookmarks: false,
        },
        (type: string, pod: V1Pod) => {
          const name = pod.metadata?.name ?? '';
          if (type === 'DELETED') pods.delete(name);
          else if (type === 'ADDED' || type === 'MODIFIED') pods.set(name, pod);
          check();
        },
        (error?: unknown) => {
          if (settled) return;
          if (error && (error as Error).name !== 'AbortError') {
            finish(
              new Error(`Watching pods in ${namespace} failed: ${reason(error)}`, { cause: error }),
            );
          } else void follow().catch(fail);
        },
      );
    };
    const fail = (error: unknown) =>
      finish(
        new Error(`Cannot list pods in namespace ${namespace}: ${reason(error)}`, { cause: error }),
      );
    void follow().catch(fail);
  });
}
