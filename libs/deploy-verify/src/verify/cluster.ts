import type { V1Pod } from '@kubernetes/client-node';
import { COMPONENT_LABEL, type Component } from '@pakaura/contract';
import { isPodReady, listPods } from '@pakaura/deploy-kube/kube';
import { CheckFailedError, type CheckContext } from './types';

export function componentSelector(component: Component): string {
  return `${COMPONENT_LABEL}=${component}`;
}

/** The component's pods that are Running and Ready, by name; fails when there is none. */
export async function readyPods(ctx: CheckContext, component: Component): Promise<V1Pod[]> {
  const pods = await listPods(ctx.kc, ctx.namespace, componentSelector(component));
  const ready = pods.filter(isPodReady).sort((a, b) => name(a).localeCompare(name(b)));
  if (ready.length === 0) {
    throw new CheckFailedError(
      `No ${component} pod is Ready in namespace ${ctx.namespace} (${pods.length} found). Run: npx pakaura status`,
    );
  }
  return ready;
}

export function name(pod: V1Pod): string {
  return pod.metadata?.name ?? '';
}
