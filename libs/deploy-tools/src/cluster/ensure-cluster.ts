import { createKindCluster, kindClusters } from './kind';
import { minikubeStatus, startMinikube, updateMinikubeContext } from './minikube';
import { clusterContext, type ClusterOptions } from './options';

export type ClusterAction = 'already-running' | 'started' | 'context-updated';

export interface ClusterResult {
  action: ClusterAction;
  /** The kube context that now points at the cluster. */
  context: string;
}

/**
 * Makes sure the local cluster runs (seed T002), doing nothing when it already does: a second
 * `minikube start` would take a minute and may restart components for nothing.
 */
export async function ensureCluster(options: ClusterOptions): Promise<ClusterResult> {
  const context = clusterContext(options.provider, options.name);
  if (options.provider === 'kind') {
    if ((await kindClusters()).includes(options.name))
      return { action: 'already-running', context };
    await createKindCluster(options);
    return { action: 'started', context };
  }
  const status = await minikubeStatus(options.name);
  if (status.running && status.kubeconfigConfigured) return { action: 'already-running', context };
  if (status.running) {
    await updateMinikubeContext(options.name);
    return { action: 'context-updated', context };
  }
  await startMinikube(options);
  return { action: 'started', context };
}
