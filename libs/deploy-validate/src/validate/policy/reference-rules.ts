import { isRecord, type ManifestObject } from '../types';
import type { PolicyRule, Violation } from './rule';
import {
  containersOf,
  dig,
  kindOf,
  mapSelectorMatches,
  nameOf,
  namespaceOf,
  podTemplateOf,
  selectorMatches,
  workloadPods,
} from './workloads';

/** The ports (number and name) the containers of the pods matched by a Service declare. */
function declaredPorts(pods: ReturnType<typeof workloadPods>) {
  const numbers = new Set<number>();
  const names = new Set<string>();
  for (const { pod } of pods) {
    for (const { container } of containersOf(pod)) {
      for (const port of Array.isArray(container['ports']) ? container['ports'] : []) {
        if (!isRecord(port)) continue;
        if (typeof port['containerPort'] === 'number') numbers.add(port['containerPort']);
        if (typeof port['name'] === 'string') names.add(port['name']);
      }
    }
  }
  return { numbers, names };
}

function servicePorts(service: ManifestObject) {
  const ports = dig(service.object, 'spec', 'ports');
  return (Array.isArray(ports) ? ports : []).filter(isRecord);
}

export const REFERENCE_RULES: PolicyRule[] = [
  {
    id: 'selector-matches-labels',
    description:
      "A workload's selector matches its pod template; PodDisruptionBudgets and NetworkPolicies select some pods.",
    check(manifest, all) {
      const { object } = manifest;
      const pod = podTemplateOf(object);
      const selector = dig(object, 'spec', 'selector');
      if (pod?.replicated && selector !== undefined && !selectorMatches(selector, pod.labels)) {
        return [
          { path: 'spec.selector', message: 'does not match the labels of its own pod template' },
        ];
      }
      const path = {
        PodDisruptionBudget: ['spec', 'selector'],
        NetworkPolicy: ['spec', 'podSelector'],
      }[kindOf(manifest)];
      if (!path) return [];
      const matched = workloadPods(all, namespaceOf(manifest)).some(({ pod: p }) =>
        selectorMatches(dig(object, ...path), p.labels),
      );
      return matched ? [] : [{ path: path.join('.'), message: 'selects no pods of the bundle' }];
    },
  },
  {
    id: 'service-selects-pods',
    description:
      'A Service selects pods of the bundle, and every targetPort is a port those pods declare.',
    check(manifest, all) {
      if (kindOf(manifest) !== 'Service') return [];
      const selector = dig(manifest.object, 'spec', 'selector');
      if (!isRecord(selector) || Object.keys(selector).length === 0) return [];
      const pods = workloadPods(all, namespaceOf(manifest)).filter(
        ({ pod }) => pod.longRunning && mapSelectorMatches(selector, pod.labels),
      );
      if (pods.length === 0)
        return [{ path: 'spec.selector', message: 'selects no long-running pods of the bundle' }];
      const { numbers, names } = declaredPorts(pods);
      return servicePorts(manifest).flatMap((port, i): Violation[] => {
        const target = port['targetPort'] ?? port['port'];
        const ok = typeof target === 'number' ? numbers.has(target) : names.has(String(target));
        return ok
          ? []
          : [
              {
                path: `spec.ports[${i}].targetPort`,
                message: `${String(target)} is not a port of the selected pods`,
              },
            ];
      });
    },
  },
  {
    id: 'ingress-backend-exists',
    description: 'Every Ingress backend is a Service of the bundle, on a port that Service has.',
    check(manifest, all) {
      if (kindOf(manifest) !== 'Ingress') return [];
      const backends: { path: string; backend: unknown }[] = [];
      const rules = dig(manifest.object, 'spec', 'rules');
      (Array.isArray(rules) ? rules : []).forEach((rule, r) => {
        const paths = dig(rule, 'http', 'paths');
        (Array.isArray(paths) ? paths : []).forEach((p, i) =>
          backends.push({
            path: `spec.rules[${r}].http.paths[${i}].backend.service`,
            backend: dig(p, 'backend', 'service'),
          }),
        );
      });
      const fallback = dig(manifest.object, 'spec', 'defaultBackend', 'service');
      if (fallback !== undefined)
        backends.push({ path: 'spec.defaultBackend.service', backend: fallback });

      return backends.flatMap(({ path, backend }): Violation[] => {
        const name = dig(backend, 'name');
        const service = all.find(
          (m) =>
            kindOf(m) === 'Service' &&
            nameOf(m) === name &&
            namespaceOf(m) === namespaceOf(manifest),
        );
        if (!service)
          return [
            { path: `${path}.name`, message: `Service "${String(name)}" is not in the bundle` },
          ];
        const want = dig(backend, 'port');
        const ok = servicePorts(service).some(
          (p) => p['name'] === dig(want, 'name') || p['port'] === dig(want, 'number'),
        );
        return ok
          ? []
          : [{ path: `${path}.port`, message: `Service "${String(name)}" has no such port` }];
      });
    },
  },
  {
    id: 'statefulset-headless-service',
    description:
      "A StatefulSet's serviceName is a headless Service of the bundle (its pods' DNS names).",
    check(manifest, all) {
      if (kindOf(manifest) !== 'StatefulSet') return [];
      const name = dig(manifest.object, 'spec', 'serviceName');
      const service = all.find(
        (m) =>
          kindOf(m) === 'Service' && nameOf(m) === name && namespaceOf(m) === namespaceOf(manifest),
      );
      if (!service)
        return [
          { path: 'spec.serviceName', message: `Service "${String(name)}" is not in the bundle` },
        ];
      return dig(service.object, 'spec', 'clusterIP') === 'None'
        ? []
        : [
            {
              path: 'spec.serviceName',
              message: `Service "${String(name)}" is not headless (clusterIP: None)`,
            },
          ];
    },
  },
];
