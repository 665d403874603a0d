/** Where the local cluster comes from. */
export type ClusterProvider = 'minikube' | 'kind';

/** How to start the local cluster (seed T002 defaults). */
export interface ClusterOptions {
  provider: ClusterProvider;
  /** minikube profile, or kind cluster name. */
  name: string;
  driver: string;
  cpus: number;
  /** MiB. */
  memory: number;
  diskSize: string;
  kubernetesVersion: string;
  /** kind: the cluster config file to create the cluster from (absolute). */
  kindConfig?: string;
}

export const DEFAULT_CLUSTER_OPTIONS: ClusterOptions = {
  provider: 'minikube',
  name: 'minikube',
  driver: 'docker',
  cpus: 4,
  memory: 8192,
  diskSize: '20g',
  kubernetesVersion: 'v1.29.0',
};

/** The kube context each provider writes for a cluster: the profile for minikube, `kind-<name>` for kind. */
export function clusterContext(provider: ClusterProvider, name: string): string {
  return provider === 'kind' ? `kind-${name}` : name;
}

/** What to run when a step needs the cluster and it is not there. */
export const START_CLUSTER_HINT = 'Start the cluster first: nx run local-cluster:cluster';

/** Environment variables for the options every environment target shares (same names as the image executor's). */
export const CLUSTER_ENV = {
  provider: 'PAKAURA_CLUSTER_PROVIDER',
  minikubeProfile: 'PAKAURA_MINIKUBE_PROFILE',
  kindCluster: 'PAKAURA_KIND_CLUSTER',
} as const;

export interface ClusterTargetInput {
  provider?: string;
  minikubeProfile?: string;
  kindCluster?: string;
}

export interface ClusterTarget {
  provider: ClusterProvider;
  /** minikube profile or kind cluster name. */
  name: string;
  /** The kube context the provider writes for it. */
  context: string;
}

/**
 * Which local cluster a target works on: options first, then PAKAURA_* variables, then minikube's
 * default profile. An unknown provider is refused with the accepted values.
 */
export function resolveClusterTarget(
  input: ClusterTargetInput,
  env: NodeJS.ProcessEnv = process.env,
): ClusterTarget {
  const pick = (key: keyof typeof CLUSTER_ENV) =>
    nonEmpty(input[key]) ?? nonEmpty(env[CLUSTER_ENV[key]]);
  const provider = pick('provider') ?? 'minikube';
  if (provider !== 'minikube' && provider !== 'kind') {
    throw new Error(
      `provider must be minikube or kind (got "${provider}", from --provider or ${CLUSTER_ENV.provider}).`,
    );
  }
  const name =
    provider === 'kind' ? (pick('kindCluster') ?? 'kind') : (pick('minikubeProfile') ?? 'minikube');
  return { provider, name, context: clusterContext(provider, name) };
}

function nonEmpty(value: string | undefined): string | undefined {
  return value === undefined || value.trim() === '' ? undefined : value.trim();
}
