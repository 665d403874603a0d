import { run } from '../process';
import type { ClusterOptions } from './options';

export interface MinikubeStatus {
  exists: boolean;
  running: boolean;
  /** False when the kubeconfig no longer points at the cluster (`minikube update-context` fixes it). */
  kubeconfigConfigured: boolean;
}

/** Exit code of `minikube status` for a profile that does not exist. */
const PROFILE_NOT_FOUND = 85;

/**
 * `minikube status -o json` read into three facts. minikube exits non-zero when anything is not
 * running (7) or the profile does not exist (85); both are answers here, not failures.
 */
export async function minikubeStatus(profile: string): Promise<MinikubeStatus> {
  const result = await run('minikube', ['status', '-p', profile, '-o', 'json'], { reject: false });
  let parsed: Record<string, unknown> | undefined;
  try {
    parsed = JSON.parse(result.stdout) as Record<string, unknown>;
  } catch {
    parsed = undefined;
  }
  if (result.exitCode === PROFILE_NOT_FOUND || parsed?.['Host'] === 'Nonexistent') {
    return { exists: false, running: false, kubeconfigConfigured: false };
  }
  if (!parsed) {
    const said = (result.stderr || result.stdout).trim().split('\n')[0];
    throw new Error(`minikube status failed for profile "${profile}": ${said}`);
  }
  const running = ['Host', 'Kubelet', 'APIServer'].every((key) => parsed[key] === 'Running');
  return { exists: true, running, kubeconfigConfigured: parsed['Kubeconfig'] === 'Configured' };
}

/** The seed's T002 command line for these options. */
export function minikubeStartArgs(options: ClusterOptions): string[] {
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

export async function startMinikube(options: ClusterOptions): Promise<void> {
  await run('minikube', minikubeStartArgs(options), {
    stdio: 'tee',
    hint: `Check the tools with: nx run local-cluster:prereqs. Remove a broken profile with: minikube delete -p ${options.name}`,
  });
}

export async function updateMinikubeContext(profile: string): Promise<void> {
  await run('minikube', ['update-context', '-p', profile]);
}
