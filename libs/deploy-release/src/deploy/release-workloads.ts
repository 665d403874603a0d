import { AppsV1Api, type KubeConfig } from '@kubernetes/client-node';
import { manifestObjects, refOf, type ManifestRef } from './manifest';
import { reason } from '@pakaura/deploy-kube/kube';

const WORKLOAD_KINDS = ['Deployment', 'StatefulSet'] as const;

/**
 * The Deployments and StatefulSets of the release's manifest that are gone from the cluster
 * (someone ran `kubectl delete deploy/api`): helm's digest still matches, yet the release no longer
 * runs. Helm recreates missing objects on the next upgrade.
 */
export async function missingWorkloads(
  kc: KubeConfig,
  namespace: string,
  manifest: string,
): Promise<ManifestRef[]> {
  const apps = kc.makeApiClient(AppsV1Api);
  const workloads = manifestObjects(manifest)
    .map(refOf)
    .filter((ref) => (WORKLOAD_KINDS as readonly string[]).includes(ref.kind));
  const missing: ManifestRef[] = [];
  for (const ref of workloads) {
    const params = { name: ref.name, namespace: ref.namespace ?? namespace };
    try {
      if (ref.kind === 'Deployment') await apps.readNamespacedDeployment(params);
      else await apps.readNamespacedStatefulSet(params);
    } catch (error) {
      if ((error as { code?: number }).code === 404) missing.push(ref);
      else
        throw new Error(
          `Cannot read ${ref.kind} ${params.namespace}/${ref.name}: ${reason(error)}`,
          {
            cause: error,
          },
        );
    }
  }
  return missing;
}
