import { resolveBinary, run } from '../process';
import { START_CLUSTER_HINT } from './options';

/** The addons the graph enables (seed T003, T004). */
export const CLUSTER_ADDONS = ['ingress', 'metrics-server'] as const;
export type ClusterAddon = (typeof CLUSTER_ADDONS)[number];

/** The Deployment minikube creates for each addon: the addon is ready when it is available. */
export const ADDON_WORKLOADS: Readonly<
  Record<ClusterAddon, { namespace: string; deployment: string }>
> = {
  ingress: { namespace: 'ingress-nginx', deployment: 'ingress-nginx-controller' },
  'metrics-server': { namespace: 'kube-system', deployment: 'metrics-server' },
};

export function isClusterAddon(name: string): name is ClusterAddon {
  return (CLUSTER_ADDONS as readonly string[]).includes(name);
}

/** Which addons a minikube profile has enabled (`minikube addons list -o json`). */
export async function enabledAddons(profile: string): Promise<Set<string>> {
  const { stdout } = await run('minikube', ['addons', 'list', '-p', profile, '-o', 'json'], {
    hint: START_CLUSTER_HINT,
  });
  let parsed: Record<string, { Status?: string }>;
  try {
    parsed = JSON.parse(stdout) as Record<string, { Status?: string }>;
  } catch (error) {
    throw new Error(
      `minikube addons list printed something that is not JSON: ${stdout.slice(0, 80)}`,
      {
        cause: error,
      },
    );
  }
  return new Set(
    Object.entries(parsed)
      .filter(([, a]) => a.Status === 'enabled')
      .map(([n]) => n),
  );
}

export async function enableAddon(profile: string, addon: ClusterAddon): Promise<void> {
  await run('minikube', ['addons', 'enable', addon, '-p', profile], {
    stdio: 'tee',
    hint: START_CLUSTER_HINT,
  });
}

/** Waits until the addon's Deployment is rolled out, or fails after `timeoutSeconds`. */
export async function waitForAddon(
  context: string,
  addon: ClusterAddon,
  timeoutSeconds: number,
): Promise<void> {
  const { namespace, deployment } = ADDON_WORKLOADS[addon];
  // The same kubectl prereqs accepted: the one on PATH, else the one bundled with Pakaura.
  await run(
    resolveBinary('kubectl'),
    [
      'rollout',
      'status',
      `deployment/${deployment}`,
      '-n',
      namespace,
      '--context',
      context,
      `--timeout=${timeoutSeconds}s`,
    ],
    {
      hint: `The ${addon} addon did not become ready. Look at its pods: kubectl get pods -n ${namespace} --context ${context}`,
    },
  );
}
