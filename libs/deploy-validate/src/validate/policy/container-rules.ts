import { containerRule, who } from './container-rule';
import type { PolicyRule } from './rule';
import { dig } from './workloads';

/** `name:tag` or `name@digest`; a port in the registry host is not a tag. */
export function imageTag(image: string): { tag?: string; digest?: string } {
  const at = image.indexOf('@');
  if (at >= 0) return { digest: image.slice(at + 1) };
  const lastSlash = image.lastIndexOf('/');
  const colon = image.indexOf(':', lastSlash + 1);
  return colon >= 0 ? { tag: image.slice(colon + 1) } : {};
}

function probeRule(kind: 'readiness' | 'liveness'): PolicyRule {
  const field = `${kind}Probe`;
  return containerRule(
    `${kind}-probe`,
    `Every long-running container has a ${kind} probe.`,
    (ref, pod) =>
      !pod.longRunning || ref.init || ref.container[field] !== undefined
        ? []
        : [
            {
              path: `${ref.path}.${field}`,
              message: `${who(ref)} has no ${field}: ${
                kind === 'readiness'
                  ? 'traffic would reach it before it can answer'
                  : 'a hung process would never be restarted'
              }`,
            },
          ],
  );
}

export const CONTAINER_RULES: PolicyRule[] = [
  containerRule(
    'requests-and-limits',
    'Every container requests and limits both CPU and memory.',
    (ref) =>
      (['requests', 'limits'] as const).flatMap((side) =>
        (['cpu', 'memory'] as const)
          .filter((resource) => dig(ref.container, 'resources', side, resource) === undefined)
          .map((resource) => ({
            path: `${ref.path}.resources.${side}.${resource}`,
            message: `${who(ref)} has no ${resource} ${side === 'requests' ? 'request' : 'limit'}`,
          })),
      ),
  ),
  probeRule('readiness'),
  probeRule('liveness'),
  containerRule(
    'no-latest-tag',
    'Every image names a fixed tag or digest, never `latest`.',
    (ref) => {
      const image = ref.container['image'];
      if (typeof image !== 'string') return [];
      const { tag, digest } = imageTag(image);
      if (digest) return [];
      if (!tag || tag === 'latest') {
        return [
          {
            path: `${ref.path}.image`,
            message: `${who(ref)} image "${image}" ${tag ? 'uses' : 'defaults to'} the "latest" tag: pin a version or content tag`,
          },
        ];
      }
      return [];
    },
  ),
  containerRule(
    'pull-policy-if-not-present',
    'Every container pulls its (immutable, content-tagged) image only when the node lacks it.',
    (ref) =>
      ref.container['imagePullPolicy'] === 'IfNotPresent'
        ? []
        : [
            {
              path: `${ref.path}.imagePullPolicy`,
              message: `${who(ref)} must set imagePullPolicy: IfNotPresent (found ${String(ref.container['imagePullPolicy'] ?? 'nothing')})`,
            },
          ],
  ),
];
