import type { KubeConfig, V1Pod } from '@kubernetes/client-node';
import { watchPods } from '../kube/pod-watch';
import { isPodReady } from '../kube/pods';
import { podFailure, type PodFailure } from './pod-failure';

export interface RolloutMonitorOptions {
  namespace: string;
  labelSelector: string;
  /** Progress lines: pods appearing and becoming ready. */
  onProgress: (line: string) => void;
}

export interface RolloutMonitor {
  /** Settles with the first pod of this rollout that cannot start; never settles otherwise. */
  failure: Promise<PodFailure>;
  stop(): Promise<void>;
}

interface Seen {
  uid: string;
  ready: boolean;
  restarts: number;
}

/**
 * Watches the release's pods while helm waits. A pod counts for failing fast when it appeared
 * during this deploy, or when an older pod restarts again: an old pod that was already broken and
 * is about to be replaced does not fail a deploy that fixes it.
 */
export function monitorRollout(kc: KubeConfig, options: RolloutMonitorOptions): RolloutMonitor {
  const controller = new AbortController();
  const baseline = new Map<string, Seen>();
  const current = new Map<string, Seen>();
  let reportFailure!: (failure: PodFailure) => void;
  const failure = new Promise<PodFailure>((resolve) => (reportFailure = resolve));

  const onPod = (type: 'LISTED' | 'ADDED' | 'MODIFIED' | 'DELETED', pod: V1Pod) => {
    const name = pod.metadata?.name ?? '';
    const restarts = (pod.status?.containerStatuses ?? []).reduce(
      (n, c) => n + (c.restartCount ?? 0),
      0,
    );
    const seen: Seen = { uid: pod.metadata?.uid ?? name, ready: isPodReady(pod), restarts };
    if (type === 'LISTED') baseline.set(name, seen);
    if (type === 'DELETED' || pod.metadata?.deletionTimestamp) {
      current.delete(name);
      return;
    }
    const before = current.get(name);
    current.set(name, seen);
    const old = baseline.get(name);
    const isNew = !old || old.uid !== seen.uid;
    if (isNew && !before && type !== 'LISTED') options.onProgress(`pod ${name} created`);
    if (seen.ready && !before?.ready && type !== 'LISTED') {
      const ready = [...current.values()].filter((p) => p.ready).length;
      options.onProgress(`pod ${name} ready (${ready} of ${current.size} pods ready)`);
    }
    const failed = podFailure(pod);
    if (failed && (isNew || seen.restarts > (old?.restarts ?? 0))) reportFailure(failed);
  };

  const watching = watchPods(kc, {
    namespace: options.namespace,
    labelSelector: options.labelSelector,
    signal: controller.signal,
    onPod,
  }).catch((error: unknown) => {
    options.onProgress(
      `cannot watch the pods (${(error as Error).message}); waiting for helm alone`,
    );
  });

  return {
    failure,
    stop: async () => {
      controller.abort();
      await watching;
    },
  };
}
