import type { V1Service, V1ServicePort } from '@kubernetes/client-node';
import type { ServiceRoute } from '../net/gateway-protocol';
import { resolvePort } from '../pod/probes';
import type { PodRunner } from '../pod/pod-runner';
import { serviceNames, type HostEntry } from './hosts';

/** A Service with the address the harness gave it (none when headless). */
export interface ServiceState {
  service: V1Service;
  clusterIP?: string;
}

export function selects(service: V1Service, pod: PodRunner): boolean {
  const selector = service.spec?.selector;
  if (!selector || Object.keys(selector).length === 0) return false;
  if (service.metadata?.namespace !== pod.namespace) return false;
  const labels = pod.pod.metadata?.labels ?? {};
  return Object.entries(selector).every(([k, v]) => labels[k] === v);
}

export function isHeadless(service: V1Service): boolean {
  return service.spec?.clusterIP === 'None';
}

/** The pods a Service sends traffic to: those it selects that are Ready (as kube-proxy's endpoints). */
export function endpointsOf(service: V1Service, pods: PodRunner[]): PodRunner[] {
  const publishNotReady = service.spec?.publishNotReadyAddresses ?? false;
  return pods.filter(
    (pod) => selects(service, pod) && pod.podIP && !pod.deleting && (pod.ready || publishNotReady),
  );
}

/** The port a Service port reaches on a pod: its targetPort, resolved by name on the pod's containers. */
export function targetPort(port: V1ServicePort, pod: PodRunner): number | undefined {
  const target = port.targetPort ?? port.port;
  for (const container of pod.pod.spec?.containers ?? []) {
    try {
      return resolvePort(target, container);
    } catch {
      continue;
    }
  }
  return undefined;
}

/** The gateway's routes: each ClusterIP Service port to the ready pods' target ports. */
export function serviceRoutes(services: ServiceState[], pods: PodRunner[]): ServiceRoute[] {
  return services
    .filter((s) => s.clusterIP)
    .flatMap((s) =>
      (s.service.spec?.ports ?? []).map((port) => ({
        ip: s.clusterIP as string,
        port: port.port,
        endpoints: endpointsOf(s.service, pods).flatMap((pod) => {
          const target = targetPort(port, pod);
          return target === undefined ? [] : [{ ip: pod.podIP as string, port: target }];
        }),
      })),
    );
}

/**
 * The names cluster DNS would answer: a ClusterIP Service resolves to its address, a headless
 * one to each ready pod, and a pod with a hostname and a subdomain naming a headless Service
 * (a StatefulSet's) to `<pod>.<service>` under every DNS form.
 */
export function hostEntries(services: ServiceState[], pods: PodRunner[]): HostEntry[] {
  const entries: HostEntry[] = [];
  for (const { service, clusterIP } of services) {
    const name = service.metadata?.name ?? '';
    const namespace = service.metadata?.namespace ?? 'default';
    if (clusterIP) {
      entries.push({ address: clusterIP, names: serviceNames(name, namespace) });
      continue;
    }
    if (!isHeadless(service)) continue;
    for (const pod of endpointsOf(service, pods)) {
      entries.push({ address: pod.podIP as string, names: serviceNames(name, namespace) });
      const spec = pod.pod.spec;
      if (spec?.hostname && spec.subdomain === name) {
        entries.push({
          address: pod.podIP as string,
          names: serviceNames(`${spec.hostname}.${name}`, namespace),
        });
      }
    }
  }
  return entries;
}
