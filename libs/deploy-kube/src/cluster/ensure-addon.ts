import {
  addonInstalled,
  enableAddon,
  enabledAddons,
  installKindIngress,
  waitForAddon,
  type ClusterAddon,
} from './addons';
import { clusterContext, type ClusterProvider } from './options';

export interface AddonOptions {
  addon: ClusterAddon;
  /** Default minikube. */
  provider?: ClusterProvider;
  /** minikube profile, or kind cluster name. */
  profile: string;
  timeoutSeconds: number;
}

/** `skipped`: kind has no metrics-server addon, and Pakaura does not install one there. */
export type AddonAction = 'already-enabled' | 'enabled' | 'skipped';

/**
 * Enables a minikube addon unless it is enabled already, or on kind installs ingress-nginx's kind
 * manifest unless it is there, then waits until the workload is available either way: "enabled"
 * does not mean the controller is up yet.
 */
export async function ensureAddon(options: AddonOptions): Promise<AddonAction> {
  const provider = options.provider ?? 'minikube';
  const context = clusterContext(provider, options.profile);
  if (provider === 'kind') {
    if (options.addon !== 'ingress') return 'skipped';
    const installed = await addonInstalled(context, options.addon);
    if (!installed) await installKindIngress(context);
    await waitForAddon(context, options.addon, options.timeoutSeconds);
    return installed ? 'already-enabled' : 'enabled';
  }
  const enabled = await enabledAddons(options.profile);
  const action: AddonAction = enabled.has(options.addon) ? 'already-enabled' : 'enabled';
  if (action === 'enabled') await enableAddon(options.profile, options.addon);
  await waitForAddon(context, options.addon, options.timeoutSeconds);
  return action;
}
