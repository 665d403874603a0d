import type { V1Job, V1PersistentVolumeClaim, V1Pod } from '@kubernetes/client-node';
import { isPodReady } from '@pakaura/deploy-kube/kube';
import { podFailure, TRANSIENT_REASONS, type PodFailure } from './pod-failure';

/** How long the states that can clear on their own may last before they stop the deploy. */
export interface StuckPolicy {
  /** Unschedulable pods, Pending claims, CreateContainer(Config)Error, ErrImagePull. */
  graceMs: number;
  /** An init container still running this long after every other pod of the release is Ready. */
  initGraceMs: number;
  /** An init container still running this long, whatever else is happening. */
  initLimitMs: number;
}

export const DEFAULT_STUCK_POLICY: StuckPolicy = {
  graceMs: 10_000,
  initGraceMs: 20_000,
  initLimitMs: 180_000,
};

/** The release's objects as the watches last saw them. */
export interface RolloutObjects {
  pods: readonly V1Pod[];
  jobs: readonly V1Job[];
  claims: readonly V1PersistentVolumeClaim[];
}

/** The scheduler records the node it picked on a claim whose binding waited for its first consumer. */
const SELECTED_NODE = 'volume.kubernetes.io/selected-node';
/** Both labels the Job controller puts on its pods (the short one before Kubernetes 1.27). */
const JOB_NAME_LABELS = ['batch.kubernetes.io/job-name', 'job-name'];

/**
 * Finds the states a rollout does not come out of by waiting. Transient ones count once they
 * have lasted `policy.graceMs`; `since(key)` says when a state was first seen (the caller keeps
 * that memory, so a state that comes and goes starts its grace again).
 */
export class StuckDetector {
  private readonly firstSeen = new Map<string, number>();
  private current = new Set<string>();

  constructor(private readonly policy: StuckPolicy = DEFAULT_STUCK_POLICY) {}

  /** The first stuck state among `objects`, or undefined. `counts(pod)` filters old pods out. */
  check(
    objects: RolloutObjects,
    now: number,
    counts: (pod: V1Pod) => boolean = () => true,
  ): PodFailure | undefined {
    const previous = this.current;
    this.current = new Set();
    const lasted = (key: string) => {
      this.current.add(key);
      if (!previous.has(key) || !this.firstSeen.has(key)) this.firstSeen.set(key, now);
      return now - (this.firstSeen.get(key) as number);
    };
    const claims = new Map(objects.claims.map((c) => [c.metadata?.name ?? '', c]));
    const pods = objects.pods.filter((pod) => !pod.metadata?.deletionTimestamp);
    let found: PodFailure | undefined;
    const consider = (failure: PodFailure | undefined) => (found ??= failure);

    for (const job of objects.jobs) {
      const failed = jobFailure(job, objects.pods);
      // Its pod may come through its own watch a moment later: wait for it, a grace at most.
      const key = `job/${job.metadata?.uid ?? job.metadata?.name}/pod`;
      if (failed && (failed.pod || lasted(key) >= this.policy.graceMs)) consider(failed);
    }
    for (const pod of pods.filter(counts)) {
      const uid = pod.metadata?.uid ?? pod.metadata?.name ?? '';
      const transient = podFailure(pod, TRANSIENT_REASONS);
      if (
        transient &&
        lasted(`${uid}/${transient.container}/${transient.reason}`) >= this.policy.graceMs
      )
        consider(transient);
      const unschedulable = unschedulableFailure(pod, claims);
      if (unschedulable && lasted(`${uid}/unschedulable`) >= this.policy.graceMs)
        consider(unschedulable);
      const init = runningInitContainer(pod);
      if (init) {
        const running = lasted(`${uid}/init/${init}`);
        const othersReady = pods
          .filter((other) => other !== pod && !runningInitContainer(other))
          .every(isPodReady);
        const waitingAlone = othersReady ? lasted(`${uid}/init/${init}/alone`) : 0;
        if (running >= this.policy.initLimitMs || waitingAlone >= this.policy.initGraceMs)
          consider(initFailure(pod, init, running));
      }
    }
    for (const claim of objects.claims) {
      if (claim.status?.phase !== 'Pending' || !claim.metadata?.annotations?.[SELECTED_NODE])
        continue;
      const name = claim.metadata?.name ?? '';
      if (lasted(`claim/${claim.metadata?.uid ?? name}`) < this.policy.graceMs) continue;
      const user = pods.find((pod) => claimsOf(pod).includes(name));
      consider({
        pod: user?.metadata?.name ?? '',
        container: user?.spec?.containers[0]?.name ?? '',
        reason: 'PersistentVolumeClaimPending',
        message: `PersistentVolumeClaim ${name} is still Pending: no volume was provisioned for it`,
        restarts: 0,
        crashed: false,
        related: { kind: 'PersistentVolumeClaim', name },
      });
    }
    for (const key of this.firstSeen.keys()) if (!this.current.has(key)) this.firstSeen.delete(key);
    return found;
  }
}

