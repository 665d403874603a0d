export {
  ADDON_WORKLOADS,
  addonLockPath,
  CLUSTER_ADDONS,
  KIND_INGRESS_MANIFEST,
  isClusterAddon,
  enabledAddons,
  type ClusterAddon,
} from './addons';
export { ensureAddon, type AddonAction, type AddonOptions } from './ensure-addon';
export { ensureCluster, type ClusterAction, type ClusterResult } from './ensure-cluster';
export { KIND_NODE_IMAGES, kindClusters, kindCreateArgs, kindNodeImage, kindServer } from './kind';
export {
  minikubeDriver,
  minikubeProfileVersion,
  minikubeStartArgs,
  minikubeStatus,
  type MinikubeStatus,
} from './minikube';
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
export { deleteCluster } from './delete-cluster';
