import { logger, type ExecutorContext } from '@nx/devkit';
import { ensureCluster } from '@pakaura/deploy-kube/cluster';
import { normalizeOptions } from './lib/normalize-options';
import type { ClusterExecutorSchema } from './schema';

/** Seed T002: the local cluster runs afterwards; a no-op when it already did. */
export default async function clusterExecutor(
  options: ClusterExecutorSchema,
  executor?: Pick<ExecutorContext, 'root'>,
): Promise<{ success: boolean }> {
  try {
    const opts = normalizeOptions(options, process.env, executor?.root ?? process.cwd());
    const { action, context, note } = await ensureCluster(opts);
    const messages = {
      'already-running': `${opts.provider} cluster "${opts.name}" is already running (context ${context}): nothing to do.`,
      'context-updated': `${opts.provider} cluster "${opts.name}" is running; its kube context ${context} was repaired.`,
      started: `${opts.provider} cluster "${opts.name}" started (context ${context}).`,
    };
    logger.info(messages[action]);
    if (note) logger.warn(note);
    return { success: true };
  } catch (error) {
    logger.error((error as Error).message);
    return { success: false };
  }
}
