import {
  CLUSTER_ADDONS,
  isClusterAddon,
  resolveClusterTarget,
  type ClusterAddon,
  type ClusterProvider,
} from '@pakaura/deploy-kube/cluster';
import type { AddonExecutorSchema } from '../schema';

export interface NormalizedAddonOptions {
  addon: ClusterAddon;
  provider: ClusterProvider;
  profile: string;
  timeoutSeconds: number;
}

export function normalizeOptions(
  options: AddonExecutorSchema,
  env: NodeJS.ProcessEnv = process.env,
): NormalizedAddonOptions {
  if (!isClusterAddon(options.addon)) {
    throw new Error(`addon must be one of ${CLUSTER_ADDONS.join(', ')} (got "${options.addon}").`);
  }
  const target = resolveClusterTarget(options, env);
  return {
    addon: options.addon,
    provider: target.provider,
    profile: target.name,
    timeoutSeconds: options.timeoutSeconds ?? 300,
  };
}
