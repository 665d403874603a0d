import { isRecord } from '../types';
import { containerRule, who } from './container-rule';
import type { PolicyRule, Violation } from './rule';
import { containersOf, dig, podTemplateOf, type ContainerRef, type PodTemplate } from './workloads';

/** A container's setting, else the pod's (container securityContext overrides the pod's). */
function effective(ref: ContainerRef, pod: PodTemplate, key: string): unknown {
  return dig(ref.container, 'securityContext', key) ?? dig(pod.spec, 'securityContext', key);
}

export const SECURITY_RULES: PolicyRule[] = [
  containerRule(
    'run-as-non-root',
    'Every container runs with runAsNonRoot and a numeric, non-zero runAsUser.',
    (ref, pod) => {
      const nonRoot = effective(ref, pod, 'runAsNonRoot');
      const user = effective(ref, pod, 'runAsUser');
      if (nonRoot !== true) {
        return {
          path: `${ref.path}.securityContext.runAsNonRoot`,
          message: `${who(ref)} may run as root: set runAsNonRoot: true (pod or container securityContext)`,
        };
      }
      if (typeof user !== 'number' || user === 0) {
        return {
          path: `${ref.path}.securityContext.runAsUser`,
          message: `${who(ref)} needs a numeric non-root runAsUser (the image's user), so the kubelet can verify it`,
        };
      }
      return undefined;
    },
  ),
  containerRule(
    'read-only-root-filesystem',
    'Every container has a read-only root filesystem; writable paths are volumes.',
    (ref) =>
      dig(ref.container, 'securityContext', 'readOnlyRootFilesystem') === true
        ? undefined
        : {
            path: `${ref.path}.securityContext.readOnlyRootFilesystem`,
            message: `${who(ref)} must set readOnlyRootFilesystem: true (mount an emptyDir where it writes)`,
          },
  ),
  containerRule(
    'no-privilege-escalation',
    'No container is privileged or may gain privileges.',
    (ref) => {
      const sc = dig(ref.container, 'securityContext');
      if (isRecord(sc) && sc['privileged'] === true) {
        return {
          path: `${ref.path}.securityContext.privileged`,
          message: `${who(ref)} must not be privileged`,
        };
      }
      return isRecord(sc) && sc['allowPrivilegeEscalation'] === false
        ? undefined
        : {
            path: `${ref.path}.securityContext.allowPrivilegeEscalation`,
            message: `${who(ref)} must set allowPrivilegeEscalation: false`,
          };
    },
  ),
  containerRule(
    'drop-all-capabilities',
    'Every container drops ALL capabilities and adds none.',
    (ref) => {
      const drop = dig(ref.container, 'securityContext', 'capabilities', 'drop');
      const add = dig(ref.container, 'securityContext', 'capabilities', 'add');
      if (!Array.isArray(drop) || !drop.includes('ALL')) {
        return {
          path: `${ref.path}.securityContext.capabilities.drop`,
          message: `${who(ref)} must drop ALL capabilities`,
        };
      }
      return Array.isArray(add) && add.length > 0
        ? {
            path: `${ref.path}.securityContext.capabilities.add`,
            message: `${who(ref)} must not add capabilities (${add.join(', ')})`,
          }
        : undefined;
    },
  ),
  containerRule(
    'seccomp-runtime-default',
    "Every container runs under the runtime's default seccomp profile (or a Localhost one).",
    (ref, pod) => {
      const type = dig(effective(ref, pod, 'seccompProfile'), 'type');
      return type === 'RuntimeDefault' || type === 'Localhost'
        ? undefined
        : {
            path: `${pod.path}.securityContext.seccompProfile.type`,
            message: `${who(ref)} needs seccompProfile.type RuntimeDefault`,
          };
    },
  ),
  {
    id: 'no-service-account-token',
    description:
      'Pods do not mount a service-account token (none of them calls the Kubernetes API).',
    check({ object }) {
      const pod = podTemplateOf(object);
      if (!pod || pod.spec['automountServiceAccountToken'] === false) return [];
      return [
        {
          path: `${pod.path}.automountServiceAccountToken`,
          message: 'must be false: the pod would get a token for the Kubernetes API it never calls',
        },
      ];
    },
  },
  {
    id: 'no-host-access',
    description: 'Pods share no host namespace, mount no host path and bind no host port.',
    check({ object }) {
      const pod = podTemplateOf(object);
      if (!pod) return [];
      const found: Violation[] = ['hostNetwork', 'hostPID', 'hostIPC']
        .filter((key) => pod.spec[key] === true)
        .map((key) => ({ path: `${pod.path}.${key}`, message: 'must not be true' }));
      const volumes = Array.isArray(pod.spec['volumes']) ? pod.spec['volumes'] : [];
      volumes.forEach((volume, i) => {
        if (isRecord(volume) && volume['hostPath'] !== undefined) {
          found.push({
            path: `${pod.path}.volumes[${i}].hostPath`,
            message: 'host paths are not allowed',
          });
        }
      });
      for (const ref of containersOf(pod)) {
        const ports = Array.isArray(ref.container['ports']) ? ref.container['ports'] : [];
        ports.forEach((port, i) => {
          if (isRecord(port) && port['hostPort'] !== undefined) {
            found.push({
              path: `${ref.path}.ports[${i}].hostPort`,
              message: 'host ports are not allowed',
            });
          }
        });
      }
      return found;
    },
  },
];
