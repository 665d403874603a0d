import type { V1Container, V1Pod } from '@kubernetes/client-node';
import type { PreparedVolume } from './volumes';
import { resourceFlags } from './resources';
import { securityFlags, type EffectiveSecurity } from './security';

/** Everything `docker run` needs for one container of a pod. */
export interface ContainerRunPlan {
  dockerName: string;
  pause: string;
  labels: Record<string, string>;
  container: V1Container;
  image: string;
  imageUser: string | undefined;
  security: EffectiveSecurity;
  command: string[] | undefined;
  args: string[] | undefined;
  volumes: Map<string, PreparedVolume>;
  hostsFile: string;
  resolvFile: string;
  envFile: string;
  stopTimeoutSeconds: number;
}

/**
 * The `docker run -d` argv of a pod's container: in the pause container's network and IPC
 * namespaces, without the image's HEALTHCHECK (a kubelet ignores it), with the pod's hosts and
 * resolv.conf, its volumes, security context and resources. Kubernetes' `command` replaces the
 * image's ENTRYPOINT (and drops its CMD); `args` replace CMD.
 */
export function dockerRunArgs(pod: V1Pod, plan: ContainerRunPlan): string[] {
  const c = plan.container;
  const argv = ['run', '-d', '--name', plan.dockerName];
  for (const [key, value] of Object.entries(plan.labels)) argv.push('--label', `${key}=${value}`);
  argv.push('--network', `container:${plan.pause}`, '--ipc', `container:${plan.pause}`);
  argv.push(
    '--no-healthcheck',
    '--restart',
    'no',
    '--stop-timeout',
    String(plan.stopTimeoutSeconds),
  );
  argv.push('--env-file', plan.envFile);
  argv.push('--mount', `type=bind,source=${plan.hostsFile},target=/etc/hosts,readonly`);
  argv.push('--mount', `type=bind,source=${plan.resolvFile},target=/etc/resolv.conf,readonly`);
  for (const mount of c.volumeMounts ?? []) {
    const volume = plan.volumes.get(mount.name);
    if (!volume)
      throw new Error(
        `container ${c.name} mounts volume "${mount.name}", which pod ${pod.metadata?.name} does not declare`,
      );
    const source = mount.subPath ? `${volume.hostPath}/${mount.subPath}` : volume.hostPath;
    const readOnly = mount.readOnly || volume.readOnly ? ',readonly' : '';
    argv.push('--mount', `type=bind,source=${source},target=${mount.mountPath}${readOnly}`);
  }
  argv.push(...securityFlags(plan.security, plan.imageUser));
  argv.push(...resourceFlags(c.resources));
  if (c.workingDir) argv.push('--workdir', c.workingDir);
  if (c.tty) argv.push('--tty');
  if (c.stdin) argv.push('--interactive');
  const command = plan.command && plan.command.length > 0 ? plan.command : undefined;
  if (command) argv.push('--entrypoint', command[0]);
  argv.push(plan.image);
  if (command) argv.push(...command.slice(1), ...(plan.args ?? []));
  else if (plan.args) argv.push(...plan.args);
  return argv;
}

/** `KEY=value` lines for `docker run --env-file` (a value with a newline cannot be written so). */
export function envFileContent(env: Map<string, string>): string {
  const lines: string[] = [];
  for (const [key, value] of env) {
    if (value.includes('\n')) {
      throw new Error(
        `environment variable ${key} holds a newline, which docker's --env-file cannot carry`,
      );
    }
    lines.push(`${key}=${value}`);
  }
  return lines.join('\n') + '\n';
}
