import {
  AppsV1Api,
  BatchV1Api,
  CoreV1Api,
  type KubeConfig,
  type V1Deployment,
  type V1Job,
  type V1PersistentVolumeClaim,
  type V1Pod,
  type V1StatefulSet,
} from '@kubernetes/client-node';
import { COMPONENT_LABEL } from '@pakaura/contract';
import { informer, type KubeItem } from '@pakaura/deploy-kube/kube';
import { isPodReady } from '@pakaura/deploy-kube/kube';
import { podFailure, type PodFailure } from './pod-failure';
import { jobStateText, podStateText, type RolloutView } from './progress';
import { DEFAULT_STUCK_POLICY, StuckDetector, type StuckPolicy } from './stuck-states';

export interface RolloutMonitorOptions {
  namespace: string;
  labelSelector: string;
  /** The progress, at every change and once a second. */
  onProgress: (view: RolloutView) => void;
  /** A line worth saying once (a watch that failed). */
  onNotice: (line: string) => void;
  policy?: StuckPolicy;
  /** How often grace periods and the elapsed time are looked at. */
  tickMs?: number;
}

export interface RolloutMonitor {
  /** Settles with the first stuck state of this rollout; never settles otherwise. */
  failure: Promise<PodFailure>;
  stop(): Promise<void>;
}

/**
 * Watches the release's pods, Jobs, PersistentVolumeClaims, Deployments and StatefulSets while
 * helm waits: reports progress, and the first state that waiting does not cure (see
 * StuckDetector; crash loops and image errors at once). A pod counts when it appeared during this
 * deploy, or when an older pod restarts again: an old pod that was already broken and is about to
 * be replaced does not fail a deploy that fixes it; neither does an old failed Job.
 */
