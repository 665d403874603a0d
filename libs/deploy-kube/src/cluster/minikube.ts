import { run } from '../process';
import type { ClusterOptions } from './options';

export interface MinikubeStatus {
  exists: boolean;
  running: boolean;
  /** False when the kubeconfig no longer points at the cluster (`minikube update-context` fixes it). */
  kubeconfigConfigured: boolean;
}

/** Exit code of `minikube status` for a profile that does not exist (reason.ExGuestNotFound). */
const PROFILE_NOT_FOUND = 85;

interface NodeStatus {
  Name?: string;
  Host?: string;
  Kubelet?: string;
  APIServer?: string;
  Kubeconfig?: string;
  Worker?: boolean;
}

/**
 * `minikube status -o json` read into three facts. It prints one object for a one-node profile
 * and an array for several nodes; workers answer "Irrelevant" for the API server and the
 * kubeconfig, so those two come from the control plane. minikube exits non-zero when anything
 * is not running (a bit field, 7 when stopped) or the profile does not exist (85, with CloudEvents
 * lines instead of a status): both are answers here, not failures.
 */
export async function minikubeStatus(
  profile: string,
  env: Record<string, string> = {},
): Promise<MinikubeStatus> {
  const result = await run('minikube', ['status', '-p', profile, '-o', 'json'], {
    reject: false,
    env,
  });
  if (result.exitCode === PROFILE_NOT_FOUND) {
    return { exists: false, running: false, kubeconfigConfigured: false };
  }
  let nodes: NodeStatus[] | undefined;
  try {
    const parsed = JSON.parse(result.stdout) as NodeStatus | NodeStatus[];
    nodes = Array.isArray(parsed) ? parsed : [parsed];
  } catch {
    nodes = undefined;
  }
  const controlPlane = nodes?.find((node) => node.Worker !== true);
  if (!nodes || !controlPlane) {
    const said = (result.stderr || result.stdout).trim().split('\n')[0];
    throw new Error(`minikube status failed for profile "${profile}": ${said}`);
  }
  if (controlPlane.Host === 'Nonexistent') {
    return { exists: false, running: false, kubeconfigConfigured: false };
  }
  const running =
    nodes.every((node) => node.Host === 'Running' && node.Kubelet === 'Running') &&
    controlPlane.APIServer === 'Running';
  return { exists: true, running, kubeconfigConfigured: controlPlane.Kubeconfig === 'Configured' };
}

interface ProfileConfig {
  Driver?: string;
  KubernetesConfig?: { KubernetesVersion?: string };
}

/**
 * A profile's saved config as `minikube profile list -o json` prints it (`{"invalid":[],
 * "valid":[{Name,Status,Config:{Driver,KubernetesConfig:{KubernetesVersion},…}}]}`,
 * cmd/minikube/cmd/config/profile_list.go), or undefined when minikube does not know the profile.
 */
async function profileConfig(profile: string): Promise<ProfileConfig | undefined> {
  const { stdout } = await run('minikube', ['profile', 'list', '-o', 'json'], { reject: false });
  try {
    const parsed = JSON.parse(stdout) as { valid?: { Name?: string; Config?: ProfileConfig }[] };
    return parsed.valid?.find((p) => p.Name === profile)?.Config;
  } catch {
    return undefined;
  }
}

/** The Kubernetes version an existing profile runs, or undefined when minikube does not know it. */
export async function minikubeProfileVersion(profile: string): Promise<string | undefined> {
  return (await profileConfig(profile))?.KubernetesConfig?.KubernetesVersion;
}

/** The driver a profile was created with (`docker`, `qemu2`, `kvm2`, …), or undefined. */
export async function minikubeDriver(profile: string): Promise<string | undefined> {
  return (await profileConfig(profile))?.Driver;
}

/**
 * The seed's T002 command line for a new profile. An existing profile is started as it was
 * created: minikube refuses to downgrade its Kubernetes version (K8S_DOWNGRADE_UNSUPPORTED) and
 * cannot change its CPUs, memory or disk, so only the profile is passed.
 */
export function minikubeStartArgs(options: ClusterOptions, existing = false): string[] {
  if (existing) return ['start', '-p', options.name];
  return [
    'start',
    '-p',
    options.name,
    `--cpus=${options.cpus}`,
    `--memory=${options.memory}`,
    `--disk-size=${options.diskSize}`,
    `--driver=${options.driver}`,
    `--kubernetes-version=${options.kubernetesVersion}`,
  ];
}

export async function startMinikube(options: ClusterOptions, existing = false): Promise<void> {
  await run('minikube', minikubeStartArgs(options, existing), {
    stdio: 'tee',
    hint: `Check the tools with: nx run local-cluster:prereqs. Remove a broken profile with: minikube delete -p ${options.name}`,
  });
}

export async function updateMinikubeContext(profile: string): Promise<void> {
  await run('minikube', ['update-context', '-p', profile]);
}
