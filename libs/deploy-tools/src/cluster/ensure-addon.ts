import { enableAddon, enabledAddons, waitForAddon, type ClusterAddon } from './addons';

export interface AddonOptions {
  addon: ClusterAddon;
  /** minikube profile (also the kube context minikube writes). */
  profile: string;
  timeoutSeconds: number;
}

export type AddonAction = 'already-enabled' | 'enabled';

/**
 * Enables a minikube addon unless it is enabled already, then waits until its workload is
 * available either way: "enabled" in the addon list does not mean the controller is up yet.
 */
export async function ensureAddon(options: AddonOptions): Promise<AddonAction> {
  const enabled = await enabledAddons(options.profile);
  const action: AddonAction = enabled.has(options.addon) ? 'already-enabled' : 'enabled';
  if (action === 'enabled') await enableAddon(options.profile, options.addon);
  await waitForAddon(options.profile, options.addon, options.timeoutSeconds);
  return action;
}
