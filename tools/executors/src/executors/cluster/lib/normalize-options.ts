import {
  DEFAULT_CLUSTER_OPTIONS,
  resolveClusterTarget,
  type ClusterOptions,
} from '@pakaura/deploy-kube/cluster';
import { resolve } from 'node:path';
import type { ClusterExecutorSchema } from '../schema';

/** The kind cluster config the project ships (labels and port mappings for the ingress). */
export const KIND_CONFIG = 'tools/local-cluster/kind-config.yaml';

/** Every option filled from the command line/project.json, then PAKAURA_* variables, then the seed's values. */
export function normalizeOptions(
  options: ClusterExecutorSchema,
  env: NodeJS.ProcessEnv = process.env,
  workspaceRoot = process.cwd(),
): ClusterOptions {
  const target = resolveClusterTarget(options, env);
  return {
    provider: target.provider,
    name: target.name,
    driver: options.driver ?? DEFAULT_CLUSTER_OPTIONS.driver,
    cpus: options.cpus ?? DEFAULT_CLUSTER_OPTIONS.cpus,
    memory: options.memory ?? DEFAULT_CLUSTER_OPTIONS.memory,
    diskSize: options.diskSize ?? DEFAULT_CLUSTER_OPTIONS.diskSize,
    kubernetesVersion: options.kubernetesVersion ?? DEFAULT_CLUSTER_OPTIONS.kubernetesVersion,
    kindConfig: resolve(workspaceRoot, options.kindConfig ?? KIND_CONFIG),
  };
}
