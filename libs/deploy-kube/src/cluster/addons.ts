import { tmpdir } from 'node:os';
import { join } from 'node:path';
import lockfile from 'proper-lockfile';
import { resolveBinary, run } from '../process';
import { START_CLUSTER_HINT } from './options';

/** The addons the graph enables (seed T003, T004). */
export const CLUSTER_ADDONS = ['ingress', 'metrics-server'] as const;
export type ClusterAddon = (typeof CLUSTER_ADDONS)[number];

/** The Deployment each addon runs: the addon is ready when it is available. */
export const ADDON_WORKLOADS: Readonly<
  Record<ClusterAddon, { namespace: string; deployment: string }>
> = {
  ingress: { namespace: 'ingress-nginx', deployment: 'ingress-nginx-controller' },
  'metrics-server': { namespace: 'kube-system', deployment: 'metrics-server' },
};

/**
 * ingress-nginx's own manifest for kind (a hostPort controller on the node labelled
 * `ingress-ready=true`, status address `localhost`), pinned to a controller release that supports
 * Kubernetes 1.29: the same `ingress-nginx-controller` Deployment minikube's addon runs.
 */
export const KIND_INGRESS_MANIFEST =
  'https://raw.githubusercontent.com/kubernetes/ingress-nginx/controller-v1.11.3/deploy/static/provider/kind/deploy.yaml';

export function isClusterAddon(name: string): name is ClusterAddon {
  return (CLUSTER_ADDONS as readonly string[]).includes(name);
}

/**
 * Which addons a minikube profile has enabled (`minikube addons list -o json`: one key per addon
 * with its Status; a profile minikube does not know lists every addon as `{}`).
 */
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
      { cause: error },
    );
  }
  return new Set(
    Object.entries(parsed)
      .filter(([, a]) => a.Status === 'enabled')
      .map(([n]) => n),
  );
}

/**
 * `minikube addons enable`, one at a time per profile across processes: minikube loads the
 * profile's config, runs the addon's callbacks, then writes the config back, so two enables at
 * once (the two addon targets run in parallel) can lose one of them.
 */
export async function enableAddon(profile: string, addon: ClusterAddon): Promise<void> {
  const release = await lockfile.lock(addonLockPath(profile), {
    realpath: false,
    retries: { retries: 600, minTimeout: 250, maxTimeout: 1000 },
  });
  try {
    await run('minikube', ['addons', 'enable', addon, '-p', profile], {
      stdio: 'tee',
      hint: START_CLUSTER_HINT,
    });
  } finally {
    await release();
  }
}

/** One lock per minikube profile and user, outside the workspace (any checkout shares it). */
export function addonLockPath(profile: string): string {
  const user = process.getuid?.() ?? 'user';
  return join(tmpdir(), `pakaura-minikube-addons-${user}-${encodeURIComponent(profile)}`);
}

/** Whether the addon's Deployment exists (kind: installed by a previous run). */
export async function addonInstalled(context: string, addon: ClusterAddon): Promise<boolean> {
  const { namespace, deployment } = ADDON_WORKLOADS[addon];
  const result = await run(
    resolveBinary('kubectl'),
    ['get', `deployment/${deployment}`, '-n', namespace, '--context', context, '-o', 'name'],
    { reject: false },
  );
  if (result.exitCode === 0) return true;
  if (/NotFound|not found/.test(result.stderr)) return false;
  throw new Error(`kubectl get deployment/${deployment} failed: ${result.stderr.trim()}`);
}

/** kind has no addons: ingress-nginx's kind manifest is applied instead. */
export async function installKindIngress(context: string): Promise<void> {
  await run(
    resolveBinary('kubectl'),
    ['apply', '-f', KIND_INGRESS_MANIFEST, '--context', context],
    {
      stdio: 'tee',
      hint: `Could not install ingress-nginx. Is the kind cluster running? Run: nx run local-cluster:cluster --configuration=kind`,
    },
  );
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
