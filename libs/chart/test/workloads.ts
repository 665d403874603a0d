import type { KubeObject, ManifestObject } from '@pakaura/deploy-validate';

/** The parts of Kubernetes objects the contract tests read, typed loosely on purpose. */
export interface EnvVar {
  name: string;
  value?: string;
  valueFrom?: {
    secretKeyRef?: { name: string; key: string; optional?: boolean };
    configMapKeyRef?: { name: string; key: string };
  };
}

export interface Probe {
  httpGet?: { path: string; port: string | number };
  exec?: { command: string[] };
}

export interface Container {
  name: string;
  image: string;
  command?: string[];
  args?: string[];
  ports?: { name?: string; containerPort: number }[];
  env?: EnvVar[];
  envFrom?: { configMapRef?: { name: string }; secretRef?: { name: string } }[];
  readinessProbe?: Probe;
  livenessProbe?: Probe;
  startupProbe?: Probe;
  volumeMounts?: { name: string; mountPath: string }[];
  securityContext?: Record<string, unknown>;
  lifecycle?: { preStop?: { exec?: { command: string[] }; sleep?: { seconds: number } } };
}

export interface PodSpec {
  containers: Container[];
  initContainers?: Container[];
  securityContext?: { runAsUser?: number; runAsGroup?: number; runAsNonRoot?: boolean };
  volumes?: { name: string; emptyDir?: object }[];
  terminationGracePeriodSeconds?: number;
}

export function podSpec(object: KubeObject): PodSpec {
  const spec = object['spec'] as { template?: { spec: PodSpec } } & PodSpec;
  return spec.template ? spec.template.spec : spec;
}

export function container(object: KubeObject, name: string): Container {
  const pod = podSpec(object);
  const found = [...(pod.initContainers ?? []), ...pod.containers].find((c) => c.name === name);
  if (!found) throw new Error(`No container ${name}`);
  return found;
}

export interface ConfigMapLike {
  data?: Record<string, string>;
  stringData?: Record<string, string>;
}

/**
 * The environment a container really gets, as the kubelet builds it: envFrom ConfigMaps and
 * Secrets first, then env entries (values, configMapKeyRef, secretKeyRef), looked up in the
 * bundle. Secret values are base64-decoded. Missing optional keys are left out.
 */
export function resolveEnv(
  c: Container,
  bundle: readonly ManifestObject[],
): Record<string, string> {
  const lookup = (kind: 'ConfigMap' | 'Secret', name: string) => {
    const found = bundle.find(
      (m) => m.object['kind'] === kind && (m.object['metadata'] as { name: string }).name === name,
    )?.object as ConfigMapLike | undefined;
    if (!found) return undefined;
    const decoded = Object.fromEntries(
      Object.entries(found.data ?? {}).map(([k, v]) => [
        k,
        kind === 'Secret' ? Buffer.from(v, 'base64').toString('utf8') : v,
      ]),
    );
    return { ...decoded, ...(found.stringData ?? {}) };
  };
  const env: Record<string, string> = {};
  for (const source of c.envFrom ?? []) {
    const data = source.configMapRef
      ? lookup('ConfigMap', source.configMapRef.name)
      : source.secretRef
        ? lookup('Secret', source.secretRef.name)
        : undefined;
    if (!data) throw new Error(`envFrom names an object the bundle lacks`);
    Object.assign(env, data);
  }
  for (const entry of c.env ?? []) {
    if (entry.value !== undefined) env[entry.name] = entry.value;
    const ref = entry.valueFrom?.secretKeyRef ?? entry.valueFrom?.configMapKeyRef;
    if (!ref) continue;
    const kind = entry.valueFrom?.secretKeyRef ? 'Secret' : 'ConfigMap';
    const value = lookup(kind, ref.name)?.[ref.key];
    if (value === undefined && !entry.valueFrom?.secretKeyRef?.optional) {
      throw new Error(`${entry.name}: ${kind} ${ref.name} has no key ${ref.key}`);
    }
    if (value !== undefined) env[entry.name] = value;
  }
  return env;
}

/** Names a container's environment holds, without resolving any value. */
export function envNames(c: Container, bundle: readonly ManifestObject[]): string[] {
  const fromRefs = (c.envFrom ?? []).flatMap((source) => {
    const name = source.configMapRef?.name ?? source.secretRef?.name;
    const found = bundle.find((m) => (m.object['metadata'] as { name: string }).name === name);
    return Object.keys((found?.object as ConfigMapLike | undefined)?.data ?? {});
  });
  return [...new Set([...fromRefs, ...(c.env ?? []).map((e) => e.name)])].sort();
}
