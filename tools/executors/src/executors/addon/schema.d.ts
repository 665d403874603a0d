import type { ClusterAddon, ClusterProvider } from '@pakaura/deploy-kube/cluster';

/** Options of the `addon` executor, as written in project.json or on the command line. */
export interface AddonExecutorSchema {
  addon: ClusterAddon;
  provider?: ClusterProvider;
  minikubeProfile?: string;
  kindCluster?: string;
  timeoutSeconds?: number;
}