export function monitorRollout(kc: KubeConfig, options: RolloutMonitorOptions): RolloutMonitor {
  const { namespace, labelSelector } = options;
  const controller = new AbortController();
  const started = Date.now();
  const detector = new StuckDetector(options.policy ?? DEFAULT_STUCK_POLICY);
  const pods = new Map<string, V1Pod>();
  const jobs = new Map<string, V1Job>();
  const claims = new Map<string, V1PersistentVolumeClaim>();
  const deployments = new Map<string, V1Deployment>();
  const statefulSets = new Map<string, V1StatefulSet>();
  const baseline = new Map<string, { uid: string; restarts: number }>();
  const oldJobs = new Set<string>();
  let reportFailure!: (failure: PodFailure) => void;
  const failure = new Promise<PodFailure>((resolve) => (reportFailure = resolve));

  const counts = (pod: V1Pod) => {
    const old = baseline.get(pod.metadata?.name ?? '');
    return !old || old.uid !== pod.metadata?.uid;
  };
  const evaluate = () => {
    const now = Date.now();
    for (const pod of pods.values()) {
      if (pod.metadata?.deletionTimestamp) continue;
      const immediate = podFailure(pod);
      const old = baseline.get(pod.metadata?.name ?? '');
      if (immediate && (counts(pod) || restarts(pod) > (old?.restarts ?? 0))) {
        reportFailure(immediate);
      }
    }
    const stuck = detector.check(
      {
        pods: [...pods.values()],
        jobs: [...jobs.values()].filter((job) => !oldJobs.has(job.metadata?.uid ?? '')),
        claims: [...claims.values()],
      },
      now,
      counts,
    );
    if (stuck) reportFailure(stuck);
    options.onProgress(view(now));
  };
  const view = (now: number): RolloutView => ({
    elapsedMs: now - started,
    components: [...deployments.values(), ...statefulSets.values()]
      .map((w: V1Deployment | V1StatefulSet) => ({
        name: w.metadata?.labels?.[COMPONENT_LABEL] ?? w.metadata?.name ?? '',
        ready: Math.min(
          w.status?.readyReplicas ?? 0,
          w.status?.updatedReplicas ?? w.status?.readyReplicas ?? 0,
        ),
        wanted: w.spec?.replicas ?? 1,
      }))
      .sort((a, b) => a.name.localeCompare(b.name)),
    jobs: [...jobs.values()]
      .filter((job) => !oldJobs.has(job.metadata?.uid ?? ''))
      .map((job) => ({
        name: job.metadata?.labels?.[COMPONENT_LABEL] ?? job.metadata?.name ?? '',
        state: jobStateText(job),
      })),
    waiting: [...pods.values()]
      .filter((pod) => !isPodReady(pod) && !isFinishedJobPod(pod))
      .map((pod) => ({ name: pod.metadata?.name ?? '', state: podStateText(pod, now) }))
      .sort((a, b) => a.name.localeCompare(b.name)),
  });

  const core = kc.makeApiClient(CoreV1Api);
  const apps = kc.makeApiClient(AppsV1Api);
  const batch = kc.makeApiClient(BatchV1Api);
  const follow = <T extends KubeItem & { metadata?: { uid?: string } }>(
    plural: string,
    path: string,
    list: () => Promise<{ items: T[]; metadata?: { resourceVersion?: string } }>,
    into: Map<string, T>,
    first?: (items: T[]) => void,
  ) =>
    informer<T>(kc, {
      path,
      labelSelector,
      what: `${plural} in namespace ${namespace}`,
      list,
      signal: controller.signal,
      onSync: (items, relist) => {
        if (!relist) first?.(items);
        into.clear();
        for (const item of items) into.set(item.metadata?.name ?? '', item);
        evaluate();
      },
      onEvent: (type, item) => {
        if (type === 'DELETED') into.delete(item.metadata?.name ?? '');
        else into.set(item.metadata?.name ?? '', item);
        evaluate();
      },
    }).catch((error: unknown) => {
      options.onNotice(
        `cannot watch the ${plural} (${(error as Error).message}); waiting for helm alone`,
      );
    });

  const watching = Promise.all([
    follow(
      'pods',
      `/api/v1/namespaces/${namespace}/pods`,
      () => core.listNamespacedPod({ namespace, labelSelector }),
      pods,
      (items) => {
        for (const pod of items)
          baseline.set(pod.metadata?.name ?? '', {
            uid: pod.metadata?.uid ?? '',
            restarts: restarts(pod),
          });
      },
    ),
    follow(
      'jobs',
      `/apis/batch/v1/namespaces/${namespace}/jobs`,
      () => batch.listNamespacedJob({ namespace, labelSelector }),
      jobs,
      (items) => {
        for (const job of items) oldJobs.add(job.metadata?.uid ?? '');
      },
    ),
    follow(
      'persistentvolumeclaims',
      `/api/v1/namespaces/${namespace}/persistentvolumeclaims`,
      () => core.listNamespacedPersistentVolumeClaim({ namespace, labelSelector }),
      claims,
    ),
    follow(
      'deployments',
      `/apis/apps/v1/namespaces/${namespace}/deployments`,
      () => apps.listNamespacedDeployment({ namespace, labelSelector }),
      deployments,
    ),
    follow(
      'statefulsets',
      `/apis/apps/v1/namespaces/${namespace}/statefulsets`,
      () => apps.listNamespacedStatefulSet({ namespace, labelSelector }),
      statefulSets,
    ),
  ]);
  const ticker = setInterval(evaluate, options.tickMs ?? 1000);

  return {
    failure,
    stop: async () => {
      clearInterval(ticker);
      controller.abort();
      await watching;
    },
  };
}

function restarts(pod: V1Pod): number {
  return (pod.status?.containerStatuses ?? []).reduce((n, c) => n + (c.restartCount ?? 0), 0);
}

/** A Job's pod that ran to its end is not "not ready": it is done. */
function isFinishedJobPod(pod: V1Pod): boolean {
  return pod.status?.phase === 'Succeeded';
}
