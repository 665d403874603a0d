import { NetworkingV1Api, type KubeConfig, type V1Ingress } from '@kubernetes/client-node';
import { reason } from './errors';

export async function listIngresses(kc: KubeConfig, namespace: string): Promise<V1Ingress[]> {
  try {
    return (await kc.makeApiClient(NetworkingV1Api).listNamespacedIngress({ namespace })).items;
  } catch (error) {
    throw new Error(`Cannot list ingresses in namespace ${namespace}: ${reason(error)}`, {
      cause: error,
    });
  }
}

/** The address the ingress controller published, or `-` while it has none. */
export function ingressAddress(ingress: V1Ingress): string {
  const entries = ingress.status?.loadBalancer?.ingress ?? [];
  return (
    entries
      .map((e) => e.ip ?? e.hostname)
      .filter(Boolean)
      .join(',') || '-'
  );
}
