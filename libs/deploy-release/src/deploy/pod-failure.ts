import type { V1ContainerStatus, V1Pod } from '@kubernetes/client-node';

/**
 * Waiting reasons a container does not recover from without a change: the deploy stops at the
 * first one at once instead of letting `helm --wait` run into its timeout.
 */
export const FAIL_FAST_REASONS = [
  'CrashLoopBackOff',
  'ImagePullBackOff',
  'ErrImageNeverPull',
  'InvalidImageName',
] as const;

/**
 * Waiting reasons the kubelet retries and that can clear on their own (a Secret created a moment
 * later, a registry that answers the second time): they stop the deploy only once they have
 * lasted the grace period.
 */
export const TRANSIENT_REASONS = [
  'CreateContainerConfigError',
  'CreateContainerError',
  'ErrImagePull',
] as const;

/** What the deploy found stuck, and where its diagnosis should look. */
export interface PodFailure {
  pod: string;
  container: string;
  /** A kubelet waiting reason, `Unschedulable`, `PersistentVolumeClaimPending`, `InitContainerStuck` or `JobFailed`. */
  reason: string;
  /** The kubelet's, scheduler's or controller's own message, e.g. `secret "x" not found`. */
  message: string;
  restarts: number;
  /** The container ran before (a crash), so its previous instance has logs. */
  crashed: boolean;
  /** The container is running (an init container that never finishes): its current logs explain it. */
  running?: boolean;
  /** The container ran and ended (a failed Job's pod): its logs are those of that run. */
  terminated?: boolean;
  /** Another object whose events explain the failure: `PersistentVolumeClaim/data-postgresql-0`, `Job/pakaura-migrate-2`. */
  related?: { kind: string; name: string };
}

/** The first container (init containers first) of `pod` stuck for one of `reasons`. */
export function podFailure(
  pod: V1Pod,
  reasons: readonly string[] = FAIL_FAST_REASONS,
): PodFailure | undefined {
  const statuses: V1ContainerStatus[] = [
    ...(pod.status?.initContainerStatuses ?? []),
    ...(pod.status?.containerStatuses ?? []),
  ];
  for (const status of statuses) {
    const waiting = status.state?.waiting;
    if (waiting?.reason && reasons.includes(waiting.reason)) {
      return {
        pod: pod.metadata?.name ?? '',
        container: status.name,
        reason: waiting.reason,
        message: (waiting.message ?? '').trim(),
        restarts: status.restartCount ?? 0,
        crashed: Boolean(status.lastState?.terminated) || (status.restartCount ?? 0) > 0,
      };
    }
  }
  return undefined;
}
