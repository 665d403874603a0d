import { CoreV1Api, type KubeConfig, type V1Pod } from '@kubernetes/client-node';
import { reason } from './errors';

/** What a person wants to know about a pod at a glance. */
export interface PodState {
  name: string;
  phase: string;
  ready: boolean;
  restarts: number;
  /** `CrashLoopBackOff`, `ImagePullBackOff`... when a container is waiting. */
  waitingReason?: string;
  terminating: boolean;
  uid: string;
}

export function podState(pod: V1Pod): PodState {
  const containers = pod.status?.containerStatuses ?? [];
  return {
    name: pod.metadata?.name ?? '',
    uid: pod.metadata?.uid ?? '',
    phase: pod.status?.phase ?? 'Unknown',
    ready: isPodReady(pod),
    restarts: containers.reduce((sum, c) => sum + (c.restartCount ?? 0), 0),
    waitingReason: containers.find((c) => c.state?.waiting?.reason)?.state?.waiting?.reason,
    terminating: Boolean(pod.metadata?.deletionTimestamp),
  };
}

export function isPodReady(pod: V1Pod): boolean {
  return (
    pod.status?.phase === 'Running' &&
    !pod.metadata?.deletionTimestamp &&
    (pod.status?.conditions ?? []).some((c) => c.type === 'Ready' && c.status === 'True')
  );
}

/** `5/5 Ready`-style one-liner for evidence: `api-7d9f-x2k Running ready restarts=0`. */
export function describePod(state: PodState): string {
  const flags = [
    state.phase,
    state.ready ? 'ready' : 'not ready',
    `restarts=${state.restarts}`,
    state.waitingReason,
    state.terminating ? 'terminating' : undefined,
  ].filter(Boolean);
  return `${state.name} ${flags.join(' ')}`;
}

export async function listPods(
  kc: KubeConfig,
  namespace: string,
  labelSelector?: string,
): Promise<V1Pod[]> {
  try {
    const list = await kc.makeApiClient(CoreV1Api).listNamespacedPod({ namespace, labelSelector });
    return list.items;
  } catch (error) {
    throw new Error(`Cannot list pods in namespace ${namespace}: ${reason(error)}`, {
      cause: error,
    });
  }
}

export async function deletePod(kc: KubeConfig, namespace: string, name: string): Promise<void> {
  try {
    await kc.makeApiClient(CoreV1Api).deleteNamespacedPod({ name, namespace });
  } catch (error) {
    throw new Error(`Cannot delete pod ${namespace}/${name}: ${reason(error)}`, { cause: error });
  }
}
