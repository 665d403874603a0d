import {
  CoreV1Api,
  type KubeConfig,
  type V1Namespace,
  type V1PersistentVolumeClaim,
} from '@kubernetes/client-node';
import { reason } from './errors';

/** The namespace object (labels, annotations), or undefined when it does not exist. */
export async function readNamespace(
  kc: KubeConfig,
  name: string,
): Promise<V1Namespace | undefined> {
  try {
    return await kc.makeApiClient(CoreV1Api).readNamespace({ name });
  } catch (error) {
    if ((error as { code?: number }).code === 404) return undefined;
    throw new Error(`Cannot read namespace ${name}: ${reason(error)}`, { cause: error });
  }
}

export async function namespaceExists(kc: KubeConfig, name: string): Promise<boolean> {
  try {
    await kc.makeApiClient(CoreV1Api).readNamespace({ name });
    return true;
  } catch (error) {
    if ((error as { code?: number }).code === 404) return false;
    throw new Error(`Cannot read namespace ${name}: ${reason(error)}`, { cause: error });
  }
}

/** Deletes a namespace and everything in it, volume claims included. */
export async function deleteNamespace(kc: KubeConfig, name: string): Promise<void> {
  try {
    await kc.makeApiClient(CoreV1Api).deleteNamespace({ name });
  } catch (error) {
    throw new Error(`Cannot delete namespace ${name}: ${reason(error)}`, { cause: error });
  }
}

export async function listVolumeClaims(
  kc: KubeConfig,
  namespace: string,
): Promise<V1PersistentVolumeClaim[]> {
  try {
    return (await kc.makeApiClient(CoreV1Api).listNamespacedPersistentVolumeClaim({ namespace }))
      .items;
  } catch (error) {
    throw new Error(`Cannot list volume claims in namespace ${namespace}: ${reason(error)}`, {
      cause: error,
    });
  }
}
