import type { V1ConfigMap, V1Container, V1Pod, V1Secret } from '@kubernetes/client-node';
import { ContainerConfigError } from './errors';
import { expand } from './expand';

/** The Secrets and ConfigMaps of the release, by namespace and name. */
export interface ConfigSource {
  secret(namespace: string, name: string): V1Secret | undefined;
  configMap(namespace: string, name: string): V1ConfigMap | undefined;
}

/** What `fieldRef` can read about the pod. */
export interface PodFacts {
  podIP?: string;
}

const VALID_NAME = /^[-._a-zA-Z][-._a-zA-Z0-9]*$/;

/**
 * A container's environment as the kubelet builds it (pkg/kubelet/kubelet_pods.go,
 * makeEnvironmentVariables): `envFrom` first, then `env` in order, each `value` expanded with what
 * came before; `secretKeyRef`/`configMapKeyRef` honour `optional`. A missing object or key that is
 * not optional fails with the kubelet's CreateContainerConfigError message.
 */
export function resolveEnv(
  pod: V1Pod,
  container: V1Container,
  source: ConfigSource,
  facts: PodFacts = {},
): Map<string, string> {
  const namespace = pod.metadata?.namespace ?? 'default';
  const env = new Map<string, string>();
  const fail = (message: string) => {
    throw new ContainerConfigError('CreateContainerConfigError', message);
  };

  for (const from of container.envFrom ?? []) {
    const prefix = from.prefix ?? '';
    if (from.configMapRef) {
      const { name = '', optional = false } = from.configMapRef;
      const configMap = source.configMap(namespace, name);
      if (!configMap) {
        if (optional) continue;
        fail(`configmap "${name}" not found`);
      }
      for (const [key, value] of Object.entries(configMap?.data ?? {})) {
        if (VALID_NAME.test(prefix + key)) env.set(prefix + key, value);
      }
    }
    if (from.secretRef) {
      const { name = '', optional = false } = from.secretRef;
      const secret = source.secret(namespace, name);
      if (!secret) {
        if (optional) continue;
        fail(`secret "${name}" not found`);
      }
      for (const [key, value] of Object.entries(secret?.data ?? {})) {
        if (VALID_NAME.test(prefix + key)) env.set(prefix + key, decode(value));
      }
    }
  }

  for (const variable of container.env ?? []) {
    const from = variable.valueFrom;
    if (!from) {
      env.set(
        variable.name,
        expand(variable.value ?? '', (name) => env.get(name)),
      );
      continue;
    }
    if (from.configMapKeyRef) {
      const { name = '', key, optional = false } = from.configMapKeyRef;
      const configMap = source.configMap(namespace, name);
      if (!configMap) {
        if (optional) continue;
        fail(`configmap "${name}" not found`);
      }
      const value = configMap?.data?.[key];
      if (value === undefined) {
        if (optional) continue;
        fail(`couldn't find key ${key} in ConfigMap ${namespace}/${name}`);
      }
      env.set(variable.name, value as string);
    } else if (from.secretKeyRef) {
      const { name = '', key, optional = false } = from.secretKeyRef;
      const secret = source.secret(namespace, name);
      if (!secret) {
        if (optional) continue;
        fail(`secret "${name}" not found`);
      }
      const value = secret?.data?.[key];
      if (value === undefined) {
        if (optional) continue;
        fail(`couldn't find key ${key} in Secret ${namespace}/${name}`);
      }
      env.set(variable.name, decode(value as string));
    } else if (from.fieldRef) {
      env.set(variable.name, fieldValue(pod, from.fieldRef.fieldPath, facts));
    } else if (from.resourceFieldRef) {
      env.set(variable.name, resourceValue(container, from.resourceFieldRef.resource));
    }
  }
  return env;
}

/** `command` and `args` with `$(VAR)` expanded from the container's environment. */
export function expandCommand(
  words: string[] | undefined,
  env: Map<string, string>,
): string[] | undefined {
  return words?.map((word) => expand(word, (name) => env.get(name)));
}

function decode(base64: string): string {
  return Buffer.from(base64, 'base64').toString('utf8');
}

function fieldValue(pod: V1Pod, path: string, facts: PodFacts): string {
  const label = /^metadata\.(labels|annotations)\['(.+)'\]$/.exec(path);
  if (label) {
    const map = label[1] === 'labels' ? pod.metadata?.labels : pod.metadata?.annotations;
    return map?.[label[2]] ?? '';
  }
  switch (path) {
    case 'metadata.name':
      return pod.metadata?.name ?? '';
    case 'metadata.namespace':
      return pod.metadata?.namespace ?? '';
    case 'metadata.uid':
      return pod.metadata?.uid ?? '';
    case 'spec.nodeName':
      return 'kube-harness';
    case 'spec.serviceAccountName':
      return pod.spec?.serviceAccountName ?? 'default';
    case 'status.podIP':
    case 'status.podIPs':
      return facts.podIP ?? '';
    case 'status.hostIP':
      return '127.0.0.1';
    default:
      throw new ContainerConfigError(
        'CreateContainerConfigError',
        `unsupported fieldRef fieldPath ${path}`,
      );
  }
}

function resourceValue(container: V1Container, resource: string): string {
  const [kind, name] = resource.split('.');
  const table = kind === 'limits' ? container.resources?.limits : container.resources?.requests;
  return String(table?.[name] ?? '0');
}
