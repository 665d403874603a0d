import { createKindCluster, kindClusters } from './kind';
import {
  minikubeProfileVersion,
  minikubeStatus,
  startMinikube,
  updateMinikubeContext,
} from './minikube';
import { clusterContext, type ClusterOptions } from './options';

export type ClusterAction = 'already-running' | 'started' | 'context-updated';

export interface ClusterResult {
  action: ClusterAction;
  /** The kube context that now points at the cluster. */
  context: string;
  /** Something the person should know, e.g. an existing profile on another Kubernetes version. */
  note?: string;
}

/**
 * Makes sure the local cluster runs (seed T002), doing nothing when it already does: a second
 * `minikube start` would take a minute and may restart components for nothing. An existing
 * minikube profile is started as it is, never "downgraded" to the version asked for.
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
  const version = status.exists ? await minikubeProfileVersion(options.name) : undefined;
  await startMinikube(options, status.exists);
  const note =
    version && version !== options.kubernetesVersion
      ? `Profile "${options.name}" runs Kubernetes ${version}, not ${options.kubernetesVersion}: it was started as it is. For ${options.kubernetesVersion}, delete it first (minikube delete -p ${options.name}) or use another profile (--minikubeProfile).`
      : undefined;
  return { action: 'started', context, ...(note ? { note } : {}) };
}