/** A pod the scheduler cannot place; a Pending claim of its own is named as the cause. */
function unschedulableFailure(
  pod: V1Pod,
  claims: ReadonlyMap<string, V1PersistentVolumeClaim>,
): PodFailure | undefined {
  const condition = pod.status?.conditions?.find((c) => c.type === 'PodScheduled');
  if (condition?.status !== 'False') return undefined;
  const pending = claimsOf(pod).find((name) => claims.get(name)?.status?.phase === 'Pending');
  return {
    pod: pod.metadata?.name ?? '',
    container: pod.spec?.containers[0]?.name ?? '',
    reason: pending ? 'PersistentVolumeClaimPending' : 'Unschedulable',
    message: pending
      ? `PersistentVolumeClaim ${pending} is Pending, so the pod cannot be scheduled: ${condition.message ?? ''}`.trim()
      : (condition.message ?? condition.reason ?? 'the scheduler cannot place it').trim(),
    restarts: 0,
    crashed: false,
    ...(pending ? { related: { kind: 'PersistentVolumeClaim', name: pending } } : {}),
  };
}

function initFailure(pod: V1Pod, container: string, runningMs: number): PodFailure {
  return {
    pod: pod.metadata?.name ?? '',
    container,
    reason: 'InitContainerStuck',
    message: `init container ${container} has been running for ${Math.round(runningMs / 1000)} s and has not finished`,
    restarts: 0,
    crashed: false,
    running: true,
  };
}

/** A Job that gave up (Failed=True: BackoffLimitExceeded, DeadlineExceeded), named by its last failed pod. */
function jobFailure(job: V1Job, pods: readonly V1Pod[]): PodFailure | undefined {
  const failed = job.status?.conditions?.find((c) => c.type === 'Failed' && c.status === 'True');
  if (!failed) return undefined;
  const name = job.metadata?.name ?? '';
  const own = pods
    .filter((pod) => JOB_NAME_LABELS.some((label) => pod.metadata?.labels?.[label] === name))
    .sort((a, b) => time(b.metadata?.creationTimestamp) - time(a.metadata?.creationTimestamp));
  const pod = own.find((p) => p.status?.phase === 'Failed') ?? own[0];
  const statuses = [
    ...(pod?.status?.initContainerStatuses ?? []),
    ...(pod?.status?.containerStatuses ?? []),
  ];
  const culprit =
    statuses.find((s) => (s.state?.terminated?.exitCode ?? 0) !== 0) ??
    statuses.find((s) => !s.state?.terminated) ??
    statuses.at(-1);
  return {
    pod: pod?.metadata?.name ?? '',
    container: culprit?.name ?? job.spec?.template.spec?.containers[0]?.name ?? '',
    reason: 'JobFailed',
    message: `Job ${name} failed (${failed.reason ?? 'Failed'}${failed.message ? `: ${failed.message}` : ''})`,
    restarts: job.status?.failed ?? 0,
    crashed: false,
    terminated: Boolean(culprit?.state?.terminated),
    related: { kind: 'Job', name },
  };
}

function runningInitContainer(pod: V1Pod): string | undefined {
  return pod.status?.initContainerStatuses?.find((s) => s.state?.running)?.name;
}

function claimsOf(pod: V1Pod): string[] {
  return (pod.spec?.volumes ?? []).flatMap((v) =>
    v.persistentVolumeClaim ? [v.persistentVolumeClaim.claimName] : [],
  );
}

function time(value: Date | string | undefined): number {
  return value ? new Date(value).getTime() : 0;
}
