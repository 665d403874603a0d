import type { V1ContainerStatus, V1Pod } from '@kubernetes/client-node';

/**
 * Waiting reasons a container does not recover from without a change: the deploy stops at the
 * first one instead of letting `helm --wait` run into its timeout.
 */
export const FAIL_FAST_REASONS = [
  'CrashLoopBackOff',
  'ImagePullBackOff',
  'ErrImageNeverPull',
  'CreateContainerConfigError',
  'InvalidImageName',
] as const;

export interface PodFailure {
  pod: string;
  container: string;
  /** One of FAIL_FAST_REASONS. */
  reason: string;
  /** The kubelet's message, e.g. `secret "x" not found`. */
  message: string;
  restarts: number;
  /** The container ran before (a crash), so its previous instance has logs. */
  crashed: boolean;
}

/** The first container (init containers first) of `pod` stuck for a FAIL_FAST_REASONS reason. */
export function podFailure(pod: V1Pod): PodFailure | undefined {
  const statuses: V1ContainerStatus[] = [
    ...(pod.status?.initContainerStatuses ?? []),
    ...(pod.status?.containerStatuses ?? []),
  ];
  for (const status of statuses) {
    const waiting = status.state?.waiting;
    if (waiting?.reason && (FAIL_FAST_REASONS as readonly string[]).includes(waiting.reason)) {
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
