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
