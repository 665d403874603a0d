import type { ClusterProvider } from '@pakaura/deploy-kube/cluster';

/** Options of the `cluster` executor, as written in project.json or on the command line. */
export interface ClusterExecutorSchema {
  provider?: ClusterProvider;
  minikubeProfile?: string;
  kindCluster?: string;
  kindConfig?: string;
  driver?: string;
  cpus?: number;
  memory?: number;
  diskSize?: string;
  kubernetesVersion?: string;
}
