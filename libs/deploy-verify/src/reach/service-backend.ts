import type { KubeConfig, V1Pod, V1Service } from '@kubernetes/client-node';
import { isPodReady, listPods } from '@pakaura/deploy-kube/kube';

export interface ServiceBackend {
  /** A Ready pod the Service selects. */
  pod: V1Pod;
  /** The container port the Service's first port targets (a named targetPort resolved). */
  port: number;
}

/**
 * What `kubectl port-forward service/<name>` connects to: a Ready pod the Service selects and the
 * container port its first port targets, by number or by name.
 */
export async function serviceBackend(
  kc: KubeConfig,
  namespace: string,
  service: V1Service,
): Promise<ServiceBackend> {
  const name = service.metadata?.name ?? '';
  const selector = Object.entries(service.spec?.selector ?? {})
    .map(([k, v]) => `${k}=${v}`)
    .join(',');
  if (!selector) throw new Error(`Service ${name} has no selector`);
  const pod = (await listPods(kc, namespace, selector)).find(isPodReady);
  if (!pod) throw new Error(`Service ${name} selects no Ready pod (${selector})`);
  const target = service.spec?.ports?.[0]?.targetPort ?? service.spec?.ports?.[0]?.port;
  const port =
    typeof target === 'number' || /^\d+$/.test(String(target))
      ? Number(target)
      : pod.spec?.containers.flatMap((c) => c.ports ?? []).find((p) => p.name === target)
          ?.containerPort;
  if (!port) throw new Error(`Service ${name} targets port ${target}, which no container names`);
  return { pod, port };
}
