export {
  ADDON_WORKLOADS,
  CLUSTER_ADDONS,
  isClusterAddon,
  enabledAddons,
  type ClusterAddon,
} from './addons';
export { ensureAddon, type AddonAction, type AddonOptions } from './ensure-addon';
export { ensureCluster, type ClusterAction, type ClusterResult } from './ensure-cluster';
export { kindClusters, kindCreateArgs } from './kind';
export { minikubeStartArgs, minikubeStatus, type MinikubeStatus } from './minikube';
export {
  CLUSTER_ENV,
  clusterContext,
  DEFAULT_CLUSTER_OPTIONS,
  resolveClusterTarget,
  START_CLUSTER_HINT,
  type ClusterOptions,
  type ClusterProvider,
  type ClusterTarget,
  type ClusterTargetInput,
} from './options';
