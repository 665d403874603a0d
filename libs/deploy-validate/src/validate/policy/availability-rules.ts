import { isRecord, type ManifestObject } from '../types';
import type { PolicyRule } from './rule';
import { dig, kindOf, nameOf, namespaceOf, podTemplateOf, selectorMatches } from './workloads';

/** Objects of `kind` in `namespace` whose label selector at `path` matches `labels`. */
function selecting(
  all: readonly ManifestObject[],
  kind: string,
  namespace: string,
  path: string[],
  labels: Record<string, string>,
) {
  return all.filter(
    (m) =>
      kindOf(m) === kind &&
      namespaceOf(m) === namespace &&
      selectorMatches(dig(m.object, ...path), labels),
  );
}

/** HorizontalPodAutoscalers of the bundle that scale this object. */
function autoscalersOf(manifest: ManifestObject, all: readonly ManifestObject[]) {
  return all.filter(
    (m) =>
      kindOf(m) === 'HorizontalPodAutoscaler' &&
      namespaceOf(m) === namespaceOf(manifest) &&
      dig(m.object, 'spec', 'scaleTargetRef', 'kind') === kindOf(manifest) &&
      dig(m.object, 'spec', 'scaleTargetRef', 'name') === nameOf(manifest),
  );
}

const SCALABLE = new Set(['Deployment', 'StatefulSet', 'ReplicaSet']);

export const AVAILABILITY_RULES: PolicyRule[] = [
  {
    id: 'pdb-present',
    description: 'Every replicated workload is covered by a PodDisruptionBudget.',
    check(manifest, all) {
      const pod = podTemplateOf(manifest.object);
      if (!pod?.replicated) return [];
      const covered = selecting(
        all,
        'PodDisruptionBudget',
        namespaceOf(manifest),
        ['spec', 'selector'],
        pod.labels,
      );
      return covered.length > 0
        ? []
        : [
            {
              path: '',
              message:
                'no PodDisruptionBudget selects its pods: a node drain may evict them all at once',
            },
          ];
    },
  },
  {
    id: 'network-policy-present',
    description:
      'Every replicated workload is selected by a NetworkPolicy (it is not open to the whole cluster).',
    check(manifest, all) {
      const pod = podTemplateOf(manifest.object);
      if (!pod?.replicated) return [];
      const covered = selecting(
        all,
        'NetworkPolicy',
        namespaceOf(manifest),
        ['spec', 'podSelector'],
        pod.labels,
      );
      return covered.length > 0
        ? []
        : [
            {
              path: '',
              message: 'no NetworkPolicy selects its pods: every pod in the cluster can reach them',
            },
          ];
    },
  },
  {
    id: 'rolling-update-no-unavailable',
    description:
      'Deployments roll out with maxUnavailable 0: a new pod is ready before an old one stops.',
    check({ object }) {
      if (object['kind'] !== 'Deployment') return [];
      const strategy = dig(object, 'spec', 'strategy');
      const type = dig(strategy, 'type') ?? 'RollingUpdate';
      if (type !== 'RollingUpdate') {
        return [
          {
            path: 'spec.strategy.type',
            message: `${String(type)} stops every pod before starting new ones`,
          },
        ];
      }
      const maxUnavailable = dig(strategy, 'rollingUpdate', 'maxUnavailable');
      return maxUnavailable === 0 || maxUnavailable === '0%'
        ? []
        : [
            {
              path: 'spec.strategy.rollingUpdate.maxUnavailable',
              message: `must be 0 (found ${String(maxUnavailable ?? 'the default 25%')}): a rollout would drop serving capacity`,
            },
          ];
    },
  },
  {
    id: 'hpa-owns-replicas',
    description: 'A workload scaled by a HorizontalPodAutoscaler leaves spec.replicas to it.',
    check(manifest, all) {
      if (!SCALABLE.has(kindOf(manifest)) || dig(manifest.object, 'spec', 'replicas') === undefined)
        return [];
      const hpas = autoscalersOf(manifest, all);
      return hpas.length === 0
        ? []
        : [
            {
              path: 'spec.replicas',
              message: `HorizontalPodAutoscaler/${nameOf(hpas[0])} scales this object: every upgrade would reset its choice to ${String(dig(manifest.object, 'spec', 'replicas'))}`,
            },
          ];
    },
  },
  {
    id: 'hpa-target-exists',
    description: "A HorizontalPodAutoscaler's target is in the bundle.",
    check(manifest, all) {
      if (kindOf(manifest) !== 'HorizontalPodAutoscaler') return [];
      const ref = dig(manifest.object, 'spec', 'scaleTargetRef');
      if (!isRecord(ref)) return [];
      const found = all.some(
        (m) =>
          kindOf(m) === ref['kind'] &&
          nameOf(m) === ref['name'] &&
          namespaceOf(m) === namespaceOf(manifest),
      );
      return found
        ? []
        : [
            {
              path: 'spec.scaleTargetRef',
              message: `${String(ref['kind'])}/${String(ref['name'])} is not in the bundle`,
            },
          ];
    },
  },
];
