import { logger } from '@nx/devkit';
import { ADDON_WORKLOADS, ensureAddon } from '@pakaura/deploy-tools/cluster';
import { normalizeOptions } from './lib/normalize-options';
import type { AddonExecutorSchema } from './schema';

/** Seed T003/T004: the addon is enabled and its controller available afterwards. */
export default async function addonExecutor(
  options: AddonExecutorSchema,
): Promise<{ success: boolean }> {
  try {
    const opts = normalizeOptions(options);
    if (opts.provider !== 'minikube') {
      const { namespace, deployment } = ADDON_WORKLOADS[opts.addon];
      logger.warn(
        `${opts.addon} is a minikube addon; on ${opts.provider} install it yourself if you need it (the deploy does not): a ${deployment} Deployment in namespace ${namespace}.`,
      );
      return { success: true };
    }
    const action = await ensureAddon(opts);
    logger.info(
      action === 'enabled'
        ? `Enabled the ${opts.addon} addon on "${opts.profile}"; its controller is available.`
        : `The ${opts.addon} addon was already enabled on "${opts.profile}" and its controller is available: nothing to do.`,
    );
    return { success: true };
  } catch (error) {
    logger.error((error as Error).message);
    return { success: false };
  }
}
