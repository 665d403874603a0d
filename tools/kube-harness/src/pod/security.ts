import type { V1Container, V1Pod } from '@kubernetes/client-node';
import { ContainerConfigError } from './errors';

/** The security settings that apply to one container: its own over the pod's. */
export interface EffectiveSecurity {
  runAsUser?: number;
  runAsGroup?: number;
  runAsNonRoot: boolean;
  fsGroup?: number;
  supplementalGroups: number[];
  readOnlyRootFilesystem: boolean;
  allowPrivilegeEscalation: boolean;
  privileged: boolean;
  capDrop: string[];
  capAdd: string[];
}

export function effectiveSecurity(pod: V1Pod, container: V1Container): EffectiveSecurity {
  const podContext = pod.spec?.securityContext ?? {};
  const own = container.securityContext ?? {};
  return {
    runAsUser: own.runAsUser ?? podContext.runAsUser,
    runAsGroup: own.runAsGroup ?? podContext.runAsGroup,
    runAsNonRoot: own.runAsNonRoot ?? podContext.runAsNonRoot ?? false,
    fsGroup: podContext.fsGroup,
    supplementalGroups: podContext.supplementalGroups ?? [],
    readOnlyRootFilesystem: own.readOnlyRootFilesystem ?? false,
    // Kubernetes' default is true; privileged or CAP_SYS_ADMIN always allow it.
    allowPrivilegeEscalation: own.allowPrivilegeEscalation ?? true,
    privileged: own.privileged ?? false,
    capDrop: own.capabilities?.drop ?? [],
    capAdd: own.capabilities?.add ?? [],
  };
}

/** The image's `USER` as the kubelet reads it: a uid when numeric, else a user name. */
export function imageUser(user: string | undefined): { uid?: number; name?: string } {
  const [who = ''] = (user ?? '').split(':');
  if (who === '') return { uid: 0 };
  return /^\d+$/.test(who) ? { uid: Number(who) } : { name: who };
}

/**
 * The kubelet's runAsNonRoot check (pkg/kubelet/kuberuntime/security_context_others.go,
 * verifyRunAsNonRoot), with its messages: a runAsUser of 0, or no runAsUser and an image that
 * runs as root or as a user name that cannot be verified, is a CreateContainerConfigError.
 */
export function verifyRunAsNonRoot(
  pod: V1Pod,
  container: V1Container,
  security: EffectiveSecurity,
  imageUserSpec: string | undefined,
): void {
  if (!security.runAsNonRoot) return;
  const where = `(pod: "${podRef(pod)}", container: ${container.name})`;
  const fail = (message: string) => {
    throw new ContainerConfigError('CreateContainerConfigError', `${message} ${where}`);
  };
  if (security.runAsUser !== undefined) {
    if (security.runAsUser === 0) fail("container's runAsUser breaks non-root policy");
    return;
  }
  const user = imageUser(imageUserSpec);
  if (user.uid === 0) fail('container has runAsNonRoot and image will run as root');
  if (user.name !== undefined) {
    fail(
      `container has runAsNonRoot and image has non-numeric user (${user.name}), cannot verify user is non-root`,
    );
  }
}

/** `name_namespace(uid)`, the kubelet's format.Pod(). */
export function podRef(pod: V1Pod): string {
  return `${pod.metadata?.name}_${pod.metadata?.namespace}(${pod.metadata?.uid ?? ''})`;
}

/**
 * `docker run` flags for the security context: the user and groups (fsGroup and
 * supplementalGroups become supplementary groups, as the kubelet adds them), a read-only root,
 * capabilities, no-new-privileges when privilege escalation is off, privileged mode.
 */
export function securityFlags(
  security: EffectiveSecurity,
  imageUserSpec: string | undefined,
): string[] {
  const flags: string[] = [];
  if (security.runAsUser !== undefined || security.runAsGroup !== undefined) {
    const user = security.runAsUser ?? (imageUserSpec ?? '').split(':')[0] ?? '0';
    flags.push(
      '--user',
      security.runAsGroup === undefined ? `${user}` : `${user || '0'}:${security.runAsGroup}`,
    );
  }
  const groups = new Set<number>([
    ...(security.fsGroup === undefined ? [] : [security.fsGroup]),
    ...security.supplementalGroups,
  ]);
  for (const group of groups) flags.push('--group-add', String(group));
  if (security.readOnlyRootFilesystem) flags.push('--read-only');
  if (security.privileged) flags.push('--privileged');
  for (const cap of security.capDrop) flags.push('--cap-drop', cap);
  for (const cap of security.capAdd) flags.push('--cap-add', cap);
  if (!security.allowPrivilegeEscalation && !security.privileged) {
    flags.push('--security-opt', 'no-new-privileges');
  }
  return flags;
}
