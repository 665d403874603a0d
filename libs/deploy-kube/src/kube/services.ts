import { CoreV1Api, type KubeConfig, type V1Service } from '@kubernetes/client-node';
import { reason } from './errors';

export async function listServices(kc: KubeConfig, namespace: string): Promise<V1Service[]> {
  try {
    return (await kc.makeApiClient(CoreV1Api).listNamespacedService({ namespace })).items;
  } catch (error) {
    throw new Error(`Cannot list services in namespace ${namespace}: ${reason(error)}`, {
      cause: error,
    });
  }
}

/** `8000/TCP` or `80:30080/TCP` (port:nodePort), joined with commas, as kubectl prints them. */
export function servicePorts(service: V1Service): string {
  return (service.spec?.ports ?? [])
    .map((p) => `${p.port}${p.nodePort ? `:${p.nodePort}` : ''}/${p.protocol ?? 'TCP'}`)
    .join(',');
}
