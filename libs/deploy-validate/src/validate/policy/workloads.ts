import { isRecord, type KubeObject, type ManifestObject } from '../types';

export interface PodTemplate {
  /** Path of the pod spec inside the object: `spec`, `spec.template.spec`, ... */
  path: string;
  labels: Record<string, string>;
  spec: Record<string, unknown>;
  /** Serves traffic until replaced (not a Job's run-to-completion pod). */
  longRunning: boolean;
  /** Managed by a controller that keeps replicas running (a PodDisruptionBudget can apply). */
  replicated: boolean;
}

export interface ContainerRef {
  container: Record<string, unknown>;
  path: string;
  name: string;
  init: boolean;
}

const REPLICATED = new Set([
  'Deployment',
  'StatefulSet',
  'DaemonSet',
  'ReplicaSet',
  'ReplicationController',
]);

/** The pod template of a workload object, or undefined for objects that run no pods. */
export function podTemplateOf(object: KubeObject): PodTemplate | undefined {
  const kind = object['kind'];
  if (kind === 'Pod') return template(object, 'spec', true, false);
  if (typeof kind === 'string' && REPLICATED.has(kind)) {
    return template(dig(object, 'spec', 'template'), 'spec.template.spec', true, true);
  }
  if (kind === 'Job')
    return template(dig(object, 'spec', 'template'), 'spec.template.spec', false, false);
  if (kind === 'CronJob') {
    return template(
      dig(object, 'spec', 'jobTemplate', 'spec', 'template'),
      'spec.jobTemplate.spec.template.spec',
      false,
      false,
    );
  }
  return undefined;
}

function template(
  holder: unknown,
  path: string,
  longRunning: boolean,
  replicated: boolean,
): PodTemplate | undefined {
  const spec = dig(holder, 'spec');
  if (!isRecord(spec)) return undefined;
  const labels = dig(holder, 'metadata', 'labels');
  return {
    path,
    spec,
    labels: isRecord(labels) ? (labels as Record<string, string>) : {},
    longRunning,
    replicated,
  };
}

/** Every container of a pod, init containers first. */
export function containersOf(pod: PodTemplate): ContainerRef[] {
  const list = (field: 'initContainers' | 'containers', init: boolean): ContainerRef[] => {
    const containers = pod.spec[field];
    if (!Array.isArray(containers)) return [];
    return containers.filter(isRecord).map((container, i) => ({
      container,
      path: `${pod.path}.${field}[${i}]`,
      name: typeof container['name'] === 'string' ? container['name'] : `#${i}`,
      init,
    }));
  };
  return [...list('initContainers', true), ...list('containers', false)];
}

export function dig(value: unknown, ...keys: string[]): unknown {
  return keys.reduce<unknown>(
    (current, key) => (isRecord(current) ? current[key] : undefined),
    value,
  );
}

export function namespaceOf(manifest: ManifestObject): string {
  const ns = dig(manifest.object, 'metadata', 'namespace');
  return typeof ns === 'string' ? ns : '';
}

export function nameOf(manifest: ManifestObject): string {
  const name = dig(manifest.object, 'metadata', 'name');
  return typeof name === 'string' ? name : '';
}

export function kindOf(manifest: ManifestObject): string {
  return typeof manifest.object['kind'] === 'string' ? manifest.object['kind'] : '';
}

interface LabelSelector {
  matchLabels?: Record<string, string>;
  matchExpressions?: { key: string; operator: string; values?: string[] }[];
}

/** Whether a LabelSelector matches a label set; an empty selector matches everything. */
export function selectorMatches(selector: unknown, labels: Record<string, string>): boolean {
  if (!isRecord(selector)) return false;
  const { matchLabels = {}, matchExpressions = [] } = selector as LabelSelector;
  const labelsOk = Object.entries(matchLabels).every(([k, v]) => labels[k] === v);
  const expressionsOk = matchExpressions.every(({ key, operator, values = [] }) => {
    switch (operator) {
      case 'In':
        return key in labels && values.includes(labels[key]);
      case 'NotIn':
        return !(key in labels) || !values.includes(labels[key]);
      case 'Exists':
        return key in labels;
      case 'DoesNotExist':
        return !(key in labels);
      default:
        return false;
    }
  });
  return labelsOk && expressionsOk;
}

/** Whether a Service-style selector (a plain map) matches a label set. */
export function mapSelectorMatches(
  selector: Record<string, unknown>,
  labels: Record<string, string>,
) {
  return Object.entries(selector).every(([k, v]) => labels[k] === v);
}

/** Pods of long-running workloads in a namespace, with the object that owns each template. */
export function workloadPods(all: readonly ManifestObject[], namespace: string) {
  return all.flatMap((manifest) => {
    const pod = namespaceOf(manifest) === namespace ? podTemplateOf(manifest.object) : undefined;
    return pod ? [{ manifest, pod }] : [];
  });
}
