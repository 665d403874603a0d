import { logger } from '@nx/devkit';
import { ADDON_WORKLOADS, ensureAddon } from '@pakaura/deploy-kube/cluster';
import { normalizeOptions } from './lib/normalize-options';
import type { AddonExecutorSchema } from './schema';

/** Seed T003/T004: the addon is enabled and its controller available afterwards. */
export default async function addonExecutor(
  options: AddonExecutorSchema,
): Promise<{ success: boolean }> {
  try {
    const opts = normalizeOptions(options);
    const action = await ensureAddon(opts);
    const { namespace, deployment } = ADDON_WORKLOADS[opts.addon];
    const what =
      opts.provider === 'kind' ? `ingress-nginx (kind manifest)` : `the ${opts.addon} addon`;
    logger.info(
      action === 'skipped'
        ? `kind has no ${opts.addon} addon and Pakaura does not install one (the HPA then keeps its minimum); install a ${deployment} Deployment in ${namespace} yourself to autoscale.`
        : action === 'enabled'
          ? `Enabled ${what} on "${opts.profile}"; its controller is available.`
          : `${what[0].toUpperCase()}${what.slice(1)} was already enabled on "${opts.profile}" and its controller is available: nothing to do.`,
    );
    return { success: true };
  } catch (error) {
    logger.error((error as Error).message);
    return { success: false };
  }
}
